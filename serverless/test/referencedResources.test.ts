/**
 * Issue #14, item 9: before an address is created or changed, the Studio flow, conversation
 * service and SMS number it names must exist; a missing one is a 400 that names it, with no
 * write. A bulk run (one create-address per row) costs one lookup per distinct resource.
 */
import type { LoggedRequest } from '../../sandbox/server/requestLog';
import { numbersWithoutAddress } from './accountFixtures';
import { addressWrites, setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const errorOf = (response: FunctionResponse) =>
  (response.body as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

const MISSING_FLOW = 'FW0000000000000000000000000000dead';
const MISSING_SERVICE = 'IS0000000000000000000000000000dead';
const NOT_OURS = '+15005550199';

const studioFlowSid = () => String(account().studioFlows.all()[0].sid);
const serviceSid = () => String(account().conversationServices.all()[0].sid);
const studioInput = (address: string, flowSid = studioFlowSid(), extra: Record<string, unknown> = {}) => ({
  type: 'sms',
  address,
  autoCreationEnabled: true,
  integration: { type: 'studio', studioFlowSid: flowSid, retryCount: 1 },
  ...extra,
});

const lookups = (log: LoggedRequest[], product: string, path: RegExp) =>
  log.filter((entry) => entry.method === 'GET' && entry.product === product && path.test(entry.path));

describe('create-address refuses what does not exist, naming it, before any write', () => {
  test('a Studio flow that does not exist', async () => {
    const [number] = numbersWithoutAddress(account());
    t.clearLog();
    const response = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: studioInput(number, MISSING_FLOW),
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('resource_not_found');
    expect(errorOf(response).message).toContain(`Studio flow ${MISSING_FLOW} does not exist`);
    expect(errorOf(response).fields).toEqual({ studioFlowSid: `Studio flow ${MISSING_FLOW} does not exist.` });
    expect(addressWrites(t.log())).toEqual([]);
    expect(
      account()
        .addresses.all()
        .some((a) => a.address === number),
    ).toBe(false);
  });

  test('a conversation service that does not exist', async () => {
    const [number] = numbersWithoutAddress(account());
    t.clearLog();
    const response = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: studioInput(number, studioFlowSid(), { conversationServiceSid: MISSING_SERVICE }),
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('resource_not_found');
    expect(errorOf(response).fields).toEqual({
      conversationServiceSid: `Conversation service ${MISSING_SERVICE} does not exist.`,
    });
    expect(addressWrites(t.log())).toEqual([]);
  });

  test('an SMS address for a number the account does not have', async () => {
    expect(
      account()
        .incomingPhoneNumbers.all()
        .some((n) => n.phone_number === NOT_OURS),
    ).toBe(false);
    t.clearLog();
    const response = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: studioInput(NOT_OURS),
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('resource_not_found');
    expect(errorOf(response).message).toContain(`${NOT_OURS} is not a phone number of this account`);
    expect(errorOf(response).fields).toEqual({ address: `${NOT_OURS} is not a phone number of this account.` });
    expect(addressWrites(t.log())).toEqual([]);
  });

  test('all of them at once: each named', async () => {
    const response = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: studioInput(NOT_OURS, MISSING_FLOW, { conversationServiceSid: MISSING_SERVICE }),
    });
    expect(response.status).toBe(400);
    expect(Object.keys(errorOf(response).fields ?? {}).sort()).toEqual([
      'address',
      'conversationServiceSid',
      'studioFlowSid',
    ]);
  });

  test('what exists is created as before', async () => {
    const [number] = numbersWithoutAddress(account());
    const response = await t.callFunction('create-address', {
      token: t.tokens.admin(),
      payload: studioInput(number, studioFlowSid(), { conversationServiceSid: serviceSid() }),
    });
    expect(response.status).toBe(200);
    expect(
      account()
        .addresses.all()
        .some((a) => a.address === number),
    ).toBe(true);
  });
});

test('update-address refuses a Studio flow that does not exist and leaves the address as it was', async () => {
  const address = account().addresses.all()[0];
  const before = JSON.stringify(address);
  t.clearLog();
  const response = await t.callFunction('update-address', {
    token: t.tokens.admin(),
    payload: {
      sid: address.sid,
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: MISSING_FLOW, retryCount: 0 },
    },
  });
  expect(response.status).toBe(400);
  expect(errorOf(response).code).toBe('resource_not_found');
  expect(errorOf(response).fields).toEqual({ studioFlowSid: `Studio flow ${MISSING_FLOW} does not exist.` });
  expect(addressWrites(t.log())).toEqual([]);
  expect(JSON.stringify(account().addresses.find(address.sid))).toBe(before);
});

test('migrate-flex-flow of a flow whose Studio flow was deleted is refused before anything changes', async () => {
  // The demo account's SMS Flex Flow to Studio is migratable (flexFlows.test.ts migrates it).
  const flow = account()
    .flexFlows.all()
    .find((f) => f.channel_type === 'sms' && f.integration_type === 'studio');
  if (!flow) throw new Error('the demo account has no SMS Flex Flow to Studio');
  const studioSid = String((flow.integration as { flow_sid: string }).flow_sid);
  account().studioFlows.remove(studioSid);
  t.clearLog();
  const response = await t.callFunction('migrate-flex-flow', { token: t.tokens.admin(), payload: { sid: flow.sid } });
  expect(response.status).toBe(400);
  expect(errorOf(response).code).toBe('resource_not_found');
  expect(errorOf(response).message).toContain(`Studio flow ${studioSid} does not exist`);
  expect(addressWrites(t.log())).toEqual([]);
  expect(account().flexFlows.find(flow.sid)).toBeDefined();
});

test('a bulk run of create-address calls looks up each shared resource once, not once per row', async () => {
  const numbers = numbersWithoutAddress(account()).slice(0, 6);
  expect(numbers.length).toBe(6);
  // Ones no other test here names: what was found is remembered for a minute, across tests too.
  const flow = String(account().studioFlows.all().at(-1)?.sid);
  const service = String(account().conversationServices.all().at(-1)?.sid);
  expect([flow, service]).not.toContain(studioFlowSid());
  expect(service).not.toBe(serviceSid());
  t.clearLog();
  const token = t.tokens.admin();
  // As the bulk dialog runs them: several at once.
  const responses = await Promise.all(
    numbers.map((number) =>
      t.callFunction('create-address', {
        token,
        payload: studioInput(number, flow, { conversationServiceSid: service }),
      }),
    ),
  );
  expect(responses.map((r) => r.status)).toEqual(numbers.map(() => 200));
  const log = t.log();
  expect(lookups(log, 'studio', new RegExp(`^/v2/Flows/${flow}$`))).toHaveLength(1);
  expect(lookups(log, 'conversations', new RegExp(`^/v1/Services/${service}$`))).toHaveLength(1);
  // Each row's own number is a distinct resource: at most one lookup each (none if remembered).
  const numberLookups = lookups(log, 'api', /IncomingPhoneNumbers\.json$/).map((entry) => entry.query.PhoneNumber);
  expect(numberLookups.length).toBeGreaterThan(0);
  expect(new Set(numberLookups).size).toBe(numberLookups.length);
  expect(numbers).toEqual(expect.arrayContaining(numberLookups));

  // Rows naming a flow that does not exist: refused each, still with one lookup.
  const missing = 'FW0000000000000000000000000000beef';
  t.clearLog();
  const refused = await Promise.all(
    numbersWithoutAddress(account())
      .slice(0, 4)
      .map((number) => t.callFunction('create-address', { token, payload: studioInput(number, missing) })),
  );
  expect(refused.map((r) => errorOf(r).code)).toEqual([
    'resource_not_found',
    'resource_not_found',
    'resource_not_found',
    'resource_not_found',
  ]);
  expect(lookups(t.log(), 'studio', /^\/v2\/Flows\//)).toHaveLength(1);
});
