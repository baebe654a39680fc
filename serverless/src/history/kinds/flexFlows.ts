import type { FlexFlowSummary, HistoryState } from '../../../../src/contract/types';
import { asClause } from '../../../../src/contract/messages';
import { toBackendError } from '../../http/backendError';
import { retryIdempotentWrite } from '../../lib/retryIdempotentWrite';
import { summariseFlexFlow } from '../../lib/summaries';
import type { TwilioClient } from '../../twilio/clientFactory';
import { addressChangesSince, addressIn, settingsOf } from './addresses';
import { cannotRevert, fetchOrUndefined, IncompleteRevert, type RevertHandler } from './handler';

const flexFlowIn = (state: HistoryState | null): FlexFlowSummary | undefined =>
  state !== null && 'flexFlow' in state ? state.flexFlow : undefined;

/** Recreates a Flex Flow from its summary (a new SID; same channel, identity and integration). */
async function recreateFlexFlow(client: TwilioClient, flow: FlexFlowSummary): Promise<FlexFlowSummary> {
  const integration = flow.integration;
  const created = await client.flexApi.v1.flexFlow.create({
    friendlyName: flow.friendlyName,
    chatServiceSid: flow.chatServiceSid ?? '',
    channelType: flow.channelType as 'sms',
    ...(flow.contactIdentity ? { contactIdentity: flow.contactIdentity } : {}),
    enabled: flow.enabled,
    ...(flow.integrationType ? { integrationType: flow.integrationType as 'studio' } : {}),
    ...(integration.flow_sid ? { 'integration.flowSid': integration.flow_sid } : {}),
    ...(integration.url ? { 'integration.url': integration.url } : {}),
    ...(integration.workspace_sid ? { 'integration.workspaceSid': integration.workspace_sid } : {}),
    ...(integration.workflow_sid ? { 'integration.workflowSid': integration.workflow_sid } : {}),
    ...(integration.channel ? { 'integration.channel': integration.channel } : {}),
    ...(integration.retry_count !== undefined ? { 'integration.retryCount': integration.retry_count } : {}),
    longLived: flow.longLived,
    janitorEnabled: flow.janitorEnabled,
  });
  return summariseFlexFlow(created);
}

/**
 * A Flex Flow of the same identity as `flow` — friendly name, channel type and contact identity,
 * what a recreated flow keeps (its SID is new) — or its own SID, if one is there now.
 */
async function sameFlexFlow(client: TwilioClient, flow: FlexFlowSummary): Promise<FlexFlowSummary | undefined> {
  const bySid = await fetchOrUndefined(() => client.flexApi.v1.flexFlow(flow.sid).fetch());
  if (bySid) return summariseFlexFlow(bySid);
  const named = await client.flexApi.v1.flexFlow.list({ friendlyName: flow.friendlyName });
  return named
    .map(summariseFlexFlow)
    .find((other) => other.channelType === flow.channelType && other.contactIdentity === flow.contactIdentity);
}

const flexFlowAgain = (flow: FlexFlowSummary) =>
  flow.sid
    ? [
        {
          key: 'MessagingSetupRefusalDiffFlexFlowSame' as const,
          values: { name: flow.friendlyName, identity: flow.contactIdentity ?? '', sid: flow.sid },
        },
      ]
    : [];

/**
 * A deleted Flex Flow comes back (a new SID); not when a flow of its identity exists again (the
 * old SID never comes back, so checking it would let every later revert make one more).
 */
export const deleteFlexFlowRevert: RevertHandler = {
  async changesSince(client, { before }) {
    const deleted = flexFlowIn(before);
    if (!deleted) return [];
    const now = await sameFlexFlow(client, deleted);
    return now ? flexFlowAgain(now) : [];
  },
  async apply(client, { before }) {
    const deleted = flexFlowIn(before);
    if (!deleted) throw cannotRevert();
    return { flexFlow: await recreateFlexFlow(client, deleted) };
  },
  async landed(client, { before }) {
    const deleted = flexFlowIn(before);
    const now = deleted && (await sameFlexFlow(client, deleted));
    return now ? { after: { flexFlow: now } } : undefined;
  },
};

/**
 * A migration is reverted in two steps: the Flex Flow comes back, then the address the migration
 * placed goes (or gets the settings it had before the migration) — in this order, so the number
 * is never without a route. Refused when that address changed since.
 */
export const migrateFlexFlowRevert: RevertHandler = {
  async changesSince(client, { before, after }) {
    const placed = addressIn(after);
    const flow = flexFlowIn(before);
    const again = flow && (await sameFlexFlow(client, flow));
    return [...(again ? flexFlowAgain(again) : []), ...(placed ? await addressChangesSince(client, placed) : [])];
  },
  async apply(client, { before, after }, tracked) {
    if (before === null || !('flexFlow' in before)) throw cannotRevert();
    const flow = await recreateFlexFlow(client, before.flexFlow);
    const placed = addressIn(after);
    if (!placed) return { flexFlow: flow };
    tracked.before = { address: placed };
    const replaced = before.address;
    const address = client.conversations.v1.addressConfigurations(placed.sid);
    try {
      // Safe to send again while its outcome is unknown; a 429 was retried by the Twilio client.
      if (replaced) await retryIdempotentWrite(() => address.update(settingsOf(replaced)));
      else await retryIdempotentWrite(() => address.remove(), { doneIfNotFound: true });
    } catch (error) {
      // The flow is back: whatever failed, this is not "nothing happened" (nor a 429 to send again).
      const values = {
        name: flow.friendlyName,
        flowSid: flow.sid,
        sid: placed.sid,
        reason: asClause(toBackendError(error).problem),
        address: placed.address,
      };
      throw new IncompleteRevert(
        replaced
          ? { key: 'MessagingSetupRefusalRevertLeftSettings', values }
          : { key: 'MessagingSetupRefusalRevertLeftAddress', values },
        { flexFlow: flow },
      );
    }
    return { flexFlow: flow };
  },
};
