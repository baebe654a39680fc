/**
 * TaskRouter Tasks through twilio-node: the list's filters (AssignmentStatus, WorkflowSid,
 * TaskQueueSid, EvaluateTaskAttributes, Ordering) and paging, fetch and update (complete,
 * cancel, final states), the task a Flex Interaction makes, and the control API's
 * `tasks/{sid}/complete`. Every answer is checked against Twilio's spec after each test (harness).
 */
import type { InboundResult } from '../server/inbound/types';
import { restError, setUpSandbox, sids, TEST_RESET } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const flex = () => t.sandbox.account.flexConfiguration;
const workspaceSid = () => String(flex().taskrouter_workspace_sid);
const workflowSid = () => String(flex().taskrouter_target_workflow_sid);
const tasks = () => t.client.taskrouter.v1.workspaces(workspaceSid()).tasks;

/** A conversation with an SMS customer, as the inbound player makes one. */
async function customerConversation(from = '+13115552368'): Promise<string> {
  const number = t.sandbox.account.addresses.all().find((a) => a.type === 'sms' && a.auto_creation.enabled === true);
  const response = await t.control.call('POST', '/inbound', { from, to: number?.address, body: 'Hello' });
  const sid = (response.body as InboundResult).conversation?.sid;
  if (!sid) throw new Error(`no conversation: ${JSON.stringify(response.body)}`);
  return sid;
}

/** The backend's Interaction create (serverless/src/inbound/routeConversationToFlex.ts), through twilio-node. */
async function interactionFor(conversationSid: string, taskChannel = 'sms') {
  return t.client.flexApi.v1.interaction.create({
    channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversationSid } },
    routing: {
      properties: {
        workspace_sid: workspaceSid(),
        workflow_sid: workflowSid(),
        task_channel_unique_name: taskChannel,
        attributes: { from: '+13115552368', customerAddress: '+13115552368', channelType: 'sms', conversationSid },
      },
    },
  });
}

describe('the task an Interaction makes', () => {
  test('is pending in the workspace, its attributes carrying the conversation and the interaction channel', async () => {
    const conversationSid = await customerConversation();
    const interaction = await interactionFor(conversationSid);
    const [task] = await tasks().list();
    expect(task).toMatchObject({
      sid: expect.stringMatching(/^WT[0-9a-f]{32}$/),
      assignmentStatus: 'pending',
      workspaceSid: workspaceSid(),
      workflowSid: workflowSid(),
      workflowFriendlyName: 'Assign to Anyone',
      taskChannelUniqueName: 'sms',
      taskQueueFriendlyName: 'Everyone',
      reason: null,
    });
    const channel = interaction.channel as { sid: string };
    expect(JSON.parse(task.attributes)).toMatchObject({
      conversationSid,
      flexInteractionChannelSid: channel.sid,
      channelType: 'sms',
      from: '+13115552368',
      customerAddress: '+13115552368',
      direction: 'inbound',
      conversations: { media: [{ conversation_sid: conversationSid }] },
    });
    expect((await tasks()(task.sid).fetch()).sid).toBe(task.sid);
  });

  test('an Interaction naming a workspace that does not exist makes no task', async () => {
    const conversationSid = await customerConversation();
    await t.client.flexApi.v1.interaction.create({
      channel: { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversationSid } },
      routing: { properties: { workspace_sid: `WS${'0'.repeat(32)}`, workflow_sid: workflowSid() } },
    });
    expect(await tasks().list()).toEqual([]);
  });
});

describe('listing tasks', () => {
  /** Three conversations, each with its task; the second one's completed. */
  async function threeTasks() {
    const conversations: string[] = [];
    // One after another, so each task is made a second after the one before (the sandbox's clock).
    for (const [i, customer] of ['+13115550111', '+13115550112', '+13115550113'].entries()) {
      conversations.push(await customerConversation(customer));
      await interactionFor(conversations[i], i === 2 ? 'chat' : 'sms');
    }
    const listed = await tasks().list();
    await t.control.call('POST', `/tasks/${listed[1].sid}/complete`, {});
    return { conversations, listed };
  }

  test('EvaluateTaskAttributes finds the task of a conversation; == and AND of simple attributes', async () => {
    const { conversations, listed } = await threeTasks();
    expect(sids(await tasks().list({ evaluateTaskAttributes: `conversationSid == "${conversations[1]}"` }))).toEqual([
      listed[1].sid,
    ]);
    expect(
      sids(
        await tasks().list({
          evaluateTaskAttributes: `channelType == 'sms' AND conversationSid == '${conversations[2]}'`,
        }),
      ),
    ).toEqual([listed[2].sid]);
    expect(await tasks().list({ evaluateTaskAttributes: `channelType == "whatsapp"` })).toEqual([]);
    expect(
      sids(
        await tasks().list({
          evaluateTaskAttributes: `conversationSid IN ["${conversations[0]}", "${conversations[2]}"]`,
        }),
      ),
    ).toEqual([listed[0].sid, listed[2].sid]);
    const bad = await restError(tasks().list({ evaluateTaskAttributes: 'conversationSid ==' }));
    expect(bad).toMatchObject({ status: 400, code: 20001 });
  });

  test('AssignmentStatus (repeated or comma-separated), WorkflowSid and TaskQueueSid filter', async () => {
    const { listed } = await threeTasks();
    expect(sids(await tasks().list({ assignmentStatus: ['completed'] }))).toEqual([listed[1].sid]);
    expect(sids(await tasks().list({ assignmentStatus: ['pending', 'reserved'] }))).toEqual([
      listed[0].sid,
      listed[2].sid,
    ]);
    const raw = await t.raw('taskrouter', `/v1/Workspaces/${workspaceSid()}/Tasks`, {
      query: { AssignmentStatus: 'pending,completed' },
    });
    expect((raw.body as { tasks: { sid: string }[] }).tasks).toHaveLength(3);
    expect(await tasks().list({ workflowSid: workflowSid() })).toHaveLength(3);
    expect(await tasks().list({ workflowSid: `WW${'0'.repeat(32)}` })).toEqual([]);
    const queue = String(listed[0].taskQueueSid);
    expect(await tasks().list({ taskQueueSid: queue })).toHaveLength(3);
    expect(await tasks().list({ taskQueueSid: `WQ${'0'.repeat(32)}` })).toEqual([]);
  });

  test('Ordering and paging: DateCreated:desc reverses; PageSize 2 pages through all three', async () => {
    const { listed } = await threeTasks();
    expect(sids(await tasks().list({ ordering: 'DateCreated:desc' }))).toEqual(sids(listed).reverse());
    const first = await tasks().page({ pageSize: 2 });
    expect(sids(first.instances)).toEqual(sids(listed).slice(0, 2));
    const second = await first.nextPage();
    expect(sids(second?.instances ?? [])).toEqual([listed[2].sid]);
    expect(await tasks().list({ pageSize: 1, limit: 10 })).toHaveLength(3);
    expect((await restError(tasks().list({ ordering: 'Age:desc' }))).status).toBe(400);
  });
});

describe('updating a task', () => {
  async function oneTask() {
    await interactionFor(await customerConversation());
    const [task] = await tasks().list();
    return task;
  }

  test('cancel a pending task with a reason; canceled is final', async () => {
    const task = await oneTask();
    const canceled = await tasks()(task.sid).update({ assignmentStatus: 'canceled', reason: 'Customer left' });
    expect(canceled).toMatchObject({ assignmentStatus: 'canceled', reason: 'Customer left' });
    const again = await restError(tasks()(task.sid).update({ assignmentStatus: 'completed', reason: 'x' }));
    expect(again).toMatchObject({ status: 400, code: 20001 });
    expect(again.message).toMatch(/final/);
  });

  test('a pending task cannot be completed through the API (only an assigned or wrapping one)', async () => {
    const task = await oneTask();
    const refused = await restError(tasks()(task.sid).update({ assignmentStatus: 'completed', reason: 'done' }));
    expect(refused).toMatchObject({ status: 400, code: 20001 });
    expect((await tasks()(task.sid).fetch()).assignmentStatus).toBe('pending');
  });

  test('attributes update; an unknown task is a 404', async () => {
    const task = await oneTask();
    const updated = await tasks()(task.sid).update({ attributes: JSON.stringify({ escalated: true }) });
    expect(JSON.parse(updated.attributes)).toEqual({ escalated: true });
    expect((await restError(tasks()(`WT${'0'.repeat(32)}`).fetch())).code).toBe(20404);
  });
});

describe('POST /_sandbox/tasks/{sid}/complete', () => {
  test('completes a pending task as an agent would; the conversation stays active', async () => {
    const conversationSid = await customerConversation();
    await interactionFor(conversationSid);
    const [task] = await tasks().list();
    const response = await t.control.call('POST', `/tasks/${task.sid}/complete`, { reason: 'Resolved' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ sid: task.sid, assignment_status: 'completed', reason: 'Resolved' });
    expect(await tasks()(task.sid).fetch()).toMatchObject({ assignmentStatus: 'completed', reason: 'Resolved' });
    expect((await t.client.conversations.v1.conversations(conversationSid).fetch()).state).toBe('active');

    const twice = await t.control.call('POST', `/tasks/${task.sid}/complete`, {});
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ error: { code: 'task_final' } });
  });

  test('an unknown task is a 404, a bad body a 400', async () => {
    expect((await t.control.call('POST', `/tasks/WT${'0'.repeat(32)}/complete`, {})).status).toBe(404);
    const bad = await t.control.call('POST', `/tasks/WT${'0'.repeat(32)}/complete`, { reason: 5 });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_control_request' } } });
  });
});
