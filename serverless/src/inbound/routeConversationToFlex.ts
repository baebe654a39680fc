import { CONTRACT_CHANNELS, type InboundMapping } from '../../../src/contract/channels';
import type { AddressType } from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { BackendConfig } from '../config';
import { outcomeUnknown } from '../lib/writeOutcome';
import type { TwilioClient } from '../twilio/clientFactory';
import { chatCustomerOf } from './chatCustomer';
import { conversationOfEvent } from './eventConversation';
import { ConversationClaims, type RoutedBy } from './conversationClaim';
import { conversationTasks } from '../evidence/conversationTasks';

/** What the handler did with one webhook call (its JSON answer, for Twilio's debugger and tests). */
export type InboundOutcome =
  | { outcome: 'created'; conversationSid: string; interactionSid: string }
  /** Routed before: by the Interaction a create answered, or by the task found for a create whose answer was lost. */
  | ({ outcome: 'already_routed'; conversationSid: string } & RoutedBy)
  /** Another call holds the conversation's claim (creating its Interaction, or unsure it did): nothing made. */
  | { outcome: 'in_progress'; conversationSid: string; reason: string }
  | { outcome: 'ignored'; reason: string };

/** Where the conversation's marker lives in its attributes: set once an Interaction exists. */
const MARKER_KEY = 'messagingSetup';

const CONVERSATION_SID = /^CH[0-9a-fA-F]{32}$/;

/** How a customer's conversation becomes a task: its channel, and the channel's inbound mapping. */
type CustomerChannel = InboundMapping & { type: AddressType };

/**
 * A customer's message by its `Source`, from each channel's inbound mapping (contract/channels/):
 * messages that came in through a binding (SMS, WhatsApp, Messenger, email) are always a
 * customer's; an SDK message is a Webchat customer's only by the conversation's participants
 * (chatCustomer.ts says how and why).
 */
const CHANNEL_BY_SOURCE: ReadonlyMap<string, CustomerChannel> = new Map(
  Object.values(CONTRACT_CHANNELS).map(({ type, inbound }): [string, CustomerChannel] => [
    inbound.source.toUpperCase(),
    { type, ...inbound },
  ]),
);

/**
 * The marker: the Interaction, and for a chat conversation its customer's participant, so that a
 * later SDK message is told apart without reading the participants again.
 */
type Marker = RoutedBy & { chatCustomerSid?: string };

const parseObject = (json: unknown): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(typeof json === 'string' && json !== '' ? json : '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return { attributes: value };
  } catch {
    return {};
  }
};

function markerOf(attributes: Record<string, unknown>): Marker | undefined {
  const marker = attributes[MARKER_KEY];
  if (!marker || typeof marker !== 'object') return undefined;
  const { interactionSid, taskSid, chatCustomerSid } = marker as Record<string, unknown>;
  const chat = typeof chatCustomerSid === 'string' ? { chatCustomerSid } : {};
  if (typeof interactionSid === 'string' && interactionSid !== '') return { interactionSid, ...chat };
  if (typeof taskSid === 'string' && taskSid !== '') return { taskSid, ...chat };
  return undefined;
}

async function routingFor(client: TwilioClient, config: BackendConfig, channel: CustomerChannel) {
  const { workspaceSid, workflowSid, taskChannel } = config.routing;
  let workspace = workspaceSid;
  let workflow = workflowSid;
  if (!workspace || !workflow) {
    const flex = await client.flexApi.v1.configuration().fetch();
    workspace ??= flex.taskrouterWorkspaceSid || undefined;
    workflow ??= flex.taskrouterTargetWorkflowSid || undefined;
  }
  if (!workspace || !workflow) {
    throw new BackendError(500, 'not_configured', { key: 'MessagingSetupRefusalNoRouting' });
  }
  return {
    workspace_sid: workspace,
    workflow_sid: workflow,
    task_channel_unique_name: taskChannel ?? channel.defaultTaskChannel,
  };
}

/** An SDK message in a routed conversation is its chat customer's, or someone else's (an agent's). */
function routedOutcome(
  channel: CustomerChannel,
  event: Record<string, string>,
  conversationSid: string,
  routed: Marker,
): InboundOutcome {
  if (channel.customerBy === 'participants' && routed.chatCustomerSid !== event.ParticipantSid) {
    return { outcome: 'ignored', reason: "An SDK message from someone other than the chat customer (an agent's)." };
  }
  return routed.interactionSid !== undefined
    ? { outcome: 'already_routed', conversationSid, interactionSid: routed.interactionSid }
    : { outcome: 'already_routed', conversationSid, taskSid: routed.taskSid };
}

/** The task of the conversation, if one exists. Any status counts: a task once made means the Interaction was. */
async function taskOf(client: TwilioClient, workspaceSid: string, conversationSid: string) {
  const [task] = await conversationTasks(client, workspaceSid, conversationSid, 1);
  return task;
}

function createInteraction(
  client: TwilioClient,
  config: BackendConfig,
  channel: CustomerChannel,
  conversationSid: string,
  event: Record<string, string>,
) {
  return (async () => {
    const author = event.Author ?? '';
    const routing = await routingFor(client, config, channel);
    return client.flexApi.v1.interaction.create({
      channel: {
        type: channel.interactionType,
        initiated_by: 'customer',
        properties: { media_channel_sid: conversationSid },
      },
      routing: {
        properties: {
          ...routing,
          attributes: { from: author, customerAddress: author, channelType: channel.type, conversationSid },
        },
      },
    });
  })();
}

/**
 * The "webhook handler (Advanced)" of Twilio's Flex docs: on a customer's message in a
 * conversation no task exists for yet, create a Flex Interaction whose media channel is that
 * conversation. Exactly once per conversation, under any interleaving of its messages
 * (docs/ARCHITECTURE.md, "Exactly-once inbound routing"):
 *
 * 1. the conversation's marker (its attributes) is the fast path: once routed, a message costs one
 *    read. It is not what makes the routing exactly-once — attributes can be replaced by anyone;
 * 2. a claim (conversationClaim.ts) is taken before the Interaction is created: only its winner
 *    creates one, after saying so in the claim (`creating`). A loser answers `already_routed`
 *    (the claim names the Interaction) or `in_progress` (the winner is at it, or could not
 *    confirm its create); a claim whose winner died before sending anything (`claimed`, older
 *    than the lease) is taken over by one compare-and-set;
 * 3. the winner records the Interaction in the claim, then in the marker.
 *
 * A customer's message is one that came in through a binding (SMS, WhatsApp, Messenger, email:
 * CHANNEL_BY_SOURCE), or a Webchat customer's SDK message (chatCustomer.ts says how it is told).
 */
export async function routeConversationToFlex(
  client: TwilioClient,
  config: BackendConfig,
  event: Record<string, string>,
): Promise<InboundOutcome> {
  if (event.EventType !== 'onMessageAdded') {
    return { outcome: 'ignored', reason: `${event.EventType || 'An event without EventType'} does not start a task.` };
  }
  const conversationSid = event.ConversationSid ?? '';
  if (!CONVERSATION_SID.test(conversationSid)) {
    throw new BackendError(400, 'invalid_event', { key: 'MessagingSetupRefusalNoConversationSid' });
  }
  const source = (event.Source ?? '').toUpperCase();
  const channel = CHANNEL_BY_SOURCE.get(source);
  if (!channel) {
    return { outcome: 'ignored', reason: `A message from ${event.Source || 'an unknown source'} is not a customer's.` };
  }

  const handle = await conversationOfEvent(client, event, conversationSid);
  const conversation = await handle.fetch();
  const attributes = parseObject(conversation.attributes);
  const marker = markerOf(attributes);
  if (marker) return routedOutcome(channel, event, conversationSid, marker);

  let chatCustomerSid: string | undefined;
  if (channel.customerBy === 'participants') {
    const verdict = await chatCustomerOf(client, conversationSid, event);
    if (!verdict.customer) return { outcome: 'ignored', reason: verdict.reason };
    chatCustomerSid = verdict.participantSid;
  }

  const claims = new ConversationClaims(config);
  const acquired = await claims.acquire(conversationSid, chatCustomerSid);
  if (acquired.kind === 'routed') return routedOutcome(channel, event, conversationSid, acquired);
  if (acquired.kind === 'busy') return { outcome: 'in_progress', conversationSid, reason: acquired.reason };
  chatCustomerSid = acquired.claim.data.chatCustomerSid ?? chatCustomerSid;
  const chat = chatCustomerSid ? { chatCustomerSid } : {};

  if (acquired.kind === 'unsettled') {
    // An earlier create's answer was lost: look for its task before making another.
    const routing = await routingFor(client, config, channel);
    const task = await taskOf(client, routing.workspace_sid, conversationSid);
    if (task) {
      const found = { taskSid: task.sid, ...chat };
      await claims
        .move(conversationSid, acquired.claim, { state: 'routed', at: Date.now(), ...found })
        .catch(() => undefined);
      await writeMarker(handle, attributes, found);
      return routedOutcome(channel, event, conversationSid, found);
    }
  }

  // Said before the create is sent: from here the Interaction may exist, so a claim left like
  // this (the call died) is never taken over — that is what keeps a takeover from making a second.
  const creating = await claims.move(conversationSid, acquired.claim, { state: 'creating', at: Date.now(), ...chat });
  if (!creating) {
    return { outcome: 'in_progress', conversationSid, reason: 'Another call took this conversation over.' };
  }

  let interactionSid: string;
  try {
    interactionSid = (await createInteraction(client, config, channel, conversationSid, event)).sid;
  } catch (error) {
    // Unknown outcome: the Interaction may exist, so the claim says so and nothing makes another.
    // A refusal: nothing exists, so the claim is given back for the next message to try again.
    await (
      outcomeUnknown(error)
        ? claims.move(conversationSid, creating, { state: 'unconfirmed', at: Date.now(), ...chat })
        : claims.release(conversationSid, creating)
    ).catch(() => undefined);
    throw error;
  }
  const routed = { interactionSid, ...chat };
  // Best effort, like the marker: if this write fails, the claim stays `creating` and no call
  // ever makes a second Interaction; the marker (next) still answers later messages.
  await claims.move(conversationSid, creating, { state: 'routed', at: Date.now(), ...routed }).catch(() => undefined);
  await writeMarker(handle, attributes, routed);
  return { outcome: 'created', conversationSid, interactionSid };
}

/**
 * The marker, for the fast path and for the UI. Best effort: the Interaction exists and the claim
 * says so, so a failed marker write makes later messages slower (a claim read), never a second task.
 */
async function writeMarker(
  conversation: Awaited<ReturnType<typeof conversationOfEvent>>,
  attributes: Record<string, unknown>,
  marker: Marker,
): Promise<void> {
  try {
    await conversation.update({
      attributes: JSON.stringify({ ...attributes, [MARKER_KEY]: marker }),
      // The marker is bookkeeping: it must not fire onConversationUpdated at other webhooks.
      xTwilioWebhookEnabled: 'false',
    });
  } catch {
    // See above: the claim is the record that counts.
  }
}
