import { useMemo, useRef } from 'react';

import { CHANNEL_LIST, CHANNELS_WITH_TABS } from '../channels';
import { isAddressType, type AddressType } from '../../../contract/types';
import { diagnosisContextOf } from '../diagnostics/context';
import { diagnoseAddress, type Diagnosis, type DiagnosisContext, type DiagnosisLevel } from '../diagnostics/diagnose';
import { flexFlowRows } from './flexFlowRows';
import { addressRow, type ChannelRow } from './rows';
import { addressesByAddress, type SetupData } from './setupData';
import { messagingSetupStrings, type MessagingSetupStrings } from '../strings';

/**
 * Rows of every channel with a tab of its own, each rebuilt only when what it is built from (its
 * descriptor's `inputs`), the diagnosis context or the strings changed: a page of numbers
 * arriving does not rebuild the senders or pages.
 */
function useChannelRows(data: SetupData, ctx: DiagnosisContext, strings: MessagingSetupStrings) {
  const cache = useRef(new Map<AddressType, { deps: readonly unknown[]; rows: ChannelRow[] }>());
  const last = useRef<Partial<Record<AddressType, ChannelRow[]>>>({});
  const byChannel: Partial<Record<AddressType, ChannelRow[]>> = {};
  for (const channel of CHANNELS_WITH_TABS) {
    const { tab } = channel;
    const deps = [...tab.inputs(data), ctx, strings];
    const held = cache.current.get(channel.type);
    if (held && held.deps.length === deps.length && held.deps.every((dep, i) => dep === deps[i])) {
      byChannel[channel.type] = held.rows;
      continue;
    }
    const rows = tab.rows(data, ctx, strings);
    cache.current.set(channel.type, { deps, rows });
    byChannel[channel.type] = rows;
  }
  // The same object while no channel's rows changed, so what is memoised on it stays.
  if (CHANNELS_WITH_TABS.some((channel) => last.current[channel.type] !== byChannel[channel.type])) {
    last.current = byChannel;
  }
  return last.current;
}

/**
 * Everything the view's tables show, built from the loaded data by the channel registry: one
 * selector for all of them. One diagnosis context per change of what it reads, then one diagnosis
 * per row, from which its status is read: no request per row, no second pass.
 */
export function useSetupRows(data: SetupData, strings: MessagingSetupStrings = messagingSetupStrings) {
  const studioFlowsBySid = useMemo(() => new Map(data.studioFlows.map((f) => [f.sid, f])), [data.studioFlows]);
  const byAddress = useMemo(() => addressesByAddress(data.addresses), [data.addresses]);
  const { messagingServiceNumbers, flexFlows, flexConfiguration, sources, setAsides } = data;
  const context = useMemo(
    () =>
      diagnosisContextOf(
        { messagingServiceNumbers, flexFlows, flexConfiguration, sources, setAsides },
        byAddress,
        studioFlowsBySid,
      ),
    [messagingServiceNumbers, flexFlows, flexConfiguration, sources, setAsides, byAddress, studioFlowsBySid],
  );
  const channelRows = useChannelRows(data, context, strings);
  // What the account's own lists hold (numbers, senders): the Addresses tab marks addresses of
  // anything else of those types.
  const accountLists = useMemo(
    () =>
      new Map(
        CHANNELS_WITH_TABS.flatMap((channel) =>
          channel.tab.accountList
            ? [[channel.type, new Set((channelRows[channel.type] ?? []).map((row) => row.address))] as const]
            : [],
        ),
      ),
    [channelRows],
  );
  const addresses = useMemo(
    () =>
      [...data.addresses.values()].map((a) =>
        addressRow(
          a,
          // Only what the account lists can be missing from it.
          accountLists.get(a.type as AddressType)?.has(a.address) ?? true,
          // Only the types Flex routes have something to diagnose; the others are listed read-only.
          isAddressType(a.type) ? diagnoseAddress(a.address, context) : undefined,
          context,
          strings,
        ),
      ),
    [data.addresses, accountLists, context, strings],
  );
  // The health banner's counts: every channel Flex routes, each by diagnosis level, from its own
  // rows or, for a channel without a tab, its addresses.
  const counts = useMemo(() => {
    const byType = {} as Record<AddressType, ChannelCounts>;
    for (const channel of CHANNEL_LIST) {
      byType[channel.type] = countByLevel(
        channelRows[channel.type] ?? addresses.filter((row) => row.addressConfiguration.type === channel.type),
      );
    }
    return byType;
  }, [addresses, channelRows]);
  const flexServiceSid = flexConfiguration?.flexConversationServiceSid ?? null;
  /** Each channel's default Studio flow for a new address: the first of its names that is published. */
  const defaultFlows = useMemo(() => {
    const published = (names: readonly string[]) =>
      names
        .map((name) =>
          data.studioFlows.find((f) => f.status === 'published' && f.friendlyName.toLowerCase() === name.toLowerCase()),
        )
        .find((flow) => flow !== undefined);
    return Object.fromEntries(
      CHANNEL_LIST.map((channel) => [channel.type, published(channel.studioFlowNames)?.sid]),
    ) as Record<AddressType, string | undefined>;
  }, [data.studioFlows]);
  const studioFlowsKnown = context.complete.studioFlows;
  const flexFlowTable = useMemo(
    () =>
      flexFlowRows(
        flexFlows,
        {
          studioFlowsBySid,
          studioFlowsKnown,
          byAddress,
          flexServiceSid,
          services: flexConfiguration?.conversationServices ?? [],
        },
        strings,
      ),
    [flexFlows, studioFlowsBySid, studioFlowsKnown, byAddress, flexServiceSid, flexConfiguration, strings],
  );
  // The channels' advice for the health banner (channels/: e.g. chat's "no chat address").
  const advice = useMemo(
    () => CHANNEL_LIST.flatMap((channel) => (channel.advice?.applies(data) ? [channel.advice.text] : [])),
    [data],
  );
  return {
    advice,
    channelRows,
    counts,
    addresses,
    flexFlows: flexFlowTable,
    flexServiceSid,
    defaultFlows,
    studioFlowsBySid,
  };
}

export type ChannelCounts = Record<DiagnosisLevel, number>;

function countByLevel(rows: readonly { diagnosis?: Diagnosis }[]): ChannelCounts {
  const byLevel: ChannelCounts = { ready: 0, warning: 0, broken: 0, unknown: 0, inactive: 0, 'set-aside': 0 };
  for (const row of rows) if (row.diagnosis) byLevel[row.diagnosis.level] += 1;
  return byLevel;
}
