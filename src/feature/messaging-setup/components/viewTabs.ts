import { useCallback, useState } from 'react';

import type { DiagnosisLevel } from '../diagnostics/diagnose';
import type { DiagnosisFilter } from '../state/rows';
import type { ChannelCounts } from '../state/useSetupRows';
import type { MessagingSetupStrings } from '../strings';
import type { HealthChannel } from './HealthBanner';
import type { TypeFilter } from './TableToolbar';

/** The view's tabs, by the ids their panels are labelled with. */
export const TAB = {
  numbers: 'messaging-setup-numbers',
  senders: 'messaging-setup-senders',
  pages: 'messaging-setup-pages',
  addresses: 'messaging-setup-addresses',
  flexFlows: 'messaging-setup-flex-flows',
  history: 'messaging-setup-history',
} as const;

/**
 * The tabs' filters that the health banner sets: each channel's Diagnosis filter, and the Addresses
 * tab's Type (its chat rows are the chat channel). `showLevel` opens a channel's rows at a level.
 */
export function useTabFilters(select: (tabId: string) => void) {
  const [numbers, setNumbers] = useState<DiagnosisFilter>('all');
  const [senders, setSenders] = useState<DiagnosisFilter>('all');
  const [pages, setPages] = useState<DiagnosisFilter>('all');
  const [addresses, setAddresses] = useState<DiagnosisFilter>('all');
  const [addressType, setAddressType] = useState<TypeFilter>('all');
  const showLevel = useCallback(
    (channelId: string, level: DiagnosisLevel) => {
      if (channelId === TAB.numbers) setNumbers(level);
      else if (channelId === TAB.senders) setSenders(level);
      else if (channelId === TAB.pages) setPages(level);
      else {
        setAddressType('chat');
        setAddresses(level);
      }
      select(channelId);
    },
    [select],
  );
  return {
    diagnosis: { numbers, senders, pages, addresses },
    setDiagnosis: { numbers: setNumbers, senders: setSenders, pages: setPages, addresses: setAddresses },
    addressType,
    setAddressType,
    showLevel,
  };
}

/** The health banner's lines: every channel Flex routes, each opening its own tab. */
export function healthChannels(
  counts: Record<'numbers' | 'senders' | 'pages' | 'chat', ChannelCounts>,
  strings: MessagingSetupStrings,
): HealthChannel[] {
  return [
    {
      id: TAB.numbers,
      heading: strings.MessagingSetupHealthCounts,
      countLabel: strings.MessagingSetupHealthCountLabel,
      counts: counts.numbers,
      always: true,
    },
    {
      id: TAB.senders,
      heading: strings.MessagingSetupHealthCountsSenders,
      countLabel: strings.MessagingSetupHealthCountLabelSenders,
      counts: counts.senders,
    },
    {
      id: TAB.pages,
      heading: strings.MessagingSetupHealthCountsPages,
      countLabel: strings.MessagingSetupHealthCountLabelPages,
      counts: counts.pages,
    },
    {
      id: TAB.addresses,
      heading: strings.MessagingSetupHealthCountsChat,
      countLabel: strings.MessagingSetupHealthCountLabelChat,
      counts: counts.chat,
    },
  ];
}
