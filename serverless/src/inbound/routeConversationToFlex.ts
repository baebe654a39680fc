import { BackendError } from '../http/backendError';
import type { BackendConfig } from '../config';
import type { TwilioClient } from '../twilio/clientFactory';

/** What the handler did with one webhook call (its JSON answer, for Twilio's debugger and tests). */
export type InboundOutcome =
  | { outcome: 'created'; conversationSid: string; interactionSid: string }
  | { outcome: 'already_routed'; conversationSid: string; interactionSid: string }
  | { outcome: 'ignored'; reason: string };

/** Where the conversation's marker lives in its attributes: set once an Interaction exists. */
const MARKER_KEY = 'messagingSetup';

const CONVERSATION_SID = /^CH[0-9a-fA-F]{32}$/;
type CustomerChannel = 'sms' | 'whatsapp' | 'messenger';

/**
 * A customer's message by its `Source`, and the Interaction channel type it becomes: messages that
 * came in through a binding (SMS, WhatsApp, Messenger). A Webchat customer writes through the
 * Conversations SDK, as an agent does: telling the two apart needs the conversation's
 * participants, so chat addresses route with Studio ("Chat Flow") and SDK messages start nothing.
 */
const CUSTOMER_SOURCES: Record<string, CustomerChannel> = {
  SMS: 'sms',
  WHATSAPP: 'whatsapp',
  MESSENGER: 'messenger',
};
/** Flex's out-of-the-box task channels: SMS tasks on `sms`, WhatsApp and Messenger on `chat`. */
const DEFAULT_TASK_CHANNEL: Record<CustomerChannel, string> = {
  sms: 'sms',
  whatsapp: 'chat',
  messenger: 'chat',
};

const parseObject = (json: unknown): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(typeof json === 'string' && json !== '' ? json : '{}');
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return { attributes: value };
  } catch {
    return {};
  }
};

function interactionOf(attributes: Record<string, unknown>): string | undefined {
  const marker = attributes[MARKER_KEY];
  if (marker && typeof marker === 'object' && 'interactionSid' in marker) {
    const sid = (marker as { interactionSid: unknown }).interactionSid;
    if (typeof sid === 'string' && sid !== '') return sid;
  }
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
    throw new BackendError(
      500,
      'not_configured',
      'No TaskRouter workspace/workflow: set MESSAGING_SETUP_WORKSPACE_SID and MESSAGING_SETUP_WORKFLOW_SID.',
    );
  }
  return {
    workspace_sid: workspace,
    workflow_sid: workflow,
    task_channel_unique_name: taskChannel ?? DEFAULT_TASK_CHANNEL[channel],
  };
}

/**
 * The "webhook handler (Advanced)" of Twilio's Flex docs: on a customer's message in a
 * conversation no task exists for yet, create a Flex Interaction whose media channel is that
 * conversation, then mark the conversation so its later messages create no second task. The
 * marker is read before anything is created, so a conversation gets one Interaction however many
 * messages follow.
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
    throw new BackendError(400, 'invalid_event', 'ConversationSid is missing or not a conversation SID (CH…).');
  }
  const channel = CUSTOMER_SOURCES[(event.Source ?? '').toUpperCase()];
  if (!channel) {
    return { outcome: 'ignored', reason: `A message from ${event.Source || 'an unknown source'} is not a customer's.` };
  }

  const conversation = await client.conversations.v1.conversations(conversationSid).fetch();
  const attributes = parseObject(conversation.attributes);
  const existing = interactionOf(attributes);
  if (existing) return { outcome: 'already_routed', conversationSid, interactionSid: existing };

  const author = event.Author ?? '';
  const interaction = await client.flexApi.v1.interaction.create({
    channel: { type: channel, initiated_by: 'customer', properties: { media_channel_sid: conversationSid } },
    routing: {
      properties: {
        ...(await routingFor(client, config, channel)),
        attributes: { from: author, customerAddress: author, channelType: channel, conversationSid },
      },
    },
  });
  await client.conversations.v1.conversations(conversationSid).update({
    attributes: JSON.stringify({ ...attributes, [MARKER_KEY]: { interactionSid: interaction.sid } }),
    // The marker is bookkeeping: it must not fire onConversationUpdated at other webhooks.
    xTwilioWebhookEnabled: 'false',
  });
  return { outcome: 'created', conversationSid, interactionSid: interaction.sid };
}
