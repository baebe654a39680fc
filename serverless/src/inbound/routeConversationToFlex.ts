import { CONTRACT_CHANNELS, type InboundMapping } from '../../../src/contract/channels';
import type { AddressType } from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { BackendConfig } from '../config';
import type { TwilioClient } from '../twilio/clientFactory';
import { chatCustomerOf } from './chatCustomer';

/** What the handler did with one webhook call (its JSON answer, for Twilio's debugger and tests). */
export type InboundOutcome =
  | { outcome: 'created'; conversationSid: string; interactionSid: string }
  | { outcome: 'already_routed'; conversationSid: string; interactionSid: string }
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
interface Marker {
  interactionSid: string;
  chatCustomerSid?: string;
}

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
  const { interactionSid, chatCustomerSid } = marker as Record<string, unknown>;
  if (typeof interactionSid !== 'string' || interactionSid === '') return undefined;
  return typeof chatCustomerSid === 'string' ? { interactionSid, chatCustomerSid } : { interactionSid };
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

/**
 * The "webhook handler (Advanced)" of Twilio's Flex docs: on a customer's message in a
 * conversation no task exists for yet, create a Flex Interaction whose media channel is that
 * conversation, then mark the conversation so its later messages create no second task. The
 * marker is read before anything is created, so a conversation gets one Interaction however many
 * messages follow. A customer's message is one that came in through a binding (SMS, WhatsApp,
 * Messenger, email: CHANNEL_BY_SOURCE), or a Webchat customer's SDK message: the first one by the
 * participants (one read, chatCustomer.ts), the later ones by the customer's participant kept in
 * the marker (no read).
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
  const sourceChannel = CHANNEL_BY_SOURCE.get(source);
  if (!sourceChannel) {
    return { outcome: 'ignored', reason: `A message from ${event.Source || 'an unknown source'} is not a customer's.` };
  }

  const conversation = await client.conversations.v1.conversations(conversationSid).fetch();
  const attributes = parseObject(conversation.attributes);
  const marker = markerOf(attributes);
  if (marker) {
    // An SDK message in a routed conversation is its chat customer's, or an agent's.
    const byParticipants = sourceChannel.customerBy === 'participants';
    if (byParticipants && (!marker.chatCustomerSid || marker.chatCustomerSid !== event.ParticipantSid)) {
      return { outcome: 'ignored', reason: "An SDK message from someone other than the chat customer (an agent's)." };
    }
    return { outcome: 'already_routed', conversationSid, interactionSid: marker.interactionSid };
  }

  const channel = sourceChannel;
  let chatCustomerSid: string | undefined;
  if (channel.customerBy === 'participants') {
    const verdict = await chatCustomerOf(client, conversationSid, event);
    if (!verdict.customer) return { outcome: 'ignored', reason: verdict.reason };
    chatCustomerSid = verdict.participantSid;
  }

  const author = event.Author ?? '';
  const interaction = await client.flexApi.v1.interaction.create({
    channel: {
      type: channel.interactionType,
      initiated_by: 'customer',
      properties: { media_channel_sid: conversationSid },
    },
    routing: {
      properties: {
        ...(await routingFor(client, config, channel)),
        attributes: { from: author, customerAddress: author, channelType: channel.type, conversationSid },
      },
    },
  });
  const written: Marker = { interactionSid: interaction.sid, ...(chatCustomerSid ? { chatCustomerSid } : {}) };
  await client.conversations.v1.conversations(conversationSid).update({
    attributes: JSON.stringify({ ...attributes, [MARKER_KEY]: written }),
    // The marker is bookkeeping: it must not fire onConversationUpdated at other webhooks.
    xTwilioWebhookEnabled: 'false',
  });
  return { outcome: 'created', conversationSid, interactionSid: interaction.sid };
}
