import { useCallback, useMemo, useState } from 'react';

import { CHANNEL_LIST, CHANNELS, TAB } from '../../channels';
import type { AddressType } from '../../../../contract/types';
import type { DiagnosisLevel } from '../../diagnostics/diagnose';
import type { DiagnosisFilter } from '../../state/rows';
import type { ChannelCounts } from '../../state/useSetupRows';
import type { MessagingSetupStrings } from '../../strings';
import type { HealthChannel } from './HealthBanner';
import type { TypeFilter } from '../table/TableToolbar';

/**
 * The view's tabs: the channel registry's (channels/tabIds.ts) and the view's own that no channel
 * declares, the Trace tab (after History) and the Stuck conversations tab (after Trace).
 */
export const VIEW_TAB = { ...TAB, trace: 'messaging-setup-trace', stuck: 'messaging-setup-stuck' } as const;
export { VIEW_TAB as TAB };

/**
 * The tabs' filters that the health banner sets: each tab's Diagnosis filter (by tab id), and the
 * Addresses tab's Type. `showLevel` opens a channel's rows at a level: its own tab, or the
 * Addresses tab filtered to its type.
 */
export function useTabFilters(select: (tabId: string) => void) {
  const [diagnosis, setDiagnosisOf] = useState<Record<string, DiagnosisFilter>>({});
  const [addressType, setAddressType] = useState<TypeFilter>('all');
  const setDiagnosis = useCallback(
    (tabId: string, filter: DiagnosisFilter) => setDiagnosisOf((was) => ({ ...was, [tabId]: filter })),
    [],
  );
  // One setter per tab for the view's life, so a table's filters stay the same object.
  const setDiagnosisFor = useMemo(
    () =>
      Object.fromEntries(
        Object.values(TAB).map((tabId) => [tabId, (filter: DiagnosisFilter) => setDiagnosis(tabId, filter)]),
      ) as Record<string, (filter: DiagnosisFilter) => void>,
    [setDiagnosis],
  );
  const showLevel = useCallback(
    (type: AddressType, level: DiagnosisLevel) => {
      const tabId = CHANNELS[type].tab?.tabId ?? TAB.addresses;
      if (tabId === TAB.addresses) setAddressType(type);
      setDiagnosis(tabId, level);
      select(tabId);
    },
    [select, setDiagnosis],
  );
  return {
    diagnosisOf: (tabId: string): DiagnosisFilter => diagnosis[tabId] ?? 'all',
    setDiagnosisFor,
    addressType,
    setAddressType,
    showLevel,
  };
}

/** The health banner's lines: every channel Flex routes, each opening its own rows. */
export const healthChannels = (
  counts: Record<AddressType, ChannelCounts>,
  strings: MessagingSetupStrings,
): HealthChannel[] =>
  CHANNEL_LIST.map((channel) => ({
    type: channel.type,
    heading: strings[channel.health.heading],
    countLabel: strings[channel.health.countLabel],
    counts: counts[channel.type],
    always: channel.health.always,
  }));
