import { created, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import { SandboxAccount, type Collection, type WireResource } from '../state';
import { applyParams, isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';

const HOST = 'https://taskrouter.twilio.com';

export function buildWorkspace(account: SandboxAccount, friendlyName: string): WireResource {
  const sid = account.random.sid('WS');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Workspaces/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    friendly_name: friendlyName,
    default_activity_name: 'Offline',
    default_activity_sid: account.random.sid('WA'),
    timeout_activity_name: 'Offline',
    timeout_activity_sid: account.random.sid('WA'),
    event_callback_url: null,
    events_filter: null,
    multi_task_enabled: true,
    prioritize_queue_order: 'FIFO',
    date_created: now,
    date_updated: now,
    url,
    links: {
      activities: `${url}/Activities`,
      task_queues: `${url}/TaskQueues`,
      tasks: `${url}/Tasks`,
      workers: `${url}/Workers`,
      workflows: `${url}/Workflows`,
      task_channels: `${url}/TaskChannels`,
      events: `${url}/Events`,
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

export function buildWorkflow(
  account: SandboxAccount,
  workspaceSid: string,
  friendlyName: string,
  configuration: string,
): WireResource {
  const sid = account.random.sid('WW');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Workspaces/${workspaceSid}/Workflows/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    workspace_sid: workspaceSid,
    friendly_name: friendlyName,
    configuration,
    assignment_callback_url: null,
    fallback_assignment_callback_url: null,
    document_content_type: 'application/json',
    task_reservation_timeout: 120,
    date_created: now,
    date_updated: now,
    url,
    links: {
      statistics: `${url}/Statistics`,
      real_time_statistics: `${url}/RealTimeStatistics`,
      cumulative_statistics: `${url}/CumulativeStatistics`,
    },
  };
}

export function buildTaskChannel(
  account: SandboxAccount,
  workspaceSid: string,
  uniqueName: string,
  friendlyName: string,
): WireResource {
  const sid = account.random.sid('TC');
  const now = isoDate(account.now());
  return {
    sid,
    account_sid: account.accountSid,
    workspace_sid: workspaceSid,
    unique_name: uniqueName,
    friendly_name: friendlyName,
    channel_optimized_routing: null,
    date_created: now,
    date_updated: now,
    url: `${HOST}/v1/Workspaces/${workspaceSid}/TaskChannels/${sid}`,
    links: { workspace: `${HOST}/v1/Workspaces/${workspaceSid}` },
  };
}

function workflowsOf(req: OperationRequest): Collection<WireResource> {
  const ws = req.account.workspaces.get(req.params.WorkspaceSid).sid;
  return SandboxAccount.childOf(req.account.workflows, ws, `/v1/Workspaces/${ws}/Workflows`);
}

function channelsOf(req: OperationRequest): Collection<WireResource> {
  const ws = req.account.workspaces.get(req.params.WorkspaceSid).sid;
  return SandboxAccount.childOf(req.account.taskChannels, ws, `/v1/Workspaces/${ws}/TaskChannels`);
}

const byFriendlyName = (req: OperationRequest) => (item: WireResource) =>
  typeof req.query.FriendlyName !== 'string' || item.friendly_name === req.query.FriendlyName;

const workspaces = resourceHandlers((req) => req.account.workspaces, {
  onDelete: ({ account }, workspace) => {
    account.workflows.delete(workspace.sid);
    account.taskChannels.delete(workspace.sid);
  },
});
const workflows = resourceHandlers(workflowsOf, { skip: ['ReEvaluateTasks'] });

export const taskrouterHandlers: OperationHandlers = {
  ListWorkspace: (req) => ok(pageV1(req.account.workspaces.all().filter(byFriendlyName(req)), 'workspaces', req)),
  CreateWorkspace: ({ account, body }) => {
    const workspace = buildWorkspace(account, String(body.FriendlyName));
    applyParams(workspace, body, ['FriendlyName', 'Template']);
    return created(account.workspaces.add(workspace));
  },
  FetchWorkspace: workspaces.fetch,
  UpdateWorkspace: workspaces.update,
  DeleteWorkspace: workspaces.remove,

  ListWorkflow: (req) => ok(pageV1(workflowsOf(req).all().filter(byFriendlyName(req)), 'workflows', req)),
  CreateWorkflow: (req) => {
    const workflow = buildWorkflow(
      req.account,
      req.params.WorkspaceSid,
      String(req.body.FriendlyName),
      String(req.body.Configuration),
    );
    applyParams(workflow, req.body, ['FriendlyName', 'Configuration']);
    return created(workflowsOf(req).add(workflow));
  },
  FetchWorkflow: workflows.fetch,
  UpdateWorkflow: workflows.update,
  DeleteWorkflow: workflows.remove,

  ListTaskChannel: (req) => ok(pageV1(channelsOf(req).all(), 'channels', req)),
  CreateTaskChannel: (req) => {
    const channel = buildTaskChannel(
      req.account,
      req.params.WorkspaceSid,
      String(req.body.UniqueName),
      String(req.body.FriendlyName),
    );
    if (typeof req.body.ChannelOptimizedRouting === 'boolean')
      channel.channel_optimized_routing = req.body.ChannelOptimizedRouting;
    return created(channelsOf(req).add(channel));
  },
};
