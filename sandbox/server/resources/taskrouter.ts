import { created, noContent, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import { SandboxAccount, type Collection, type WireResource } from '../state';
import { invalidParameter, notFound } from '../twilioError';
import { applyParams, isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';
import { parseTaskExpression } from './taskExpression';

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

/** The tasks of a workspace (made on first use). */
export const tasksOfWorkspace = (account: SandboxAccount, workspaceSid: string): Collection<WireResource> =>
  SandboxAccount.childOf(account.tasks, workspaceSid, `/v1/Workspaces/${workspaceSid}/Tasks`);

function tasksOf(req: OperationRequest): Collection<WireResource> {
  return tasksOfWorkspace(req.account, req.account.workspaces.get(req.params.WorkspaceSid).sid);
}

/** Flex's out-of-the-box queue, which "Assign to Anyone" routes every task to. */
export const DEFAULT_QUEUE_NAME = 'Everyone';

/** The queue a workflow's default filter sends tasks to (its configuration's `default_filter.queue`). */
function defaultQueueOf(workflow: WireResource | undefined): string | null {
  try {
    const config = JSON.parse(String(workflow?.configuration ?? '{}')) as {
      task_routing?: { default_filter?: { queue?: unknown } };
    };
    const queue = config.task_routing?.default_filter?.queue;
    return typeof queue === 'string' ? queue : null;
  } catch {
    return null;
  }
}

export interface TaskFields {
  attributes: string;
  workflow?: WireResource;
  channel?: WireResource;
  priority?: number;
  timeout?: number;
  /** Tasks made beside other resources take a derived SID, so the seed's sequence is untouched. */
  sid?: string;
  /** ISO 8601; default the account's clock (advanced). */
  dateCreated?: string;
}

/**
 * A new Task, `pending` in its workflow's default queue, as TaskRouter makes one: age 0, the
 * attributes as sent (a JSON string), 24 h timeout unless told (the spec's Timeout default).
 */
export function buildTask(account: SandboxAccount, workspaceSid: string, fields: TaskFields): WireResource {
  const sid = fields.sid ?? account.random.sid('WT');
  const now = fields.dateCreated ?? isoDate(account.now());
  const url = `${HOST}/v1/Workspaces/${workspaceSid}/Tasks/${sid}`;
  const queue = defaultQueueOf(fields.workflow);
  return {
    account_sid: account.accountSid,
    age: 0,
    assignment_status: 'pending',
    attributes: fields.attributes,
    addons: null,
    date_created: now,
    date_updated: now,
    task_queue_entered_date: queue ? now : null,
    priority: fields.priority ?? 0,
    reason: null,
    sid,
    task_queue_sid: queue,
    task_queue_friendly_name: queue ? DEFAULT_QUEUE_NAME : null,
    task_channel_sid: fields.channel?.sid ?? null,
    task_channel_unique_name: typeof fields.channel?.unique_name === 'string' ? fields.channel.unique_name : null,
    timeout: fields.timeout ?? 86_400,
    workflow_sid: fields.workflow?.sid ?? null,
    workflow_friendly_name: typeof fields.workflow?.friendly_name === 'string' ? fields.workflow.friendly_name : null,
    workspace_sid: workspaceSid,
    url,
    links: {
      task_queue: queue ? `${HOST}/v1/Workspaces/${workspaceSid}/TaskQueues/${queue}` : null,
      workflow: fields.workflow ? `${HOST}/v1/Workspaces/${workspaceSid}/Workflows/${fields.workflow.sid}` : null,
      workspace: `${HOST}/v1/Workspaces/${workspaceSid}`,
      reservations: `${url}/Reservations`,
    },
    virtual_start_time: now,
    ignore_capacity: false,
    routing_target: null,
  };
}

/** A workspace's task channel by SID or unique name (TaskChannel takes either); default `default`. */
export function taskChannelOf(account: SandboxAccount, workspaceSid: string, nameOrSid = 'default') {
  const channels = account.taskChannels.get(workspaceSid)?.all() ?? [];
  return channels.find((c) => c.sid === nameOrSid || c.unique_name === nameOrSid);
}

/** The task as TaskRouter answers it now: `age` is the seconds since it was created. */
function withAge(account: SandboxAccount, task: WireResource): WireResource {
  const created = Date.parse(String(task.date_created));
  const age = Number.isNaN(created) ? 0 : Math.max(0, Math.floor((account.peekNow().getTime() - created) / 1000));
  return { ...task, age };
}

const FINAL_STATUSES = new Set(['completed', 'canceled']);

/**
 * Which assignment status a task may move to through the Tasks API, from which (Twilio's Update
 * Task docs: `canceled` cancels a pending or reserved task, `wrapping` moves an assigned task to
 * wrap-up, `completed` completes an assigned or wrapping one). Completed and canceled are final.
 */
const ALLOWED_FROM: Record<string, string[]> = {
  canceled: ['pending', 'reserved'],
  wrapping: ['assigned'],
  completed: ['assigned', 'wrapping'],
};

/** Moves a task to a new assignment status, or throws the 400 TaskRouter answers. */
export function moveTask(account: SandboxAccount, task: WireResource, status: string, reason?: string): void {
  const current = String(task.assignment_status);
  if (!(ALLOWED_FROM[status] ?? []).includes(current)) {
    throw invalidParameter(
      FINAL_STATUSES.has(current)
        ? `Task ${task.sid} is already ${current}, which is final`
        : `Task ${task.sid} cannot move from ${current} to ${status}`,
    );
  }
  task.assignment_status = status;
  if (reason !== undefined) task.reason = reason;
  task.date_updated = isoDate(account.now());
}

function parseAttributes(task: WireResource): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(String(task.attributes ?? '{}'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const ORDER_KEYS: Record<string, string> = {
  DateCreated: 'date_created',
  Priority: 'priority',
  VirtualStartTime: 'virtual_start_time',
};

/** `Ordering=Priority:desc,DateCreated:asc` → a comparator; the spec's description is the grammar. */
function orderingOf(ordering: string): (a: WireResource, b: WireResource) => number {
  const keys = ordering.split(',').map((part) => {
    const [attribute, order = 'asc'] = part.trim().split(':');
    const field = ORDER_KEYS[attribute];
    if (!field || !['asc', 'desc'].includes(order.toLowerCase())) {
      throw invalidParameter(
        `Invalid Ordering ${ordering}: use Attribute:Order with DateCreated, Priority or VirtualStartTime and asc or desc`,
      );
    }
    return { field, sign: order.toLowerCase() === 'desc' ? -1 : 1 };
  });
  const fields = keys.map((k) => k.field);
  if (fields.includes('date_created') && fields.includes('virtual_start_time')) {
    throw invalidParameter('Invalid Ordering: DateCreated and VirtualStartTime cannot be paired');
  }
  return (a, b) => {
    for (const { field, sign } of keys) {
      const x = a[field] as string | number;
      const y = b[field] as string | number;
      if (x < y) return -sign;
      if (x > y) return sign;
    }
    return 0;
  };
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function listTasks(req: OperationRequest) {
  const q = req.query;
  const statuses = ([] as string[])
    .concat(q.AssignmentStatus ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  const expression = text(q.EvaluateTaskAttributes);
  const matches = expression ? parseTaskExpression(expression) : undefined;
  const priority = text(q.Priority);
  const hasAddons = text(q.HasAddons);
  let items = tasksOf(req)
    .all()
    .filter((t) => statuses.length === 0 || statuses.includes(String(t.assignment_status)))
    .filter((t) => !text(q.WorkflowSid) || t.workflow_sid === q.WorkflowSid)
    .filter((t) => !text(q.WorkflowName) || t.workflow_friendly_name === q.WorkflowName)
    .filter((t) => !text(q.TaskQueueSid) || t.task_queue_sid === q.TaskQueueSid)
    .filter((t) => !text(q.TaskQueueName) || t.task_queue_friendly_name === q.TaskQueueName)
    .filter((t) => !text(q.RoutingTarget) || t.routing_target === q.RoutingTarget)
    .filter((t) => priority === undefined || t.priority === Number(priority))
    .filter((t) => hasAddons === undefined || (t.addons !== null && t.addons !== '{}') === (hasAddons === 'true'))
    .filter((t) => !matches || matches(parseAttributes(t)));
  const ordering = text(q.Ordering);
  items = ordering ? [...items].sort(orderingOf(ordering)) : items;
  return pageV1(
    items.map((t) => withAge(req.account, t)),
    'tasks',
    req,
  );
}

/** Attributes must be a JSON object (TaskRouter keeps them as a string). */
function attributesParam(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(String(value));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return String(value);
  } catch {
    // answered below
  }
  throw invalidParameter('Attributes must be a JSON object');
}

function taskOr404(req: OperationRequest): WireResource {
  return tasksOf(req).get(req.params.Sid);
}

const byFriendlyName = (req: OperationRequest) => (item: WireResource) =>
  typeof req.query.FriendlyName !== 'string' || item.friendly_name === req.query.FriendlyName;

const workspaces = resourceHandlers((req) => req.account.workspaces, {
  onDelete: ({ account }, workspace) => {
    account.workflows.delete(workspace.sid);
    account.taskChannels.delete(workspace.sid);
    account.tasks.delete(workspace.sid);
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

  ListTask: (req) => ok(listTasks(req)),
  CreateTask: (req) => {
    const ws = req.account.workspaces.get(req.params.WorkspaceSid).sid;
    const workflows = workflowsOf(req).all();
    const workflowSid = text(req.body.WorkflowSid);
    const workflow = workflowSid
      ? workflows.find((w) => w.sid === workflowSid)
      : workflows.length === 1
        ? workflows[0]
        : undefined;
    if (workflowSid && !workflow) throw notFound(`/v1/Workspaces/${ws}/Workflows/${workflowSid}`);
    if (!workflow) throw invalidParameter('WorkflowSid is required when the workspace has more than one workflow');
    const channel = taskChannelOf(req.account, ws, text(req.body.TaskChannel));
    if (!channel) throw invalidParameter(`Unknown TaskChannel ${String(req.body.TaskChannel)}`);
    const task = buildTask(req.account, ws, {
      attributes: attributesParam(req.body.Attributes) ?? '{}',
      workflow,
      channel,
      ...(typeof req.body.Priority === 'number' ? { priority: req.body.Priority } : {}),
      ...(typeof req.body.Timeout === 'number' ? { timeout: req.body.Timeout } : {}),
    });
    if (typeof req.body.VirtualStartTime === 'string') task.virtual_start_time = req.body.VirtualStartTime;
    return created(tasksOf(req).add(task));
  },
  FetchTask: (req) => ok(withAge(req.account, taskOr404(req))),
  UpdateTask: (req) => {
    const task = taskOr404(req);
    const { body } = req;
    if (FINAL_STATUSES.has(String(task.assignment_status))) {
      throw invalidParameter(
        `Task ${task.sid} is ${String(task.assignment_status)}, which is final: it cannot be updated`,
      );
    }
    const attributes = attributesParam(body.Attributes);
    if (
      typeof body.TaskChannel === 'string' &&
      !taskChannelOf(req.account, String(task.workspace_sid), body.TaskChannel)
    ) {
      throw invalidParameter(`Unknown TaskChannel ${body.TaskChannel}`);
    }
    if (typeof body.AssignmentStatus === 'string') {
      moveTask(req.account, task, body.AssignmentStatus, text(body.Reason));
    } else if (typeof body.Reason === 'string') {
      task.reason = body.Reason;
    }
    if (attributes !== undefined) task.attributes = attributes;
    if (typeof body.Priority === 'number') task.priority = body.Priority;
    if (typeof body.VirtualStartTime === 'string') task.virtual_start_time = body.VirtualStartTime;
    if (typeof body.TaskChannel === 'string') {
      const channel = taskChannelOf(req.account, String(task.workspace_sid), body.TaskChannel);
      task.task_channel_sid = channel?.sid ?? null;
      task.task_channel_unique_name = channel?.unique_name ?? null;
    }
    task.date_updated = isoDate(req.account.now());
    return ok(withAge(req.account, task));
  },
  DeleteTask: (req) => {
    tasksOf(req).remove(taskOr404(req).sid);
    return noContent();
  },

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

/** A task of any workspace of the account, by SID. */
export function findTask(account: SandboxAccount, sid: string): WireResource | undefined {
  for (const tasks of account.tasks.values()) {
    const task = tasks.find(sid);
    if (task) return task;
  }
  return undefined;
}

/**
 * What an agent does with a task, in one step (the control API's `tasks/{sid}/complete`): a
 * pending or reserved task is accepted (assigned) and then completed, an assigned or wrapping one
 * completed. Like completing it through the Tasks API, this touches only the task: the
 * conversation stays as it is, which is how a conversation ends up active with no open task.
 * Throws a TwilioApiError (400) for a task that is already completed or canceled.
 */
export function completeTaskAsAgent(account: SandboxAccount, task: WireResource, reason: string): WireResource {
  if (task.assignment_status === 'pending' || task.assignment_status === 'reserved') {
    task.assignment_status = 'assigned';
  }
  moveTask(account, task, 'completed', reason);
  return withAge(account, task);
}
