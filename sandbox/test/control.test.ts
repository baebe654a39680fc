/** Cross-cutting sandbox behaviour: auth, 404s, injected faults, IAM token validation, the control API. */
import { restError, sids, TEST_RESET, setUpSandbox, type RawResponse } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const addressesPath = '/v1/Configuration/Addresses';
const errorOf = (response: RawResponse) =>
  response.body as { code: number; message: string; more_info: string; status: number };

/** SIDs of everything the demo account holds, read through the API. */
async function accountSids(): Promise<Record<string, string[]>> {
  const c = t.client;
  const workspaces = await c.taskrouter.v1.workspaces.list();
  return {
    numbers: sids(await c.incomingPhoneNumbers.list()),
    addresses: sids(await c.conversations.v1.addressConfigurations.list()),
    services: sids(await c.conversations.v1.services.list()),
    senders: sids(await c.messaging.v2.channelsSenders.list({ channel: 'whatsapp' })),
    messagingServices: sids(await c.messaging.v1.services.list()),
    flexFlows: sids(await c.flexApi.v1.flexFlow.list()),
    studioFlows: sids(await c.studio.v2.flows.list()),
    workspaces: sids(workspaces),
    workflows: sids(await c.taskrouter.v1.workspaces(workspaces[0].sid).workflows.list()),
  };
}

describe('authentication', () => {
  test('no credentials: 401 with code 20003', async () => {
    const response = await t.raw('conversations', addressesPath, { auth: null });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  test('a wrong auth token or account SID: twilio-node gets a 401 RestException with code 20003', async () => {
    const wrongToken = t.clientWith(t.accountSid, 'x'.repeat(32));
    expect(await restError(wrongToken.conversations.v1.addressConfigurations.list())).toMatchObject({
      status: 401,
      code: 20003,
    });
    const wrongAccount = t.clientWith(`AC${'0'.repeat(32)}`, t.authToken);
    expect(await restError(wrongAccount.studio.v2.flows.list())).toMatchObject({ status: 401, code: 20003 });
  });

  test('a rejected write changes nothing, and auth is checked before the body', async () => {
    const before = await accountSids();
    const wrong = { username: t.accountSid, password: 'y'.repeat(32) };
    const create = await t.raw('conversations', addressesPath, {
      auth: wrong,
      form: { Type: 'sms', Address: '+14155550100' },
    });
    expect(create.status).toBe(401);
    const invalid = await t.raw('conversations', addressesPath, { auth: null, form: { Type: 'fax' } });
    expect(errorOf(invalid).code).toBe(20003);
    expect(await accountSids()).toEqual(before);
  });
});

describe('not found', () => {
  test('an unknown path under a product, or an unknown product, answers Twilio’s 404 body', async () => {
    const unknownPath = await t.raw('conversations', '/v1/Nope');
    expect(unknownPath.status).toBe(404);
    expect(errorOf(unknownPath)).toMatchObject({
      code: 20404,
      status: 404,
      message: expect.stringContaining('/v1/Nope'),
    });
    const response = await fetch(`${t.url}/voice/v1/Calls`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404, status: 404 });
  });
});

describe('injected faults', () => {
  test('rate429: twilio-node rejects with 429 / 20429, and the response carries Retry-After', async () => {
    await t.control.faults({ rate429: 1, retryAfterSeconds: 3 });
    const error = await restError(t.client.conversations.v1.addressConfigurations.list());
    expect(error).toMatchObject({ status: 429, code: 20429 });
    expect(t.recorder.last().headers['retry-after']).toBe('3');
    const raw = await t.raw('studio', '/v2/Flows');
    expect(raw.status).toBe(429);
    expect(raw.headers['retry-after']).toBe('3');

    await t.control.clearFaults();
    expect(await t.client.conversations.v1.addressConfigurations.list()).toHaveLength(12);
  });

  test('rate500: twilio-node rejects with 500', async () => {
    await t.control.faults({ rate500: 1 });
    const error = await restError(t.client.flexApi.v1.configuration().fetch());
    expect(error.status).toBe(500);
    expect(error.code).toBe(20500);
  });

  test('faults leave writes undone', async () => {
    const before = await accountSids();
    await t.control.faults({ rate500: 1 });
    await restError(t.client.conversations.v1.services.create({ friendlyName: 'Never' }));
    await t.control.clearFaults();
    expect(await accountSids()).toEqual(before);
  });

  test('latencyMs delays every answer', async () => {
    await t.control.faults({ latencyMs: 300 });
    const started = Date.now();
    await t.client.studio.v2.flows.list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const logged = (await t.control.requests()).requests.at(-1);
    expect(logged?.durationMs).toBeGreaterThanOrEqual(290);
  });

  test('products limits faults to those products; the control API is never faulted', async () => {
    await t.control.faults({ rate429: 1, products: ['studio'] });
    expect((await restError(t.client.studio.v2.flows.list())).status).toBe(429);
    expect(await t.client.taskrouter.v1.workspaces.list()).toHaveLength(1);
    await t.control.faults({ rate500: 1 });
    expect((await t.control.call('POST', '/tokens', { identity: 'a', roles: ['admin'] })).status).toBe(200);
    expect((await t.control.call('GET', '/requests')).status).toBe(200);
  });

  test('methods and pathIncludes narrow faults to one step, e.g. deleting a Flex Flow', async () => {
    const settings = await t.control.faults({
      rate500: 1,
      products: ['flex-api'],
      methods: ['delete'],
      pathIncludes: '/v1/FlexFlows/',
    });
    expect(settings).toMatchObject({ methods: ['DELETE'], pathIncludes: '/v1/FlexFlows/', products: ['flex-api'] });
    expect((await t.control.call('GET', '/faults')).body).toMatchObject({
      rate500: 1,
      methods: ['DELETE'],
      pathIncludes: '/v1/FlexFlows/',
    });
    const [flow] = await t.client.flexApi.v1.flexFlow.list();
    expect((await t.client.flexApi.v1.flexFlow(flow.sid).fetch()).sid).toBe(flow.sid);
    expect(await restError(t.client.flexApi.v1.flexFlow(flow.sid).remove())).toMatchObject({
      status: 500,
      code: 20500,
    });
    // Other methods, other paths of the product and other products are not faulted.
    await t.client.flexApi.v1.flexFlow(flow.sid).update({ friendlyName: 'Still here' });
    const [address] = await t.client.conversations.v1.addressConfigurations.list();
    expect(await t.client.conversations.v1.addressConfigurations(address.sid).remove()).toBe(true);
    expect(sids(await t.client.flexApi.v1.flexFlow.list())).toContain(flow.sid);

    await t.control.faults({ rate429: 1, pathIncludes: '/Addresses' });
    expect((await restError(t.client.conversations.v1.addressConfigurations.list())).status).toBe(429);
    expect(await t.client.conversations.v1.services.list()).toHaveLength(2);
  });

  test('no methods and an empty pathIncludes fault everything, as before', async () => {
    expect(await t.control.faults({ rate500: 1 })).toMatchObject({ methods: [], pathIncludes: '' });
    expect((await restError(t.client.flexApi.v1.flexFlow.list())).status).toBe(500);
  });

  test('GET faults reports the settings; a bad faults body is a 400', async () => {
    await t.control.faults({ rate429: 0.5, latencyMs: 10 });
    expect((await t.control.call('GET', '/faults')).body).toMatchObject({ rate429: 0.5, latencyMs: 10, rate500: 0 });
    for (const bad of [
      { rate429: 2 },
      { latencyMs: -1 },
      { rate500: 'often' },
      { unknown: 1 },
      { methods: 'DELETE' },
      { methods: ['DE LETE'] },
      { pathIncludes: 5 },
    ]) {
      const response = await t.control.call('POST', '/faults', bad);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { message: expect.any(String) } });
    }
    expect((await t.control.call('GET', '/faults')).body).toMatchObject({ rate429: 0.5, latencyMs: 10 });
  });
});

describe('Flex tokens and IAM validate', () => {
  const validatePath = () => `/v1/Accounts/${t.accountSid}/Tokens/validate`;
  const validate = (token: unknown, auth?: { username: string; password: string } | null) =>
    t.raw('iam', validatePath(), { json: { token }, auth });

  test('an issued token is valid, with its identity and roles', async () => {
    const issued = await t.control.call('POST', '/tokens', { identity: 'sam@owl.example', roles: ['supervisor'] });
    expect(issued.status).toBe(200);
    const { token, expiration } = issued.body as { token: string; expiration: string };
    const response = await validate(token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      valid: true,
      code: 0,
      message: null,
      expiration: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/),
      realm_user_id: 'sam@owl.example',
      identity: 'sam@owl.example',
      roles: ['supervisor'],
      worker_sid: expect.stringMatching(/^WK[0-9a-f]{32}$/),
    });
    const expires = Date.parse((response.body as { expiration: string }).expiration);
    expect(Math.abs(expires - Date.parse(expiration))).toBeLessThan(1500);
    expect(expires - Date.now()).toBeGreaterThan(3500 * 1000);
  });

  test('roles are carried as issued', async () => {
    const token = await t.control.issueToken('alex', ['admin', 'agent'], 60);
    expect((await validate(token)).body).toMatchObject({ valid: true, identity: 'alex', roles: ['admin', 'agent'] });
  });

  test('an expired token is invalid', async () => {
    const token = await t.control.issueToken('late', ['admin'], -30);
    const response = await validate(token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      valid: false,
      code: expect.any(Number),
      message: expect.stringMatching(/expired/i),
    });
  });

  test('a garbage, missing or altered token is invalid', async () => {
    for (const token of ['garbage', '', undefined, 'a.b.c']) {
      expect((await validate(token)).body).toMatchObject({ valid: false, message: expect.any(String) });
    }
    // Raising the roles inside a real token breaks its signature.
    const token = await t.control.issueToken('agent-1', ['agent']);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, roles: ['admin'] })).toString('base64url');
    expect((await validate(`${header}.${forged}.${signature}`)).body).toMatchObject({ valid: false });
  });

  test('wrong or missing Basic auth, or another account’s path, is a 401', async () => {
    const token = await t.control.issueToken('sam', ['supervisor']);
    for (const auth of [{ username: t.accountSid, password: 'z'.repeat(32) }, null]) {
      const response = await validate(token, auth);
      expect(response.status).toBe(401);
      expect(errorOf(response)).toMatchObject({ code: 20003, status: 401 });
    }
    const otherAccount = await t.raw('iam', `/v1/Accounts/AC${'0'.repeat(32)}/Tokens/validate`, { json: { token } });
    expect(otherAccount.status).toBe(401);
  });

  test('a bad token request body is a 400', async () => {
    for (const bad of [
      { roles: ['admin'] },
      { identity: '', roles: [] },
      { identity: 'x', roles: 'admin' },
      { identity: 'x', roles: [], ttlSeconds: 1.5 },
    ]) {
      expect((await t.control.call('POST', '/tokens', bad)).status).toBe(400);
    }
  });
});

describe('control API: reset', () => {
  test('the same seed gives the same account; another seed a different one', async () => {
    await t.control.reset({ seed: 21 });
    const first = await accountSids();
    await t.control.reset({ seed: 22 });
    const other = await accountSids();
    await t.control.reset({ seed: 21 });
    const again = await accountSids();
    expect(again).toEqual(first);
    for (const key of Object.keys(first)) {
      expect(other[key]).toHaveLength(first[key].length);
      expect(other[key]).not.toEqual(first[key]);
    }
  });

  test('the counts asked for are honoured', async () => {
    const counts = { numbers: 7, whatsappSenders: 4, addresses: 9, flexFlows: 2, studioFlows: 3 };
    const response = await t.control.call('POST', '/reset', { ...counts, seed: 5, otherChannels: false });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ok: true, accountSid: t.accountSid, ...counts });
    const now = await accountSids();
    expect([now.numbers, now.senders, now.addresses, now.flexFlows, now.studioFlows].map((l) => l.length)).toEqual([
      7, 4, 9, 2, 3,
    ]);
  });

  test('zero of everything is a valid, empty account', async () => {
    await t.control.reset({ numbers: 0, whatsappSenders: 0, addresses: 0, flexFlows: 0, studioFlows: 0, seed: 3 });
    const now = await accountSids();
    expect([now.numbers, now.senders, now.addresses, now.flexFlows, now.studioFlows]).toEqual([[], [], [], [], []]);
    expect(now.services).toHaveLength(2);
  });

  test('defaultServiceIsFlex: false makes another service the default', async () => {
    await t.control.reset({ ...TEST_RESET, defaultServiceIsFlex: false });
    const flex = (await t.client.flexApi.v1.configuration().fetch()).flexServiceInstanceSid;
    const config = await t.client.conversations.v1.configuration().fetch();
    expect(config.defaultChatServiceSid).not.toBe(flex);
    expect(sids(await t.client.conversations.v1.services.list())).toContain(config.defaultChatServiceSid);
  });

  test('emailAddresses and emailDomains: the email addresses made, and the domains an email address may be on', async () => {
    const emails = async () =>
      (await t.client.conversations.v1.addressConfigurations.list({ type: 'email' })).map((a) => a.address);
    // Without the other channels there are none unless asked for; the domains are the demo's.
    const plain = await t.control.reset(TEST_RESET);
    expect(plain).toMatchObject({ emailAddresses: 0, emailDomains: ['owl-shoes.example', 'help.owl-shoes.example'] });
    expect(await emails()).toEqual([]);

    const four = await t.control.reset({ ...TEST_RESET, emailAddresses: 4, emailDomains: ['Mail.Owl-Shoes.example'] });
    expect(four).toMatchObject({ emailAddresses: 4, emailDomains: ['mail.owl-shoes.example'] });
    expect(await emails()).toEqual([
      'support@owl-shoes.example',
      'orders@owl-shoes.example',
      'returns@help.owl-shoes.example',
      'inbox-3@help.owl-shoes.example',
    ]);
    expect([...t.sandbox.account.emailDomains]).toEqual(['mail.owl-shoes.example']);
    // The other channels bring three by default; emailAddresses says how many instead.
    expect(await t.control.reset({ ...TEST_RESET, otherChannels: true })).toMatchObject({ emailAddresses: 3 });
    expect(await t.control.reset({ ...TEST_RESET, otherChannels: true, emailAddresses: 0 })).toMatchObject({
      emailAddresses: 0,
    });
    const flows = (await t.client.studio.v2.flows.list()).map((f) => f.friendlyName);
    expect(flows).toContain('Chat Flow');
    expect(flows).not.toContain('Email Flow');
  });

  test.each<[string, unknown]>([
    ['a negative count', { numbers: -1 }],
    ['a count that is not a number', { numbers: 'many' }],
    ['a fractional seed', { seed: 1.5 }],
    ['a count above the limit', { numbers: 10_000_000 }],
    ['an unknown option', { colour: 'blue' }],
    ['a JSON array', [1, 2]],
    ['an email address count above the limit', { emailAddresses: 10_001 }],
    ['an email domain that is not a host name', { emailDomains: ['owl shoes'] }],
    ['email domains that are not a list', { emailDomains: 'owl-shoes.example' }],
  ])('%s is a 400 and leaves the account as it was', async (_what, body) => {
    const before = await accountSids();
    const response = await t.control.call('POST', '/reset', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(await accountSids()).toEqual(before);
  });

  test('a body that is not JSON is a 400', async () => {
    const response = await t.control.call('POST', '/reset', '{"numbers": ');
    expect(response.status).toBe(400);
  });
});

describe('control API: request log', () => {
  test('records method, product, path and status of Twilio requests, and DELETE clears it', async () => {
    const sender = t.sandbox.account.addresses.all().find((a) => a.type === 'whatsapp');
    if (!sender) throw new Error('no WhatsApp address in the demo account');
    await t.control.clearRequests();
    await t.client.conversations.v1.addressConfigurations(sender.address).fetch();
    await restError(t.client.studio.v2.flows(`FW${'0'.repeat(32)}`).fetch());
    await t.client.incomingPhoneNumbers.list({ phoneNumber: '415' });
    await t.raw('flex-api', '/v1/FlexFlows', { auth: null });
    await t.control.issueToken('not-logged', ['agent']);

    const log = await t.control.requests();
    expect(log.count).toBe(4);
    expect(log.requests.map((r) => [r.method, r.product, r.path, r.status])).toEqual([
      ['GET', 'conversations', `/v1/Configuration/Addresses/${sender.address}`, 200],
      ['GET', 'studio', `/v2/Flows/FW${'0'.repeat(32)}`, 404],
      ['GET', 'api', `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json`, 200],
      ['GET', 'flex-api', '/v1/FlexFlows', 401],
    ]);
    expect(log.requests[2].query).toEqual({ PhoneNumber: '415' });

    await t.control.clearRequests();
    expect(await t.control.requests()).toEqual({ count: 0, requests: [] });
  });

  test('a reset clears the log', async () => {
    await t.client.studio.v2.flows.list();
    expect((await t.control.requests()).count).toBe(1);
    await t.control.reset(TEST_RESET);
    expect((await t.control.requests()).count).toBe(0);
  });
});
