/**
 * How a legacy Flex Flow becomes a Conversations Address, in one place: the view shows this plan
 * as the migration preview, and the backend's migrate-flex-flow builds the address from the same
 * plan (on a fresh copy of the flow) — so what the supervisor approved is what gets made.
 */
import { CONTRACT_CHANNELS, MESSENGER_PREFIX, WHATSAPP_PREFIX } from './channels';
import { addressError, RETRY_COUNT_MAX, RETRY_COUNT_MIN, SID_PATTERNS } from './addressRules';
import { problemOf, problemWith, type ContractProblem, type MessageKeyWith } from './wording';
import type { AddressInput, AddressSummary, AddressType, FlexFlowSummary } from './types';

/** Why a flow cannot be migrated automatically; its problem says why and what to do instead. */
type MigrationBlock =
  | 'unsupported_channel'
  | 'unsupported_integration'
  | 'no_contact_identity'
  | 'invalid_contact_identity'
  | 'no_studio_flow';

export type MigrationPlan =
  { migratable: true; address: AddressInput } | { migratable: false; block: MigrationBlock; problem: ContractProblem };

/**
 * The address type each Flex Flow channel becomes. Legacy Flex Flows have `channel_type` web, sms,
 * facebook, whatsapp, line or custom; each channel of the registry names the one it takes over.
 */
const ADDRESS_TYPE_OF: Readonly<Record<string, AddressType>> = Object.fromEntries(
  Object.values(CONTRACT_CHANNELS).flatMap((channel) =>
    channel.flexFlowChannelType ? [[channel.flexFlowChannelType, channel.type]] : [],
  ),
);

/** Why the other channels cannot move, and what to do instead. */
const CHANNEL_ADVICE: Readonly<Record<string, MessageKeyWith<never>>> = {
  line: 'MessagingSetupRuleAdviceLine',
  custom: 'MessagingSetupRuleAdviceCustom',
};

const INTEGRATION_ADVICE: Readonly<Record<string, MessageKeyWith<never>>> = {
  external: 'MessagingSetupRuleAdviceExternal',
  task: 'MessagingSetupRuleAdviceTask',
};

const blocked = (block: MigrationBlock, problem: ContractProblem): MigrationPlan => ({
  migratable: false,
  block,
  problem,
});

const own = (record: Readonly<Record<string, MessageKeyWith<never>>>, key: string) =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** A chat address named after the web flow it replaces: "Flex Web Channel Flow" → flex-web-channel-flow. */
const chatAddressName = (friendlyName: string | undefined, sid: string): string =>
  (friendlyName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || sid.toLowerCase();

/**
 * A flow's contact identity as an address holds it: `+1…` for SMS, `whatsapp:+1…` for WhatsApp
 * and `messenger:<page ID>` for Facebook (Flex Flows may store either without the prefix); a web
 * flow has no identity, so its chat address is named after it. Null when there is nothing to hold.
 */
export function flexFlowAddress(
  flow: Pick<FlexFlowSummary, 'channelType' | 'contactIdentity'> &
    Partial<Pick<FlexFlowSummary, 'friendlyName' | 'sid'>>,
): string | null {
  if (flow.channelType === 'web') return chatAddressName(flow.friendlyName, flow.sid ?? 'web-chat');
  const identity = flow.contactIdentity?.trim();
  if (!identity) return null;
  const prefix =
    flow.channelType === 'whatsapp' ? WHATSAPP_PREFIX : flow.channelType === 'facebook' ? MESSENGER_PREFIX : '';
  return prefix && !identity.startsWith(prefix) ? `${prefix}${identity}` : identity;
}

/**
 * The address that replaces `flow`: same contact identity (a web flow's chat address is named
 * after it), same Studio flow and retry count, auto-creation on, in Flex's conversation service.
 * SMS, WhatsApp, web and Facebook flows with a Studio integration map one to one; everything else
 * says why not and what to do.
 */
export function planFlexFlowMigration(flow: FlexFlowSummary, flexServiceSid: string | null): MigrationPlan {
  const type = ADDRESS_TYPE_OF[flow.channelType];
  if (!type) {
    const advice = own(CHANNEL_ADVICE, flow.channelType) ?? 'MessagingSetupRuleAdviceOtherChannel';
    return blocked('unsupported_channel', {
      key: 'MessagingSetupRuleBlockChannel',
      values: { channel: flow.channelType, advice: problemOf(advice) },
    });
  }
  if (flow.integrationType !== 'studio') {
    const advice = own(INTEGRATION_ADVICE, flow.integrationType ?? '') ?? 'MessagingSetupRuleAdviceByHand';
    return blocked('unsupported_integration', {
      key: 'MessagingSetupRuleBlockIntegration',
      values: {
        integration: flow.integrationType ?? { key: 'MessagingSetupRuleIntegrationNotSet' },
        advice: problemOf(advice),
      },
    });
  }
  const address = flexFlowAddress(flow);
  if (!address) {
    return blocked('no_contact_identity', {
      key: type === 'messenger' ? 'MessagingSetupRuleBlockNoPage' : 'MessagingSetupRuleBlockNoNumber',
    });
  }
  if (addressError(type, address)) {
    return blocked('invalid_contact_identity', {
      key: 'MessagingSetupRuleBlockBadIdentity',
      values: { identity: String(flow.contactIdentity), noun: problemOf(CONTRACT_CHANNELS[type].identityNoun) },
    });
  }
  const flowSid = flow.integration.flow_sid;
  if (typeof flowSid !== 'string' || !SID_PATTERNS.studioFlow.test(flowSid)) {
    return blocked('no_studio_flow', { key: 'MessagingSetupRuleBlockNoStudioFlow' });
  }
  const retry = flow.integration.retry_count;
  const retryCount =
    typeof retry === 'number' && Number.isInteger(retry)
      ? Math.min(RETRY_COUNT_MAX, Math.max(RETRY_COUNT_MIN, retry))
      : RETRY_COUNT_MAX;
  return {
    migratable: true,
    address: {
      type,
      address,
      friendlyName: flow.friendlyName,
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: flowSid, retryCount },
      ...(flexServiceSid ? { conversationServiceSid: flexServiceSid } : {}),
    },
  };
}

/**
 * Where an address on Twilio differs from the settings asked for (empty when it has them all):
 * the migration's read-back check, and how a create whose answer was lost — or that Twilio
 * refused as "already exists" — tells an address it made (or an identical one) from another.
 * Settings the request leaves unset (friendly name, service) are not compared.
 */
export function addressMismatches(planned: AddressInput, actual: AddressSummary): ContractProblem[] {
  const problems: ContractProblem[] = [];
  const is = (key: MessageKeyWith<'value'>, value: string | number) => problems.push(problemWith(key, { value }));
  if (actual.type !== planned.type) is('MessagingSetupRuleDiffType', actual.type);
  if (actual.address !== planned.address) is('MessagingSetupRuleDiffAddress', actual.address);
  if (actual.autoCreationEnabled !== planned.autoCreationEnabled) {
    problems.push({
      key: actual.autoCreationEnabled
        ? 'MessagingSetupRuleDiffAutoCreationOn'
        : 'MessagingSetupRuleDiffAutoCreationOff',
    });
  }
  const want = planned.integration;
  const got = actual.integration;
  if (got.type !== want.type) is('MessagingSetupRuleDiffIntegration', got.type);
  else if (want.type === 'studio' && got.type === 'studio') {
    if (got.studioFlowSid !== want.studioFlowSid) is('MessagingSetupRuleDiffStudioFlow', got.studioFlowSid);
    if (got.retryCount !== want.retryCount) is('MessagingSetupRuleDiffRetryCount', got.retryCount);
  } else if (want.type === 'webhook' && got.type === 'webhook') {
    if (got.webhookUrl !== want.webhookUrl) is('MessagingSetupRuleDiffWebhookUrl', got.webhookUrl);
    if (got.webhookMethod !== want.webhookMethod) is('MessagingSetupRuleDiffWebhookMethod', got.webhookMethod);
    const filters = (list: readonly string[]) => [...new Set(list)].sort().join(', ');
    if (filters(got.webhookFilters) !== filters(want.webhookFilters)) {
      const gotFilters = filters(got.webhookFilters);
      if (gotFilters) is('MessagingSetupRuleDiffWebhookFilters', gotFilters);
      else problems.push({ key: 'MessagingSetupRuleDiffNoWebhookFilters' });
    }
  }
  const service = actual.conversationServiceSid;
  if (planned.conversationServiceSid && service !== planned.conversationServiceSid) {
    if (service === null || service === undefined) problems.push({ key: 'MessagingSetupRuleDiffDefaultService' });
    else is('MessagingSetupRuleDiffService', service);
  }
  const name = actual.friendlyName;
  if (planned.friendlyName !== undefined && (name ?? '') !== planned.friendlyName) {
    if (name === null || name === undefined) problems.push({ key: 'MessagingSetupRuleDiffNoFriendlyName' });
    else is('MessagingSetupRuleDiffFriendlyName', name);
  }
  return problems;
}
