import { created, ok, type OperationHandlers } from '../operation';
import { pageV1 } from '../pagination';
import type { FlexFlow, SandboxAccount, WireResource } from '../state';
import { invalidParameter } from '../twilioError';
import { applyParams, isoDate } from '../wireFormat';
import { derivedSid } from '../random';
import { buildConversation, participantsOf } from './conversations';
import { resourceHandlers } from './resourceHandlers';
import { buildTask, findTask, taskChannelOf, tasksOfWorkspace } from './taskrouter';

const HOST = 'https://flex-api.twilio.com';

export function buildFlexFlow(account: SandboxAccount, params: Record<string, unknown>): FlexFlow {
  const sid = account.random.sid('FO');
  const now = isoDate(account.now());
  const flow: FlexFlow = {
    sid,
    account_sid: account.accountSid,
    date_created: now,
    date_updated: now,
    friendly_name: null,
    chat_service_sid: null,
    channel_type: 'web',
    contact_identity: null,
    enabled: true,
    integration_type: null,
    integration: {},
    long_lived: false,
    janitor_enabled: false,
    url: `${HOST}/v1/FlexFlows/${sid}`,
  };
  applyParams(flow, params);
  return flow;
}

/** The Flex configuration, with the fields Messaging Setup reads and a realistic rest. */
export function buildFlexConfiguration(
  account: SandboxAccount,
  sids: { flexService: string; chatService: string; messagingService: string; workspace: string; workflow: string },
): Record<string, unknown> {
  const now = isoDate(account.now());
  return {
    account_sid: account.accountSid,
    date_created: now,
    date_updated: now,
    attributes: {},
    status: 'ok',
    taskrouter_workspace_sid: sids.workspace,
    taskrouter_target_workflow_sid: sids.workflow,
    taskrouter_target_taskqueue_sid: account.random.sid('WQ'),
    taskrouter_taskqueues: [],
    taskrouter_skills: [],
    taskrouter_worker_channels: {},
    taskrouter_worker_attributes: {},
    taskrouter_offline_activity_sid: account.random.sid('WA'),
    runtime_domain: 'sandbox-1234-dev.twil.io',
    messaging_service_instance_sid: sids.messagingService,
    chat_service_instance_sid: sids.chatService,
    flex_service_instance_sid: sids.flexService,
    flex_instance_sid: account.random.sid('GO'),
    ui_language: 'en',
    ui_attributes: {},
    ui_dependencies: {},
    ui_version: '2.17.1',
    service_version: '1.0',
    call_recording_enabled: false,
    call_recording_webhook_url: null,
    crm_enabled: false,
    crm_type: 'custom',
    crm_callback_url: null,
    crm_fallback_url: null,
    crm_attributes: {},
    public_attributes: {},
    plugin_service_enabled: true,
    plugin_service_attributes: {},
    integrations: [],
    outbound_call_flows: {},
    serverless_service_sids: [],
    queue_stats_configuration: {},
    notifications: {},
    markdown: {},
    url: `${HOST}/v1/Configuration`,
    flex_insights_hr: {},
    flex_insights_drilldown: false,
    flex_url: 'https://flex.twilio.com/sandbox',
    channel_configs: [],
    debugger_integration: {},
    flex_ui_status_report: {},
    agent_conv_end_methods: {},
    citrix_voice_vdi: {},
    offline_config: {},
  };
}

function parseJsonParam(name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'string') throw invalidParameter(`${name} must be a JSON object`);
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to the same 400 as a non-object
  }
  throw invalidParameter(`${name} must be a JSON object`);
}

/** The customer of a conversation: its first participant's binding address, else its identity. */
function customerOf(account: SandboxAccount, conversationSid: string): string | null {
  const [first] = participantsOf(account, conversationSid).all();
  const binding = first?.messaging_binding as { address?: unknown } | null | undefined;
  if (typeof binding?.address === 'string') return binding.address;
  return typeof first?.identity === 'string' ? first.identity : null;
}

/**
 * The TaskRouter Task an Interaction makes (Flex's Interactions resource: "The Routing attributes
 * are used to create a task", and "All attributes in the Routing object … are added as is to the
 * task"; twilio.com/docs/flex/developer/conversations/interactions-api/interactions). Its
 * attributes carry what Flex adds, as the example task of the Interactions API overview shows
 * (…/interactions-api): `conversationSid`, `flexInteractionChannelSid` (`UO…`), `channelType`,
 * `conversations.media`, `direction`, `initiatedBy`, plus `from`/`customerAddress` (the customer)
 * unless the routing's own attributes say otherwise. The task is `pending` (the sandbox has no
 * workers to reserve it). A workspace or workflow that does not exist makes no task: Twilio
 * creates it after answering (the create is asynchronous), and the sandbox has no failure to show.
 * Its SID is derived from the Interaction's, so the seed's sequence is untouched.
 */
function taskForInteraction(
  account: SandboxAccount,
  interaction: WireResource,
  routing: Record<string, unknown>,
): void {
  const properties = (routing.properties ?? {}) as Record<string, unknown>;
  const workspaceSid =
    typeof properties.workspace_sid === 'string'
      ? properties.workspace_sid
      : String(account.flexConfiguration.taskrouter_workspace_sid);
  const workspace = account.workspaces.find(workspaceSid);
  if (!workspace) return;
  const workflows = account.workflows.get(workspace.sid)?.all() ?? [];
  const workflowSid =
    typeof properties.workflow_sid === 'string'
      ? properties.workflow_sid
      : String(account.flexConfiguration.taskrouter_target_workflow_sid);
  const workflow = workflows.find((w) => w.sid === workflowSid);
  if (!workflow) return;
  const channelName =
    typeof properties.task_channel_unique_name === 'string'
      ? properties.task_channel_unique_name
      : typeof properties.task_channel_sid === 'string'
        ? properties.task_channel_sid
        : 'default';
  const channel = interaction.channel as { sid: string; type?: unknown; properties: { media_channel_sid: string } };
  const conversationSid = channel.properties.media_channel_sid;
  const customer = customerOf(account, conversationSid);
  const given =
    properties.attributes && typeof properties.attributes === 'object'
      ? (properties.attributes as Record<string, unknown>)
      : typeof properties.attributes === 'string'
        ? parseJsonParam('Routing.properties.attributes', properties.attributes)
        : {};
  const channelType = typeof channel.type === 'string' ? channel.type : null;
  const attributes = {
    from: customer,
    customerAddress: customer,
    channelType,
    direction: 'inbound',
    initiatedBy: 'customer',
    conversations: {
      initiated_by: 'Customer',
      communication_channel: channelType,
      media: [{ conversation_sid: conversationSid }],
      direction: 'Inbound',
    },
    ...given,
    conversationSid,
    flexInteractionChannelSid: channel.sid,
  };
  const task = buildTask(account, workspace.sid, {
    attributes: JSON.stringify(attributes),
    workflow,
    channel: taskChannelOf(account, workspace.sid, channelName),
    ...(typeof properties.priority === 'number' ? { priority: properties.priority } : {}),
    ...(typeof properties.timeout === 'number' ? { timeout: properties.timeout } : {}),
    sid: derivedSid('WT', interaction.sid),
    dateCreated: isoDate(account.peekNow()),
  });
  tasksOfWorkspace(account, workspace.sid).add(task);
}

/**
 * An Interaction as Flex makes one: on the conversation its channel names (or a new one), with
 * the task its routing makes (taskForInteraction).
 */
export function createInteraction(
  account: SandboxAccount,
  channel: Record<string, unknown>,
  routing: Record<string, unknown>,
  extra: { interactionContextSid?: string | null; webhookTtid?: string | null } = {},
): WireResource {
  const properties = (channel.properties ?? {}) as Record<string, unknown>;
  let mediaChannelSid = properties.media_channel_sid;
  if (typeof mediaChannelSid === 'string') {
    account.conversations.get(mediaChannelSid);
  } else {
    // Twilio creates the conversation when the interaction does not name one.
    const flexService = String(account.flexConfiguration.flex_service_instance_sid);
    mediaChannelSid = account.conversations.add(buildConversation(account, flexService, 'Interaction')).sid;
  }
  const sid = account.random.sid('KD');
  const url = `${HOST}/v1/Interactions/${sid}`;
  const interaction: WireResource = {
    sid,
    channel: {
      ...channel,
      sid: account.random.sid('UO'),
      properties: { ...properties, media_channel_sid: mediaChannelSid },
    },
    routing: { ...routing, sid: account.random.sid('KD') },
    url,
    links: { channels: `${url}/Channels` },
    interaction_context_sid: extra.interactionContextSid ?? null,
    webhook_ttid: extra.webhookTtid ?? null,
  };
  taskForInteraction(account, interaction, routing);
  return account.interactions.add(interaction);
}

/**
 * What routing a customer's conversation to Flex makes (the built-in handler's or a Studio Send to
 * Flex's Interaction): an SMS Interaction on the Flex configuration's workspace and workflow, and
 * its task, pending — answered.
 */
export function routeConversationToFlex(account: SandboxAccount, conversationSid: string): WireResource {
  const interaction = createInteraction(
    account,
    { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversationSid } },
    {
      properties: {
        workspace_sid: account.flexConfiguration.taskrouter_workspace_sid,
        workflow_sid: account.flexConfiguration.taskrouter_target_workflow_sid,
        task_channel_unique_name: 'sms',
      },
    },
  );
  const task = findTask(account, derivedSid('WT', interaction.sid));
  if (!task) throw new Error(`the sandbox made no task for the Interaction ${String(interaction.sid)}`);
  return task;
}

const flexFlows = resourceHandlers((req) => req.account.flexFlows);
// Interactions have no date_updated.
const interactions = resourceHandlers((req) => req.account.interactions, { stamp: null });

export const flexHandlers: OperationHandlers = {
  ListFlexFlow: (req) => {
    const name = req.query.FriendlyName;
    const items = req.account.flexFlows.all().filter((f) => typeof name !== 'string' || f.friendly_name === name);
    return ok(pageV1(items, 'flex_flows', req));
  },

  CreateFlexFlow: ({ account, body }) => created(account.flexFlows.add(buildFlexFlow(account, body))),

  FetchFlexFlow: flexFlows.fetch,
  UpdateFlexFlow: flexFlows.update,
  DeleteFlexFlow: flexFlows.remove,

  FetchConfiguration: ({ account }) => ok(account.flexConfiguration),

  UpdateConfiguration: ({ account, body }) => {
    // Flex's configuration update is a JSON merge of top-level keys.
    Object.assign(account.flexConfiguration, body, { date_updated: isoDate(account.now()) });
    return ok(account.flexConfiguration);
  },

  CreateInteraction: ({ account, body }) => {
    const channel = parseJsonParam('Channel', body.Channel);
    const routing = body.Routing === undefined ? {} : parseJsonParam('Routing', body.Routing);
    const interaction = createInteraction(account, channel, routing, {
      interactionContextSid: typeof body.InteractionContextSid === 'string' ? body.InteractionContextSid : null,
      webhookTtid: typeof body.WebhookTtid === 'string' ? body.WebhookTtid : null,
    });
    // Interactions create answers 200, not 201 (Twilio's spec).
    return ok(interaction);
  },

  FetchInteraction: interactions.fetch,
  UpdateInteraction: interactions.update,
};
