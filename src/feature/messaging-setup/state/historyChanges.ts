import type { AddressIntegration, AddressSummary } from '../../../contract/types';
import { fill, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import { describeRouting } from './routing';
import type { HistoryNames } from './historyText';

/*
 * What an address change changed, in words: one clause per field that differs, each before →
 * after, with names for what the view has names of (Studio flows, conversation services). The
 * SIDs themselves stay on demand in the entry's "Before and after" (its fields changed, raw).
 */

const quoted = (name: string, strings: MessagingSetupStrings) => fill(strings.MessagingSetupHistoryQuoted, { name });

/** A Studio flow by its friendly name, quoted; its SID when the view does not know it. */
function flowName(sid: string, names: HistoryNames, strings: MessagingSetupStrings): string {
  const name = names.studioFlowsBySid.get(sid)?.friendlyName;
  return name ? quoted(name, strings) : sid;
}

/** A conversation service: "Flex's service" where it is Flex's, else its name, quoted (its SID if unknown). */
export function serviceName(sid: string | null, names: HistoryNames, strings: MessagingSetupStrings): string {
  if (!sid) return strings.MessagingSetupHistoryAccountDefaultService;
  if (names.flexServiceSid && sid === names.flexServiceSid) return strings.MessagingSetupHistoryFlexService;
  const name = names.services.find((service) => service.sid === sid)?.friendlyName;
  return name ? quoted(name, strings) : sid;
}

const filtersText = (filters: readonly string[], strings: MessagingSetupStrings) =>
  filters.length > 0 ? [...filters].sort().join(', ') : strings.MessagingSetupHistoryNoFilters;

type Clause = [MessagingSetupStringKey, string | number, string | number];

/** The integration's fields that differ, when its type is the same; else the routing as a whole. */
function integrationClauses(
  before: AddressIntegration,
  after: AddressIntegration,
  names: HistoryNames,
  strings: MessagingSetupStrings,
): Clause[] {
  if (before.type === 'studio' && after.type === 'studio') {
    return [
      ...(before.studioFlowSid !== after.studioFlowSid
        ? [
            [
              'MessagingSetupHistoryChangeStudioFlow',
              flowName(before.studioFlowSid, names, strings),
              flowName(after.studioFlowSid, names, strings),
            ] as Clause,
          ]
        : []),
      ...(before.retryCount !== after.retryCount
        ? [['MessagingSetupHistoryChangeRetryCount', before.retryCount, after.retryCount] as Clause]
        : []),
    ];
  }
  if (before.type === 'webhook' && after.type === 'webhook') {
    const clauses: Clause[] = [];
    if (before.webhookUrl !== after.webhookUrl)
      clauses.push(['MessagingSetupHistoryChangeWebhookUrl', before.webhookUrl, after.webhookUrl]);
    if (before.webhookMethod !== after.webhookMethod)
      clauses.push(['MessagingSetupHistoryChangeWebhookMethod', before.webhookMethod, after.webhookMethod]);
    const [was, now] = [
      filtersText(before.webhookFilters ?? [], strings),
      filtersText(after.webhookFilters ?? [], strings),
    ];
    if (was !== now) clauses.push(['MessagingSetupHistoryChangeWebhookFilters', was, now]);
    return clauses;
  }
  if (before.type === after.type) return [];
  const routing = (integration: AddressIntegration) =>
    describeRouting({ integration } as AddressSummary, names.studioFlowsBySid, strings);
  return [['MessagingSetupHistoryChangeRouting', routing(before), routing(after)]];
}

/**
 * The clauses of an address change ("retry count from 3 to 1", "conversation service from
 * Flex's service to "Marketing""), in the order a supervisor sets them in the address dialog;
 * none when nothing they set differs (only Twilio's own bookkeeping did).
 */
export function addressChanges(
  before: AddressSummary,
  after: AddressSummary,
  names: HistoryNames,
  strings: MessagingSetupStrings,
): string[] {
  const onOff = (enabled: boolean) =>
    enabled ? strings.MessagingSetupHistoryEnabled : strings.MessagingSetupHistoryDisabled;
  const nameOf = (name: string | null) => (name ? quoted(name, strings) : strings.MessagingSetupHistoryNoName);
  const clauses: Clause[] = [];
  if (before.type !== after.type) clauses.push(['MessagingSetupHistoryChangeType', before.type, after.type]);
  if ((before.friendlyName ?? '') !== (after.friendlyName ?? ''))
    clauses.push(['MessagingSetupHistoryChangeName', nameOf(before.friendlyName), nameOf(after.friendlyName)]);
  if (before.autoCreationEnabled !== after.autoCreationEnabled)
    clauses.push([
      'MessagingSetupHistoryChangeAutoCreation',
      onOff(before.autoCreationEnabled),
      onOff(after.autoCreationEnabled),
    ]);
  clauses.push(...integrationClauses(before.integration, after.integration, names, strings));
  if ((before.conversationServiceSid ?? null) !== (after.conversationServiceSid ?? null))
    clauses.push([
      'MessagingSetupHistoryChangeService',
      serviceName(before.conversationServiceSid ?? null, names, strings),
      serviceName(after.conversationServiceSid ?? null, names, strings),
    ]);
  return clauses.map(([key, was, now]) => fill(strings[key], { before: was, after: now }));
}
