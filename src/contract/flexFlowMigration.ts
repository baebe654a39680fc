/**
 * How a legacy Flex Flow becomes a Conversations Address, in one place: the view shows this plan
 * as the migration preview, and the backend's migrate-flex-flow builds the address from the same
 * plan (on a fresh copy of the flow) — so what the supervisor approved is what gets made.
 */
import { CONTRACT_CHANNELS, MESSENGER_PREFIX, WHATSAPP_PREFIX } from './channels';
import { addressError, RETRY_COUNT_MAX, RETRY_COUNT_MIN, SID_PATTERNS } from './addressRules';
import type { AddressInput, AddressSummary, AddressType, FlexFlowSummary } from './types';

/** Why a flow cannot be migrated automatically; the message says why and what to do instead. */
export type MigrationBlock =
  | 'unsupported_channel'
  | 'unsupported_integration'
  | 'no_contact_identity'
  | 'invalid_contact_identity'
  | 'no_studio_flow';

export type MigrationPlan =
  { migratable: true; address: AddressInput } | { migratable: false; block: MigrationBlock; message: string };

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
const CHANNEL_ADVICE: Record<string, string> = {
  line: 'Conversations has no address type for LINE: rebuild it on the Interactions API (a custom channel), then delete this Flex Flow.',
  custom:
    'A custom channel has no Conversations address: create its conversations and tasks with the Interactions API, then delete this Flex Flow.',
};

const INTEGRATION_ADVICE: Record<string, string> = {
  external:
    'It sends messages to your own URL. Create a webhook address for the number whose handler creates a Flex Interaction (or use "Flex webhook (built in)"), then delete this Flex Flow.',
  task: 'It creates tasks directly. Create an address with "Flex webhook (built in)", which creates a task for each new conversation, then delete this Flex Flow.',
};

const blocked = (block: MigrationBlock, message: string): MigrationPlan => ({ migratable: false, block, message });

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
    const advice =
      CHANNEL_ADVICE[flow.channelType] ??
      'Conversations has no address type for this channel: rebuild it on the Interactions API, then delete this Flex Flow.';
    return blocked('unsupported_channel', `A ${flow.channelType} Flex Flow cannot become an address. ${advice}`);
  }
  if (flow.integrationType !== 'studio') {
    const advice = INTEGRATION_ADVICE[flow.integrationType ?? ''] ?? 'Create the address by hand.';
    return blocked(
      'unsupported_integration',
      `Only Flex Flows with a Studio integration migrate automatically; this one's is ${flow.integrationType ?? 'not set'}. ${advice}`,
    );
  }
  const address = flexFlowAddress(flow);
  if (!address) {
    return blocked(
      'no_contact_identity',
      `This Flex Flow has no contact identity, so there is no ${type === 'messenger' ? 'Facebook Page' : 'number'} to move.`,
    );
  }
  if (addressError(type, address)) {
    return blocked(
      'invalid_contact_identity',
      `Its contact identity ${flow.contactIdentity} is not a ${CONTRACT_CHANNELS[type].identityNoun} an address can hold.`,
    );
  }
  const flowSid = flow.integration.flow_sid;
  if (typeof flowSid !== 'string' || !SID_PATTERNS.studioFlow.test(flowSid)) {
    return blocked('no_studio_flow', 'Its Studio integration names no Studio flow: create the address by hand.');
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
export function addressMismatches(planned: AddressInput, actual: AddressSummary): string[] {
  const problems: string[] = [];
  if (actual.type !== planned.type) problems.push(`type is ${actual.type}`);
  if (actual.address !== planned.address) problems.push(`address is ${actual.address}`);
  if (actual.autoCreationEnabled !== planned.autoCreationEnabled) {
    problems.push(`auto-creation is ${actual.autoCreationEnabled ? 'on' : 'off'}`);
  }
  const want = planned.integration;
  const got = actual.integration;
  if (got.type !== want.type) problems.push(`integration is ${got.type}`);
  else if (want.type === 'studio' && got.type === 'studio') {
    if (got.studioFlowSid !== want.studioFlowSid) problems.push(`Studio flow is ${got.studioFlowSid}`);
    if (got.retryCount !== want.retryCount) problems.push(`retry count is ${got.retryCount}`);
  } else if (want.type === 'webhook' && got.type === 'webhook') {
    if (got.webhookUrl !== want.webhookUrl) problems.push(`webhook URL is ${got.webhookUrl}`);
    if (got.webhookMethod !== want.webhookMethod) problems.push(`webhook method is ${got.webhookMethod}`);
    const filters = (list: readonly string[]) => [...new Set(list)].sort().join(', ');
    if (filters(got.webhookFilters) !== filters(want.webhookFilters)) {
      problems.push(`webhook filters are ${filters(got.webhookFilters) || 'none'}`);
    }
  }
  if (planned.conversationServiceSid && actual.conversationServiceSid !== planned.conversationServiceSid) {
    problems.push(`conversation service is ${actual.conversationServiceSid ?? 'the default'}`);
  }
  if (planned.friendlyName !== undefined && (actual.friendlyName ?? '') !== planned.friendlyName) {
    problems.push(`friendly name is ${actual.friendlyName ?? 'not set'}`);
  }
  return problems;
}
