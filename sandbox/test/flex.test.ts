/** Flex v1 through twilio-node: Configuration, legacy Flex Flows, Interactions. */
import { restError, sids, TEST_RESET, setUpSandbox } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const flexFlows = () => t.client.flexApi.v1.flexFlow;
const snapshot = async () => (await flexFlows().list()).map((f) => f.toJSON());
const messagingFlowSid = async () => {
  const flow = (await t.client.studio.v2.flows.list()).find((f) => f.friendlyName === 'Messaging Flow');
  if (!flow) throw new Error('no Messaging Flow in the demo account');
  return flow.sid;
};

describe('Flex Configuration', () => {
  test('names the Flex conversation service and the TaskRouter and messaging resources Flex uses', async () => {
    const config = await t.client.flexApi.v1.configuration().fetch();
    expect(config.accountSid).toBe(t.accountSid);
    expect(config.status).toBe('ok');
    expect(config.url).toBe('https://flex-api.twilio.com/v1/Configuration');

    const flexService = await t.client.conversations.v1.services(config.flexServiceInstanceSid).fetch();
    expect(flexService.friendlyName).toBe('Flex Conversations Service');

    const workspace = await t.client.taskrouter.v1.workspaces(config.taskrouterWorkspaceSid).fetch();
    const workflows = await t.client.taskrouter.v1.workspaces(workspace.sid).workflows.list();
    expect(sids(workflows)).toContain(config.taskrouterTargetWorkflowSid);

    const messagingService = await t.client.messaging.v1.services(config.messagingServiceInstanceSid).fetch();
    expect(messagingService.sid).toMatch(/^MG/);
    expect(config.chatServiceInstanceSid).toMatch(/^IS[0-9a-f]{32}$/);
  });
});

describe('Flex Flows (legacy messaging)', () => {
  test('list: a web flow, SMS/WhatsApp Studio flows holding an account identity, an external and a task flow', async () => {
    const flows = await flexFlows().list();
    expect(flows.map((f) => [f.channelType, f.integrationType])).toEqual([
      ['web', 'studio'],
      ['sms', 'studio'],
      ['whatsapp', 'studio'],
      ['sms', 'external'],
      ['custom', 'task'],
    ]);
    expect(flows[0].contactIdentity).toBeNull();
    for (const flow of flows.slice(1, 3)) {
      expect(flow.contactIdentity).toMatch(flow.channelType === 'sms' ? /^\+\d+$/ : /^whatsapp:\+\d+$/);
      expect(flow.integration).toEqual({ flow_sid: await messagingFlowSid(), retry_count: 3 });
    }
    const named = await flexFlows().list({ friendlyName: flows[1].friendlyName });
    expect(sids(named)).toEqual([flows[1].sid]);
  });

  test('the external and task flows cannot be migrated as they are, and hold nothing on the account', async () => {
    const [external, task] = (await flexFlows().list()).slice(3);
    expect(external.integration).toEqual({ url: 'https://example.com/flex-flow-handler', retry_count: 1 });
    const config = await t.client.flexApi.v1.configuration().fetch();
    expect(task.contactIdentity).toBeNull();
    expect(task.integration).toEqual({
      workspace_sid: config.taskrouterWorkspaceSid,
      workflow_sid: config.taskrouterTargetWorkflowSid,
      channel: 'default',
    });
    const numbers = (await t.client.incomingPhoneNumbers.list()).map((n) => n.phoneNumber);
    const senders = (await t.client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' })).map((s) => s.senderId);
    const addresses = (await t.client.conversations.v1.addressConfigurations.list()).map((a) => a.address);
    expect([...numbers, ...senders, ...addresses]).not.toContain(external.contactIdentity);
  });

  test('fewer flows than the default keep the first ones; the counts are honoured', async () => {
    for (const count of [0, 3, 4, 7]) {
      await t.control.reset({ ...TEST_RESET, flexFlows: count });
      const flows = await flexFlows().list();
      expect(flows).toHaveLength(count);
      expect(flows.filter((f) => f.integrationType === 'external')).toHaveLength(count > 3 ? 1 : 0);
      expect(flows.filter((f) => f.integrationType === 'task')).toHaveLength(count > 4 ? 1 : 0);
    }
  });

  test('create, fetch, update and delete', async () => {
    const config = await t.client.flexApi.v1.configuration().fetch();
    const flowSid = await messagingFlowSid();
    const created = await flexFlows().create({
      friendlyName: 'Owl SMS',
      chatServiceSid: config.chatServiceInstanceSid,
      channelType: 'sms',
      contactIdentity: '+14155550142',
      enabled: true,
      integrationType: 'studio',
      'integration.flowSid': flowSid,
      'integration.retryCount': 1,
      longLived: true,
      janitorEnabled: true,
    });
    expect(t.recorder.last().status).toBe(201);
    expect(created.sid).toMatch(/^FO[0-9a-f]{32}$/);
    expect(created).toMatchObject({
      friendlyName: 'Owl SMS',
      chatServiceSid: config.chatServiceInstanceSid,
      channelType: 'sms',
      contactIdentity: '+14155550142',
      enabled: true,
      integrationType: 'studio',
      longLived: true,
      janitorEnabled: true,
      url: `https://flex-api.twilio.com/v1/FlexFlows/${created.sid}`,
    });
    expect(created.integration).toEqual({ flow_sid: flowSid, retry_count: 1 });
    expect((await flexFlows()(created.sid).fetch()).toJSON()).toEqual(created.toJSON());

    const updated = await flexFlows()(created.sid).update({ enabled: false, contactIdentity: '+14155550143' });
    expect(updated).toMatchObject({ enabled: false, contactIdentity: '+14155550143', friendlyName: 'Owl SMS' });
    expect(updated.integration).toEqual({ flow_sid: flowSid, retry_count: 1 });

    expect(await flexFlows()(created.sid).remove()).toBe(true);
    expect(t.recorder.last().status).toBe(204);
    expect((await restError(flexFlows()(created.sid).fetch())).code).toBe(20404);
    expect(sids(await flexFlows().list())).not.toContain(created.sid);
  });

  test.each<[string, Record<string, string>, RegExp]>([
    [
      'a missing ChatServiceSid',
      { FriendlyName: 'x', ChannelType: 'sms' },
      /Missing required parameter ChatServiceSid/,
    ],
    [
      'a ChannelType outside the enum',
      { FriendlyName: 'x', ChatServiceSid: `IS${'a'.repeat(32)}`, ChannelType: 'pigeon' },
      /ChannelType/,
    ],
    [
      'an Integration.FlowSid that is not a FW sid',
      { FriendlyName: 'x', ChatServiceSid: `IS${'a'.repeat(32)}`, ChannelType: 'sms', 'Integration.FlowSid': 'FW1' },
      /Integration\.FlowSid/,
    ],
  ])('create with %s is a 400 and changes nothing', async (_what, form, message) => {
    const before = await snapshot();
    const response = await t.raw('flex-api', '/v1/FlexFlows', { form });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe('Interactions', () => {
  test('create with Channel and Routing JSON for an existing conversation answers 200', async () => {
    const config = await t.client.flexApi.v1.configuration().fetch();
    const conversationSid = t.sandbox.account.conversations.all()[0].sid;
    const channel = { type: 'sms', initiated_by: 'customer', properties: { media_channel_sid: conversationSid } };
    const routing = {
      properties: {
        workspace_sid: config.taskrouterWorkspaceSid,
        workflow_sid: config.taskrouterTargetWorkflowSid,
        task_channel_unique_name: 'sms',
        attributes: { from: '+13115552368' },
      },
    };
    await t.control.clearRequests();
    const interaction = await t.client.flexApi.v1.interaction.create({ channel, routing });
    expect(t.recorder.last().status).toBe(200);
    expect(interaction.sid).toMatch(/^KD[0-9a-f]{32}$/);
    expect(interaction.channel).toMatchObject({
      type: 'sms',
      initiated_by: 'customer',
      properties: { media_channel_sid: conversationSid },
    });
    expect(interaction.channel.sid).toMatch(/^UO[0-9a-f]{32}$/);
    expect(interaction.routing).toMatchObject(routing);
    expect(interaction.links.channels).toBe(`https://flex-api.twilio.com/v1/Interactions/${interaction.sid}/Channels`);

    // On the wire, Channel and Routing are JSON strings inside form fields.
    const [logged] = (await t.control.requests()).requests;
    expect(logged).toMatchObject({ method: 'POST', product: 'flex-api', path: '/v1/Interactions', status: 200 });
    expect(JSON.parse(String(logged.params.Channel))).toEqual(channel);
    expect(JSON.parse(String(logged.params.Routing))).toEqual(routing);

    expect((await t.client.flexApi.v1.interaction(interaction.sid).fetch()).toJSON()).toEqual(interaction.toJSON());
  });

  test('without a media channel, the interaction gets a new conversation in the Flex service', async () => {
    const config = await t.client.flexApi.v1.configuration().fetch();
    const interaction = await t.client.flexApi.v1.interaction.create({
      channel: { type: 'whatsapp', initiated_by: 'api', properties: {} },
      routing: {
        properties: { workspace_sid: config.taskrouterWorkspaceSid, workflow_sid: config.taskrouterTargetWorkflowSid },
      },
    });
    const conversationSid = String(interaction.channel.properties.media_channel_sid);
    const conversation = await t.client.conversations.v1.conversations(conversationSid).fetch();
    expect(conversation.chatServiceSid).toBe(config.flexServiceInstanceSid);
  });

  test.each<[string, Record<string, string>, number, RegExp]>([
    ['no Channel', { Routing: '{}' }, 400, /Missing required parameter Channel/],
    ['a Channel that is not JSON', { Channel: 'sms please' }, 400, /Channel must be a JSON object/],
    [
      'a Routing that is a JSON array',
      { Channel: '{"type":"sms"}', Routing: '[1]' },
      400,
      /Routing must be a JSON object/,
    ],
    [
      'an unknown media channel',
      { Channel: JSON.stringify({ type: 'sms', properties: { media_channel_sid: `CH${'0'.repeat(32)}` } }) },
      404,
      /CH0{32}/,
    ],
  ])('create with %s is rejected and creates nothing', async (_what, form, status, message) => {
    const conversationsBefore = t.sandbox.account.conversations.size;
    const response = await t.raw('flex-api', '/v1/Interactions', { form });
    expect(response.status).toBe(status);
    expect((response.body as { message: string }).message).toMatch(message);
    expect(t.sandbox.account.interactions.size).toBe(0);
    expect(t.sandbox.account.conversations.size).toBe(conversationsBefore);
  });
});
