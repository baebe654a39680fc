import twilio from 'twilio';

import { addressMismatches } from '../../../src/contract/flexFlowMigration';
import type {
  AddressInput,
  AddressSummary,
  FlexFlowSummary,
  HistoryEntry,
  HistoryState,
  Recorded,
  RevertChangeResponse,
} from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { FunctionDeps } from '../http/flexFunction';
import { addressSettingsParams, createAddressConfiguration, findAddressConfiguration } from '../lib/addressParams';
import { retryIdempotentWrite } from '../lib/retryIdempotentWrite';
import { summariseAddress, summariseFlexFlow, summarisePhoneNumber } from '../lib/summaries';
import type { TwilioClient } from '../twilio/clientFactory';
import { isAbout } from './historyFilter';
import { HistoryStore } from './historyStore';
import { recordChange, type Tracked } from './recordChange';
import { addressResource, numberInboundOf } from './resources';

/** How far back (in Sync pages of 100, newest first) a refusal looks for who changed the resource since. */
const PAGES_TO_EXPLAIN = 5;

const refuse = (message: string) => new BackendError(409, 'not_revertible', message);

const addressInputOf = (a: AddressSummary): AddressInput => ({
  type: a.type as AddressInput['type'],
  address: a.address,
  friendlyName: a.friendlyName ?? '',
  autoCreationEnabled: a.autoCreationEnabled,
  integration: a.integration,
  ...(a.conversationServiceSid ? { conversationServiceSid: a.conversationServiceSid } : {}),
});

const isNotFound = (error: unknown) => error instanceof twilio.RestException && error.status === 404;

async function fetchOrUndefined<T>(fetch: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** What differs between the state an entry left and the state now; empty when nothing does. */
async function changesSince(client: TwilioClient, entry: HistoryEntry): Promise<string[]> {
  const { after, before, resource } = entry;
  if (after === null) {
    if (before !== null && 'address' in before && !('flexFlow' in before)) {
      const now = await findAddressConfiguration(client, before.address.address);
      return now ? [`${before.address.address} has an address again (${now.sid})`] : [];
    }
    if (before !== null && 'flexFlow' in before) {
      const now = await fetchOrUndefined(() => client.flexApi.v1.flexFlow(before.flexFlow.sid).fetch());
      return now ? [`the Flex Flow ${before.flexFlow.sid} exists again`] : [];
    }
    return [];
  }
  if ('address' in after && !('flexFlow' in after)) {
    const now = await findAddressConfiguration(client, after.address.sid);
    if (!now) return [`address ${after.address.sid} no longer exists`];
    return addressMismatches(addressInputOf(after.address), now);
  }
  if ('numberInbound' in after) {
    const number = await fetchOrUndefined(() => client.incomingPhoneNumbers(resource.sid ?? '').fetch());
    if (!number) return [`number ${resource.sid} is no longer on the account`];
    const now = numberInboundOf(summarisePhoneNumber(number)).numberInbound;
    const differences: string[] = [];
    if (now.smsUrl !== after.numberInbound.smsUrl) differences.push(`its SMS URL is ${now.smsUrl ?? 'not set'}`);
    if (now.smsApplicationSid !== after.numberInbound.smsApplicationSid) {
      differences.push(`its SMS application is ${now.smsApplicationSid ?? 'not set'}`);
    }
    return differences;
  }
  if ('defaultConversationServiceSid' in after) {
    const now = (await client.conversations.v1.configuration().fetch()).defaultChatServiceSid || null;
    return now === after.defaultConversationServiceSid ? [] : [`the default service is ${now ?? 'not set'}`];
  }
  return ['it is a Flex Flow state that cannot be compared'];
}

/** The newest later entry about the same resource, if the history (its newest pages) has one. */
async function laterChangeOf(store: HistoryStore, entry: HistoryEntry): Promise<HistoryEntry | undefined> {
  const keys = [entry.resource.sid, entry.resource.address].filter((k): k is string => Boolean(k));
  const sameResource = (e: HistoryEntry) =>
    e.resource.type === 'conversations-configuration'
      ? entry.resource.type === 'conversations-configuration'
      : keys.some((key) => isAbout(e, key));
  let position;
  for (let pages = 0; pages < PAGES_TO_EXPLAIN; pages += 1) {
    const page = await store.page(position);
    const later = page.entries.filter((e) => Number(e.id) > Number(entry.id));
    const found = later.find((e) => e.outcome === 'succeeded' && sameResource(e));
    if (found) return found;
    if (!page.next || later.length < page.entries.length) return undefined;
    position = page.next;
  }
  return undefined;
}

/** Why an entry cannot be reverted as it is, or undefined when it can. */
function whyNot(entry: HistoryEntry): string | undefined {
  if (entry.outcome === 'failed')
    return 'It records a change that failed: nothing was changed, so there is nothing to revert.';
  if (entry.summarised) return 'Its states were summarised to fit the history, so they cannot be put back exactly.';
  const { before, after } = entry;
  if (entry.kind === 'create-address' || entry.kind === 'delete-address' || entry.kind === 'update-address')
    return undefined;
  if (after !== null && 'flexFlow' in after) {
    return 'It undid a Flex Flow migration; migrate the Flex Flow again instead.';
  }
  if (before !== null && 'defaultConversationServiceSid' in before && before.defaultConversationServiceSid === null) {
    return 'There was no default conversation service before, and Twilio cannot unset it.';
  }
  if (before === null && after === null) return 'It holds no states to put back.';
  return undefined;
}

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

const settingsOf = (a: AddressSummary) => addressSettingsParams(addressInputOf(a));

/** Puts `before` back; answers the state afterwards. */
async function applyBefore(client: TwilioClient, entry: HistoryEntry, tracked: Tracked): Promise<HistoryState | null> {
  const { before, after, resource } = entry;
  if (before !== null && 'flexFlow' in before) {
    // A deleted Flex Flow comes back; a migration's address goes (or gets its earlier settings),
    // after the flow is back, so the number is never without a route.
    const flow = await recreateFlexFlow(client, before.flexFlow);
    const placed = after !== null && !('flexFlow' in after) && 'address' in after ? after.address : undefined;
    const replaced = before.address;
    if (placed) {
      tracked.before = { address: placed };
      const address = client.conversations.v1.addressConfigurations(placed.sid);
      if (replaced) await retryIdempotentWrite(() => address.update(settingsOf(replaced)));
      else await retryIdempotentWrite(() => address.remove(), { doneIfNotFound: true });
    }
    return { flexFlow: flow };
  }
  if (before !== null && 'address' in before) {
    if (after === null) {
      const { address } = await createAddressConfiguration(client, addressInputOf(before.address));
      tracked.resource = addressResource(address);
      return { address };
    }
    return {
      address: summariseAddress(
        await client.conversations.v1.addressConfigurations(before.address.sid).update(settingsOf(before.address)),
      ),
    };
  }
  if (before === null && after !== null && 'address' in after && after.address) {
    await client.conversations.v1.addressConfigurations(after.address.sid).remove();
    return null;
  }
  if (before !== null && 'numberInbound' in before) {
    const number = await client.incomingPhoneNumbers(resource.sid ?? '').update({
      smsUrl: before.numberInbound.smsUrl ?? '',
      smsApplicationSid: before.numberInbound.smsApplicationSid ?? '',
    });
    return numberInboundOf(summarisePhoneNumber(number));
  }
  if (before !== null && 'defaultConversationServiceSid' in before && before.defaultConversationServiceSid) {
    const configuration = await client.conversations.v1
      .configuration()
      .update({ defaultChatServiceSid: before.defaultConversationServiceSid });
    return { defaultConversationServiceSid: configuration.defaultChatServiceSid || null };
  }
  throw refuse('This change cannot be reverted.');
}

/**
 * Undoes one history entry: refused (and nothing changed) when the entry failed, was summarised,
 * or is of a kind that cannot be put back, and when the resource is no longer as the entry left
 * it — the refusal says what differs and who changed it since. The revert is an entry of its own.
 */
export async function revertChange(deps: FunctionDeps, id: string): Promise<Recorded<RevertChangeResponse>> {
  const store = new HistoryStore(deps.config);
  const entry = await store.fetch(id);
  if (!entry) throw new BackendError(404, 'not_found', `There is no history entry ${id}.`);
  const reason = whyNot(entry);
  if (reason) throw refuse(`Entry ${id} cannot be reverted. ${reason}`);
  const differences = await changesSince(deps.client, entry);
  if (differences.length > 0) {
    const later = await laterChangeOf(store, entry);
    const who = later ? `${later.who.identity} changed it at ${later.at}` : 'it was changed outside Messaging Setup';
    const what = entry.resource.address ?? entry.resource.sid ?? 'It';
    throw refuse(`${what} has changed since: ${differences.join(', ')} (${who}). Nothing was changed.`);
  }
  let afterRevert: HistoryState | null = null;
  let resourceAfter = entry.resource;
  const { history } = await recordChange(
    deps,
    { kind: 'revert', resource: entry.resource, revertOf: id },
    async (tracked) => {
      tracked.before = entry.after;
      afterRevert = await applyBefore(deps.client, entry, tracked);
      resourceAfter = tracked.resource;
      return { result: {}, after: afterRevert };
    },
  );
  const stored = history?.recorded ? await store.fetch(history.entryId).catch(() => undefined) : undefined;
  // Not recorded (or not readable back): the revert is done all the same; the receipt says so.
  const entryNow: HistoryEntry = stored ?? {
    id: history?.recorded ? history.entryId : '',
    at: new Date().toISOString(),
    who: { identity: deps.user.identity, roles: [...deps.user.roles] },
    kind: 'revert',
    resource: resourceAfter,
    before: entry.after,
    after: afterRevert,
    outcome: 'succeeded',
    revertOf: id,
  };
  return { entry: entryNow, ...(history ? { history } : {}) };
}
