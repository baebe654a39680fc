/**
 * TaskRouter's REST, as twilio-taskrouter 2.x sends it: every call is
 * `POST https://event-bridge[.<region>].twilio.com/v1/wschannels` with a JSON body
 * `{url: "Workspaces/WS…/Workers/WK…", method: "GET" | "POST", params: {…}, token}` and the answer is
 * read from `{payload: …}`; a 4xx answer's `message` becomes the SDK's error text.
 *
 * The Worker calls, after the event bridge's `init`: its worker, the workspace's activities, its
 * channels and its active reservations. Answered from the user alone (a pure function, no state):
 * the worker starts Offline with activities Offline / Available / Unavailable / Break, channels
 * default / voice / chat / sms, and no reservations. Changing activity or attributes answers the
 * changed worker but is not remembered. Workspace lists (workers, queues) answer the user's worker
 * and no queues.
 */
import { epochSeconds, stableSid } from './fakeSids';
import { isJsonObject, type FlexSocketUser, type JsonObject } from './types';

export interface TaskRouterAnswer {
  status: number;
  body: unknown;
}

interface TaskRouterCall {
  path: string;
  method: string;
  params: JsonObject;
}

const parseCall = (body: string): (TaskRouterCall & { token: string }) | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed) || typeof parsed.url !== 'string') return undefined;
  return {
    path: parsed.url.replace(/^\/+/, ''),
    method: typeof parsed.method === 'string' ? parsed.method.toUpperCase() : 'GET',
    params: isJsonObject(parsed.params) ? parsed.params : {},
    token: typeof parsed.token === 'string' ? parsed.token : '',
  };
};

/** The token inside an event-bridge REST body, for the host to validate; undefined when there is none. */
export function taskRouterRequestToken(body: string): string | undefined {
  return parseCall(body)?.token || undefined;
}

const ACTIVITIES = [
  { name: 'Offline', available: false },
  { name: 'Available', available: true },
  { name: 'Unavailable', available: false },
  { name: 'Break', available: false },
] as const;

const CHANNELS = ['default', 'voice', 'chat', 'sms'] as const;

/** Epoch seconds of a fixed creation date: stable answers for the same user. */
const CREATED = epochSeconds(new Date('2024-01-01T00:00:00Z'));

export function activitySid(user: FlexSocketUser, name: string): string {
  return stableSid('WA', `${user.workspaceSid}:${name}`);
}

function activities(user: FlexSocketUser) {
  return ACTIVITIES.map((activity) => ({
    account_sid: user.accountSid,
    workspace_sid: user.workspaceSid,
    sid: activitySid(user, activity.name),
    friendly_name: activity.name,
    available: activity.available,
    date_created: CREATED,
    date_updated: CREATED,
  }));
}

function worker(user: FlexSocketUser, changes: JsonObject = {}) {
  const activity =
    activities(user).find((candidate) => candidate.sid === changes.ActivitySid) ??
    activities(user).find((candidate) => candidate.friendly_name === 'Offline');
  const attributes =
    typeof changes.Attributes === 'string'
      ? changes.Attributes
      : JSON.stringify({ full_name: user.identity, email: user.identity, contact_uri: `client:${user.identity}` });
  return {
    account_sid: user.accountSid,
    workspace_sid: user.workspaceSid,
    sid: user.workerSid,
    friendly_name: user.identity,
    activity_name: activity?.friendly_name ?? 'Offline',
    activity_sid: activity?.sid ?? activitySid(user, 'Offline'),
    available: activity?.available ?? false,
    attributes,
    date_created: CREATED,
    date_updated: epochSeconds(),
    // Its activity is as of now (Flex's activity menu shows the time since), not since the fixed creation date.
    date_status_changed: epochSeconds(),
    version: '0',
  };
}

function channels(user: FlexSocketUser) {
  return CHANNELS.map((name) => ({
    account_sid: user.accountSid,
    workspace_sid: user.workspaceSid,
    worker_sid: user.workerSid,
    sid: stableSid('WC', `${user.workerSid}:${name}`),
    task_channel_sid: stableSid('TC', `${user.workspaceSid}:${name}`),
    task_channel_unique_name: name,
    available: true,
    assigned_tasks: 0,
    available_capacity_percentage: 100,
    configured_capacity: 1,
    last_reserved_time: null,
    date_created: CREATED,
    date_updated: CREATED,
  }));
}

const page = (contents: unknown[]): TaskRouterAnswer => ({
  status: 200,
  body: { payload: { contents, after_sid: null } },
});
const ok = (payload: unknown): TaskRouterAnswer => ({ status: 200, body: { payload } });
const error = (status: number, message: string): TaskRouterAnswer => ({ status, body: { status, message } });

/**
 * Answers one event-bridge REST call of `user` (the host validated the token of the body, see
 * taskRouterRequestToken); undefined when the request is not one (the host answers 404 then).
 */
export function answerTaskRouterRequest(
  method: string,
  url: URL,
  body: string,
  user: FlexSocketUser,
): TaskRouterAnswer | undefined {
  if (method.toUpperCase() !== 'POST' || !/^event-bridge(\.[a-z0-9-]+)*\.twilio\.com$/.test(url.hostname))
    return undefined;
  if (url.pathname.replace(/\/+$/, '') !== '/v1/wschannels') return undefined;
  const call = parseCall(body);
  if (!call) return error(400, 'Invalid request body');

  const [workspaces, workspaceSid, collection, sid, subCollection, ...rest] = call.path.split('/');
  if (workspaces !== 'Workspaces' || !workspaceSid) return error(404, `Unknown resource ${call.path}`);
  if (workspaceSid !== user.workspaceSid) return error(403, 'Workspace does not match the token');

  if (collection === 'Activities' && !sid && call.method === 'GET') return page(activities(user));
  if (collection === 'TaskQueues' && !sid && call.method === 'GET') return page([]);
  if (collection === 'Tasks' && !sid && call.method === 'GET') return page([]);
  if (collection === 'Workers' && !sid && call.method === 'GET') return page([worker(user)]);
  if (collection === 'Workers' && sid && rest.length === 0) {
    if (sid !== user.workerSid) return error(404, `Worker ${sid} not found`);
    if (!subCollection && call.method === 'GET') return ok(worker(user));
    if (!subCollection && call.method === 'POST') return ok(worker(user, call.params));
    if (subCollection === 'WorkerChannels' && call.method === 'GET') return page(channels(user));
    if (subCollection === 'Reservations' && call.method === 'GET') return page([]);
    if (subCollection === 'Transfers' && call.method === 'GET') return page([]);
  }
  return error(404, `Unknown resource ${call.method} ${call.path}`);
}
