import { useCallback, useMemo, useState } from 'react';

import { CHANNEL_LIST, CHANNELS, TAB } from '../../channels';
import type { AddressType } from '../../../../contract/types';
import type { DiagnosisLevel } from '../../diagnostics/diagnose';
import type { DiagnosisFilter } from '../../state/rows';
import type { ChannelCounts } from '../../state/useSetupRows';
import type { MessagingSetupStrings } from '../../strings';
import type { ChannelDescriptor, ChannelTab } from '../../channels/ChannelDescriptor';
import { initialSetupData, type SetupData, type SourceName } from '../../state/setupData';
import type { HealthChannel, HealthCheck } from './HealthBanner';
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

const SOURCE_NAMES = Object.keys(initialSetupData.sources) as SourceName[];

/**
 * The lists a channel's rows are read from: those its tab waits for (each asked of its descriptor's
 * `isLoading` on its own), or, for a channel without a tab, the addresses its rows are.
 */
function rowSourcesOf(channel: ChannelDescriptor): SourceName[] {
  const { tab } = channel;
  if (!tab) return ['addresses'];
  return SOURCE_NAMES.filter((source) =>
    tab.isLoading({
      ...initialSetupData,
      sources: { ...initialSetupData.sources, [source]: { loading: true, error: null } },
    }),
  );
}

const ROW_SOURCES = new Map(CHANNEL_LIST.map((channel) => [channel.type, rowSourcesOf(channel)]));

/** Whether a channel's counts can be told: not while its rows load, never (it is unknown) when they failed. */
function checkOf(type: AddressType, sources: SetupData['sources']): HealthCheck {
  const lists = (ROW_SOURCES.get(type) ?? []).map((source) => sources[source]);
  if (lists.some((list) => list.error !== null)) return 'failed';
  return lists.some((list) => list.loading) ? 'loading' : 'done';
}

/**
 * What a channel's table says with no rows: loading, could not be loaded (not "the account has
 * none", which a failed list does not know), or none.
 */
export function emptyTextOf(
  type: AddressType,
  tab: ChannelTab,
  data: SetupData,
  strings: MessagingSetupStrings,
): string {
  if (checkOf(type, data.sources) === 'failed') return strings.MessagingSetupTableNotLoaded;
  return strings[tab.isLoading(data) ? tab.loadingText : tab.emptyText];
}

/** The health banner's lines: every channel Flex routes, each opening its own rows. */
export const healthChannels = (
  counts: Record<AddressType, ChannelCounts>,
  strings: MessagingSetupStrings,
  sources: SetupData['sources'],
): HealthChannel[] =>
  CHANNEL_LIST.map((channel) => ({
    type: channel.type,
    heading: strings[channel.health.heading],
    countLabel: strings[channel.health.countLabel],
    counts: counts[channel.type],
    always: channel.health.always,
    check: checkOf(channel.type, sources),
  }));
