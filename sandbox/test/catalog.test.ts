/** The read-mostly products Messaging Setup looks at: Studio v2, TaskRouter v1, Messaging v1 and v2. */
import { restError, sids, TEST_RESET, setUpSandbox } from './harness';

const t = setUpSandbox();

beforeEach(() => t.recorder.clear());

describe('Studio v2 Flows', () => {
  test('list: one published "Messaging Flow", other flows published and draft, no definitions', async () => {
    const flows = await t.client.studio.v2.flows.list();
    expect(flows).toHaveLength(5);
    const messaging = flows.filter((f) => f.friendlyName === 'Messaging Flow');
    expect(messaging).toHaveLength(1);
    expect(messaging[0].status).toBe('published');
    expect(flows.some((f) => f.status === 'draft')).toBe(true);
    expect(flows.filter((f) => f.status === 'published').length).toBeGreaterThan(1);
    for (const flow of flows) {
      expect(flow.sid).toMatch(/^FW[0-9a-f]{32}$/);
      expect(flow.definition).toBeNull();
      expect(flow.webhookUrl).toBe(`https://webhooks.twilio.com/v1/Accounts/${t.accountSid}/Flows/${flow.sid}`);
    }
  });

  test('fetch answers the flow with its definition', async () => {
    const flows = await t.client.studio.v2.flows.list();
    for (const listed of flows) {
      const flow = await t.client.studio.v2.flows(listed.sid).fetch();
      expect(flow).toMatchObject({
        sid: listed.sid,
        friendlyName: listed.friendlyName,
        status: listed.status,
        revision: listed.revision,
      });
      expect(flow.definition).toEqual(expect.objectContaining({ states: expect.any(Array) }));
    }
    expect((await restError(t.client.studio.v2.flows(`FW${'0'.repeat(32)}`).fetch())).status).toBe(404);
  });
});

describe('TaskRouter v1', () => {
  const workspaceSid = async () => (await t.client.flexApi.v1.configuration().fetch()).taskrouterWorkspaceSid;

  test('Workspaces list: Flex’s workspace, and FriendlyName filters', async () => {
    const workspaces = await t.client.taskrouter.v1.workspaces.list();
    expect(workspaces.map((w) => [w.sid, w.friendlyName])).toEqual([[await workspaceSid(), 'Flex Task Assignment']]);
    expect(await t.client.taskrouter.v1.workspaces.list({ friendlyName: 'Flex Task Assignment' })).toHaveLength(1);
    expect(await t.client.taskrouter.v1.workspaces.list({ friendlyName: 'Other' })).toHaveLength(0);
  });

  test('Workflows list: "Assign to Anyone" with a JSON configuration', async () => {
    const workflows = await t.client.taskrouter.v1.workspaces(await workspaceSid()).workflows.list();
    expect(workflows.map((w) => w.friendlyName)).toEqual(['Assign to Anyone']);
    expect(workflows[0].sid).toMatch(/^WW[0-9a-f]{32}$/);
    expect(JSON.parse(workflows[0].configuration)).toHaveProperty('task_routing');
  });

  test('TaskChannels list: Flex’s default channels', async () => {
    const channels = await t.client.taskrouter.v1.workspaces(await workspaceSid()).taskChannels.list();
    expect(channels.map((c) => c.uniqueName)).toEqual(['default', 'voice', 'chat', 'sms', 'video', 'email']);
    expect(channels.every((c) => /^TC[0-9a-f]{32}$/.test(c.sid))).toBe(true);
  });

  test('lists under an unknown workspace are 404s', async () => {
    const unknown = t.client.taskrouter.v1.workspaces(`WS${'0'.repeat(32)}`);
    expect((await restError(unknown.workflows.list())).code).toBe(20404);
    expect((await restError(unknown.taskChannels.list())).code).toBe(20404);
  });
});

describe('Messaging v1', () => {
  test('Services list', async () => {
    const services = await t.client.messaging.v1.services.list();
    expect(services.map((s) => s.friendlyName)).toEqual([
      'Default Conversations Messaging Service',
      'Marketing Notifications',
    ]);
    expect(services.every((s) => /^MG[0-9a-f]{32}$/.test(s.sid))).toBe(true);
  });

  test('Services/{sid}/PhoneNumbers: account numbers, capabilities as an array', async () => {
    const accountNumbers = new Map((await t.client.incomingPhoneNumbers.list()).map((n) => [n.sid, n]));
    let total = 0;
    for (const service of await t.client.messaging.v1.services.list()) {
      const members = await t.client.messaging.v1.services(service.sid).phoneNumbers.list();
      total += members.length;
      for (const member of members) {
        expect(member.serviceSid).toBe(service.sid);
        expect(accountNumbers.get(member.sid)?.phoneNumber).toBe(member.phoneNumber);
        expect(member.capabilities).toEqual(expect.arrayContaining(['SMS']));
      }
    }
    expect(total).toBeGreaterThan(0);
    const error = await restError(t.client.messaging.v1.services(`MG${'0'.repeat(32)}`).phoneNumbers.list());
    expect(error.status).toBe(404);
  });
});

describe('Messaging v2 Channels/Senders', () => {
  test('list with channel whatsapp: every sender, in several statuses', async () => {
    const senders = await t.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' });
    expect(t.recorder.last().url).toContain('Channel=whatsapp');
    expect(senders).toHaveLength(6);
    for (const sender of senders) {
      expect(sender.sid).toMatch(/^XE[0-9a-f]{32}$/);
      expect(sender.senderId).toMatch(/^whatsapp:\+\d+$/);
    }
    const statuses = new Set(senders.map((s) => s.status));
    expect(statuses.has('ONLINE')).toBe(true);
    expect(statuses.size).toBeGreaterThanOrEqual(3);
    const offline = senders.find((s) => s.status === 'OFFLINE');
    expect(offline?.offlineReasons?.[0]).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });

  test('fetch each sender; unknown XE is a 404', async () => {
    await t.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' });
    // Compare wire bodies: twilio-node fills absent date fields with "now", so instances differ.
    const listed = (t.recorder.last().body as { senders: { sid: string }[] }).senders;
    for (const sender of listed) {
      const fetched = await t.client.messaging.v2.channelsSenders(sender.sid).fetch();
      expect(fetched.sid).toBe(sender.sid);
      expect(t.recorder.last().body).toEqual(sender);
    }
    expect((await restError(t.client.messaging.v2.channelsSenders(`XE${'0'.repeat(32)}`).fetch())).code).toBe(20404);
  });

  test('channel rcs lists none; a missing Channel is a 400 naming it', async () => {
    expect(await t.client.messaging.v2.channelsSenders.list({ channel: 'rcs' })).toHaveLength(0);
    const response = await t.raw('messaging', '/v2/Channels/Senders');
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/Channel/);
  });

  test('list pages through many senders without duplicates', async () => {
    await t.control.reset({ ...TEST_RESET, whatsappSenders: 45 });
    t.recorder.clear();
    const senders = await t.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp', pageSize: 20 });
    expect(t.recorder.all()).toHaveLength(3);
    expect(senders).toHaveLength(45);
    expect(new Set(sids(senders)).size).toBe(45);
    expect(t.recorder.all().every((x) => x.url.includes('Channel=whatsapp'))).toBe(true);
    await t.control.reset(TEST_RESET);
  });
});
