/**
 * Email addresses through the backend, over HTTP against the sandbox: created with each
 * integration (Studio flow, webhook, the built-in handler, default), edited and deleted like any
 * address; refused before Twilio when the address is not one mailbox, and with a 400 naming the
 * domain when Twilio refuses a domain the account has not authenticated. An email played to an
 * address routed to the built-in handler becomes exactly one Interaction of channel type `email`.
 */
import twilio from 'twilio';

import type { InboundResult } from '../../sandbox/server/inbound/types';
import type { AddressSummary } from '../../src/contract/types';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { addressWrites, errorBodyProblems, setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const CUSTOMER = 'customer@example.net';
const account = () => t.sandbox.account;
const token = () => t.tokens.supervisor();
const flexServiceSid = () => String(account().flexConfiguration.flex_service_instance_sid);

/** twilio-node against the sandbox, as a test's own view of "Twilio". */
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};

function flowSid(name: string): string {
  const flow = account()
    .studioFlows.all()
    .find((f) => f.friendly_name === name);
  if (!flow) throw new Error(`no "${name}" in the demo account`);
  return flow.sid;
}

const builtIn = () => ({
  type: 'webhook',
  webhookUrl: t.webhookUrl,
  webhookMethod: 'POST',
  webhookFilters: ['onMessageAdded'],
});

const createEmail = (address: string, integration: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  t.callFunction('create-address', {
    token: token(),
    payload: { type: 'email', address, autoCreationEnabled: true, integration, ...extra },
  });

function errorOf(response: FunctionResponse, status: number, code: string) {
  expect({ status: response.status, problems: errorBodyProblems(response.body) }).toEqual({ status, problems: [] });
  const { error } = response.body as { error: { code: string; message: string; fields?: Record<string, string> } };
  expect(error.code).toBe(code);
  return error;
}

async function play(to: string, body: string, subject?: string): Promise<InboundResult> {
  const response = await fetch(`${t.sandboxUrl}/_sandbox/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: CUSTOMER, to, body, subject }),
  });
  if (response.status !== 200) throw new Error(`inbound answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as InboundResult;
}

describe('create, edit and delete', () => {
  test.each<[string, () => Record<string, unknown>, Record<string, unknown>]>([
    [
      'a Studio flow',
      () => ({ type: 'studio', studioFlowSid: flowSid('Email Flow'), retryCount: 3 }),
      { type: 'studio', studio_retry_count: 3 },
    ],
    [
      'a webhook',
      () => ({
        type: 'webhook',
        webhookUrl: 'https://example.com/email-inbound',
        webhookMethod: 'POST',
        webhookFilters: ['onMessageAdded', 'onParticipantAdded'],
      }),
      { type: 'webhook', webhook_url: 'https://example.com/email-inbound', webhook_method: 'POST' },
    ],
    ['the built-in handler', builtIn, { type: 'webhook', webhook_filters: ['onMessageAdded'] }],
    ['the default integration', () => ({ type: 'default' }), { type: 'default' }],
  ])('to %s: created in Twilio as asked, and answered as an email address', async (_what, integration, wire) => {
    const address = 'billing@owl-shoes.example';
    const response = await createEmail(address, integration(), {
      friendlyName: 'Billing',
      conversationServiceSid: flexServiceSid(),
    });
    expect(response.status).toBe(200);
    const summary = response.body as AddressSummary;
    expect(summary).toMatchObject({
      type: 'email',
      address,
      friendlyName: 'Billing',
      autoCreationEnabled: true,
      integration: integration(),
      conversationServiceSid: flexServiceSid(),
    });
    const created = account().findAddress(address);
    expect(created).toMatchObject({ sid: summary.sid, type: 'email', friendly_name: 'Billing' });
    expect(created?.auto_creation).toMatchObject({
      enabled: true,
      conversation_service_sid: flexServiceSid(),
      ...wire,
    });
    // list-addresses serves it with its type.
    const listed = await t.callFunction('list-addresses', { token: token(), payload: { type: 'email' } });
    expect((listed.body as { items: AddressSummary[] }).items.map((a) => a.address)).toContain(address);
  });

  test('an email address is edited and deleted through the same functions as any address', async () => {
    const created = (await createEmail('billing@help.owl-shoes.example', { type: 'default' })).body as AddressSummary;
    const updated = await t.callFunction('update-address', {
      token: token(),
      payload: {
        sid: created.sid,
        friendlyName: 'Billing (Studio)',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: flowSid('Email Flow'), retryCount: 2 },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      sid: created.sid,
      type: 'email',
      address: 'billing@help.owl-shoes.example',
      friendlyName: 'Billing (Studio)',
      integration: { type: 'studio', studioFlowSid: flowSid('Email Flow'), retryCount: 2 },
    });
    expect(account().addresses.get(created.sid).auto_creation).toMatchObject({
      type: 'studio',
      studio_flow_sid: flowSid('Email Flow'),
      studio_retry_count: 2,
    });

    const deleted = await t.callFunction('delete-address', { token: token(), payload: { sid: created.sid } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: created.sid });
    expect(account().addresses.find(created.sid)).toBeUndefined();
  });
});

describe('refusals', () => {
  test.each(['support.owl-shoes.example', 'support@owl-shoes', 'two@at@owl-shoes.example', 'a b@owl-shoes.example'])(
    'an address that is not one mailbox (%s): 400 on the address field, before any Twilio write',
    async (address) => {
      t.clearLog();
      const error = errorOf(await createEmail(address, { type: 'default' }), 400, 'invalid_input');
      expect(error.fields?.address).toMatch(/^Enter one email address on a domain your account has authenticated/);
      expect(addressWrites(t.log())).toEqual([]);
    },
  );

  test('a domain the account has not authenticated: Twilio refuses, and the 400 names the domain', async () => {
    const before = JSON.stringify(account().addresses.all());
    t.clearLog();
    const error = errorOf(
      await createEmail('orders@owl-shoes-outlet.example', builtIn()),
      400,
      'email_domain_not_authenticated',
    );
    expect(error.message).toBe(
      'Twilio refused orders@owl-shoes-outlet.example: the domain owl-shoes-outlet.example is not authenticated on this account. ' +
        'Add and authenticate owl-shoes-outlet.example in Flex › Manage › Email, then create the address.',
    );
    expect(error.fields).toEqual({
      address: 'The domain owl-shoes-outlet.example is not authenticated on this account (Flex › Manage › Email).',
    });
    // Twilio was asked once, and refused: nothing was made, and nothing was asked again.
    expect(addressWrites(t.log()).map((e) => [e.method, e.status])).toEqual([['POST', 400]]);
    expect(JSON.stringify(account().addresses.all())).toBe(before);
  });

  test('once the domain is authenticated, the same address is created', async () => {
    t.reset({ emailDomains: ['owl-shoes.example', 'owl-shoes-outlet.example'] });
    const response = await createEmail('orders@owl-shoes-outlet.example', { type: 'default' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ type: 'email', address: 'orders@owl-shoes-outlet.example' });
  });
});

describe('an inbound email through the built-in handler', () => {
  test('becomes exactly one Interaction of channel type email, on the email task channel', async () => {
    const address = 'help@owl-shoes.example';
    expect((await createEmail(address, builtIn(), { conversationServiceSid: flexServiceSid() })).status).toBe(200);
    t.clearLog();

    const first = await play(address, 'My parcel never came.', 'Missing parcel');
    expect(first.address).toMatchObject({ type: 'email', integration: 'webhook' });
    expect(first.actions).toEqual([
      expect.objectContaining({ kind: 'webhook_delivered', event: 'onMessageAdded', status: 200, ok: true }),
    ]);
    const conversationSid = first.conversation?.sid ?? '';
    expect(first.interactions).toHaveLength(1);
    const second = await play(address, 'Any news?');
    expect(second.conversation?.sid).toBe(conversationSid);
    expect(second.interactions).toEqual(first.interactions);

    // Over REST on the sandbox: the one Interaction, its channel the email conversation.
    const interaction = await rest().flexApi.v1.interaction(first.interactions[0]).fetch();
    expect(interaction.channel).toMatchObject({ type: 'email', properties: { media_channel_sid: conversationSid } });
    expect(interaction.routing).toMatchObject({
      properties: {
        task_channel_unique_name: 'email',
        attributes: { from: CUSTOMER, customerAddress: CUSTOMER, channelType: 'email', conversationSid },
      },
    });
    const posts = t
      .log()
      .filter((e) => e.product === 'flex-api' && e.method === 'POST' && e.path === '/v1/Interactions');
    expect(posts).toHaveLength(1);
    expect(
      account()
        .interactions.all()
        .filter((i) => (i.channel as { type: string }).type === 'email'),
    ).toHaveLength(1);
  });

  test('MESSAGING_SETUP_TASK_CHANNEL still decides the task channel', async () => {
    const address = 'help@owl-shoes.example';
    await createEmail(address, builtIn());
    t.env.MESSAGING_SETUP_TASK_CHANNEL = 'priority';
    const result = await play(address, 'Urgent');
    const interaction = await rest().flexApi.v1.interaction(result.interactions[0]).fetch();
    expect(interaction.channel).toMatchObject({ type: 'email' });
    expect(interaction.routing).toMatchObject({ properties: { task_channel_unique_name: 'priority' } });
  });
});
