import { useMemo } from 'react';

import { CHAT_FLOW_NAMES, MESSAGING_FLOW_NAME } from '../constants';
import { diagnosisContextOf } from '../diagnostics/context';
import { isAddressType } from '../../../contract/types';
import {
  diagnoseAddress,
  diagnoseNumber,
  diagnoseSender,
  type Diagnosis,
  type DiagnosisLevel,
} from '../diagnostics/diagnose';
import { facebookPagesOf } from './facebookPages';
import { flexFlowRows } from './flexFlowRows';
import { addressRows, numberRows, pageRows, senderRows } from './rows';
import { addressesByAddress, type SetupData } from './setupData';
import type { MessagingSetupStrings } from '../strings';

/**
 * Everything the view's tables show, built from the loaded data: one selector for all of them.
 * Each piece is memoised on the sources it reads, not on the whole state, so a page of numbers
 * arriving does not rebuild the Flex Flows, and a saved address rebuilds what shows addresses.
 */
export function useSetupRows(data: SetupData, strings?: MessagingSetupStrings) {
  const studioFlowsBySid = useMemo(() => new Map(data.studioFlows.map((f) => [f.sid, f])), [data.studioFlows]);
  const byAddress = useMemo(() => addressesByAddress(data.addresses), [data.addresses]);
  // Until the flows have loaded, a Studio address's flow is unknown, not missing: no false "Problem".
  const studioFlowsKnown = !data.sources.studioFlows.loading && !data.sources.studioFlows.error;
  const { messagingServiceNumbers, flexFlows, flexConfiguration, sources } = data;
  // One diagnosis context per change of what it reads, then one diagnosis per row: no request per row.
  const context = useMemo(
    () =>
      diagnosisContextOf(
        { messagingServiceNumbers, flexFlows, flexConfiguration, sources },
        byAddress,
        studioFlowsBySid,
        strings,
      ),
    [messagingServiceNumbers, flexFlows, flexConfiguration, sources, byAddress, studioFlowsBySid, strings],
  );
  const numbers = useMemo(
    () =>
      numberRows(data.numbers, byAddress, studioFlowsBySid, studioFlowsKnown, strings).map((row, i) => ({
        ...row,
        diagnosis: diagnoseNumber(data.numbers[i], context),
      })),
    [data.numbers, byAddress, studioFlowsBySid, studioFlowsKnown, context, strings],
  );
  const senders = useMemo(
    () =>
      senderRows(data.senders, byAddress, studioFlowsBySid, studioFlowsKnown, strings).map((row, i) => ({
        ...row,
        diagnosis: diagnoseSender(data.senders[i], context),
      })),
    [data.senders, byAddress, studioFlowsBySid, studioFlowsKnown, context, strings],
  );
  // Numbers and senders of this account: the Addresses tab marks addresses of anything else.
  const onAccount = useMemo(
    () => new Set([...data.numbers.map((n) => n.phoneNumber), ...data.senders.map((s) => s.senderId)]),
    [data.numbers, data.senders],
  );
  const addresses = useMemo(
    () =>
      addressRows(data.addresses.values(), onAccount, studioFlowsBySid, studioFlowsKnown, strings).map((row) =>
        // Only the types Flex routes have something to diagnose; the others are listed read-only.
        isAddressType(row.addressConfiguration.type)
          ? { ...row, diagnosis: diagnoseAddress(row.address, context) }
          : row,
      ),
    [data.addresses, onAccount, studioFlowsBySid, studioFlowsKnown, context, strings],
  );
  const pages = useMemo(
    () =>
      pageRows(
        facebookPagesOf(data.addresses.values(), flexFlows),
        byAddress,
        studioFlowsBySid,
        studioFlowsKnown,
        strings,
      ).map((row) => ({ ...row, diagnosis: diagnoseAddress(row.address, context) })),
    [data.addresses, flexFlows, byAddress, studioFlowsBySid, studioFlowsKnown, context, strings],
  );
  // The health banner's counts: every channel Flex routes, each by diagnosis level.
  const counts = useMemo(
    () => ({
      numbers: countByLevel(numbers),
      senders: countByLevel(senders),
      pages: countByLevel(pages),
      chat: countByLevel(addresses.filter((row) => row.addressConfiguration.type === 'chat')),
    }),
    [numbers, senders, pages, addresses],
  );
  const flexServiceSid = flexConfiguration?.flexConversationServiceSid ?? null;
  /** The first of `names` (in that order of preference) that is a published flow. */
  const published = (names: readonly string[]) =>
    names
      .map((name) =>
        data.studioFlows.find((f) => f.status === 'published' && f.friendlyName.toLowerCase() === name.toLowerCase()),
      )
      .find((flow) => flow !== undefined);
  const defaultFlow = published([MESSAGING_FLOW_NAME]);
  const chatFlow = published(CHAT_FLOW_NAMES);
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
  // Webchat needs a chat address now that legacy Flex Flows no longer deliver: say so when the
  // account had webchat (a web Flex Flow) and has no chat address — once both lists are in.
  const chatAddressMissing = useMemo(
    () =>
      !data.sources.addresses.loading &&
      !data.sources.addresses.error &&
      !data.sources.flexFlows.loading &&
      !data.sources.flexFlows.error &&
      flexFlows.some((flow) => flow.channelType === 'web') &&
      ![...data.addresses.values()].some((a) => a.type === 'chat'),
    [data.sources.addresses, data.sources.flexFlows, flexFlows, data.addresses],
  );
  return {
    chatAddressMissing,
    numbers,
    senders,
    pages,
    counts,
    addresses,
    flexFlows: flexFlowTable,
    flexServiceSid,
    defaultFlow,
    chatFlow,
    studioFlowsBySid,
  };
}

export type ChannelCounts = Record<DiagnosisLevel, number>;

function countByLevel(rows: readonly { diagnosis?: Diagnosis }[]): ChannelCounts {
  const byLevel: ChannelCounts = { ready: 0, warning: 0, broken: 0 };
  for (const row of rows) if (row.diagnosis) byLevel[row.diagnosis.level] += 1;
  return byLevel;
}
