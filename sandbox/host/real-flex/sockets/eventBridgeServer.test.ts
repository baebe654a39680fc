/**
 * Drives the real twilio-taskrouter 2.1 Worker and Workspace (what Flex 2.17.1's Supervisor and
 * workspace client are) against the fake event bridge and its REST answers.
 */
import type * as taskRouterTypes from 'twilio-taskrouter';
import { activitySid } from './taskRouterAnswers';
import { GOOD_TOKEN, TEST_USER, eventually, startSocketTestServer, type SocketTestServer } from './socketTestServer';

let server: SocketTestServer;
let taskRouter: typeof taskRouterTypes;
const workers: taskRouterTypes.Worker[] = [];

beforeAll(async () => {
  server = await startSocketTestServer();
  taskRouter = await import('twilio-taskrouter');
});

interface SignalingTimers {
  tokenTimer?: ReturnType<typeof setTimeout>;
  _heartbeat?: { pintvl: ReturnType<typeof setInterval> | null };
}

/**
 * Worker.disconnect() leaves two SDK timers running, which would keep Jest alive: the one for
 * `tokenExpired` (token_lifetime, 24 h here) and the 30 s heartbeat check.
 */
function releaseSdkTimers(worker: taskRouterTypes.Worker): void {
  const signaling = (worker as unknown as { _signaling?: SignalingTimers })._signaling;
  clearTimeout(signaling?.tokenTimer);
  if (signaling?._heartbeat?.pintvl) clearInterval(signaling._heartbeat.pintvl);
}

afterEach(async () => {
  for (const worker of workers.splice(0)) {
    worker.disconnect();
    releaseSdkTimers(worker);
  }
  // Let the websocket closing handshakes finish before the server goes away.
  await new Promise((resolve) => setTimeout(resolve, 200));
});

afterAll(async () => {
  await server.close();
});

const options = () => ({
  ebServer: `${server.httpBase}/v1/wschannels`,
  wsServer: `${server.wsBase}/v1/wschannels`,
  logLevel: 'silent' as const,
});

describe('fake event bridge', () => {
  it('brings a Supervisor (Flex creates one for every user) to ready with its activity, channels and no reservations', async () => {
    const worker = new taskRouter.Supervisor(GOOD_TOKEN, options());
    workers.push(worker);
    const errors: unknown[] = [];
    let ready = false;
    worker.on('ready', () => (ready = true));
    worker.on('error', (error) => errors.push(error));
    await eventually('the worker to be ready', () => ready || errors.length > 0);

    expect(errors).toEqual([]);
    expect(worker.sid).toBe(TEST_USER.workerSid);
    expect(worker.workspaceSid).toBe(TEST_USER.workspaceSid);
    expect(worker.accountSid).toBe(TEST_USER.accountSid);
    expect(worker.attributes).toMatchObject({ full_name: TEST_USER.identity });
    expect(worker.activity.name).toBe('Offline');
    expect([...worker.activities.values()].map((activity) => activity.name)).toEqual([
      'Offline',
      'Available',
      'Unavailable',
      'Break',
    ]);
    expect([...worker.channels.values()].map((channel) => channel.taskChannelUniqueName)).toContain('voice');
    expect(worker.reservations.size).toBe(0);

    // Changing activity goes through the same REST call and answers the changed worker.
    const available = worker.activities.get(activitySid(TEST_USER, 'Available'));
    await available?.setAsCurrent();
    expect(worker.activity.name).toBe('Available');
  });

  it('serves the Workspace client Flex creates once the worker is ready', async () => {
    const workspace = new taskRouter.Workspace(GOOD_TOKEN, options(), TEST_USER.workspaceSid);
    const queues = await workspace.fetchTaskQueues();
    expect(queues.size).toBe(0);
    const workersOfWorkspace = await workspace.fetchWorkers();
    expect([...workersOfWorkspace.keys()]).toEqual([TEST_USER.workerSid]);
  });

  it('refuses a bad token: the Worker emits error and never gets ready', async () => {
    const worker = new taskRouter.Worker('not-a-flex-token', options());
    workers.push(worker);
    const errors: Array<{ code?: number; message?: string }> = [];
    let ready = false;
    worker.on('ready', () => (ready = true));
    worker.on('error', (error) => errors.push(error as { code?: number; message?: string }));
    await eventually('an error', () => errors.length > 0);
    expect(errors[0]).toMatchObject({ code: 20101, message: 'Invalid Access Token' });
    expect(ready).toBe(false);
  });
});
