/**
 * Issue #14, items 1–4, over HTTP against the sandbox's fault injection: no secret in anything the
 * backend writes when Twilio fails; every call ends inside its time budget; a write whose answer
 * was lost is reported as what happened (the backend looks first); a migration handles an address
 * that already exists, can be run again after it stopped, and tells the truth when two race.
 */
import { format } from 'node:util';

import type { FlexFlow } from '../../sandbox/server/state';
import type { AddressSummary, MigrateFlexFlowResponse } from '../../src/contract/types';
import { freeSmsNumber } from './accountFixtures';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const errorOf = (response: FunctionResponse) => (response.body as { error: { code: string; message: string } }).error;

/** Short timings so a test of a hung Twilio takes a second or two, not the production 7.5 s. */
const FAST = { MESSAGING_SETUP_TWILIO_TIMEOUT_MS: '800', MESSAGING_SETUP_CALL_BUDGET_MS: '3500' };
const fast = () => Object.assign(t.env, FAST);

const ADDRESSES = '/v1/Configuration/Addresses';

const studioFlowSid = () => String(account().studioFlows.all()[0].sid);
const studioInput = (address: string, retryCount = 2) => ({
  type: 'sms',
  address,
  autoCreationEnabled: true,
  integration: { type: 'studio', studioFlowSid: studioFlowSid(), retryCount },
});
const addressesFor = (address: string) =>
  account()
    .addresses.all()
    .filter((a) => a.address === address);

/** Everything the backend (in this process) writes to the console, stdout or stderr, while capturing. */
function captureOutput() {
  const chunks: string[] = [];
  const spies = [
    ...(['log', 'error', 'warn', 'info', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void chunks.push(format(...args))),
    ),
    ...[process.stdout, process.stderr].map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        chunks.push(String(chunk));
        return true;
      }),
    ),
  ];
  return {
    text: () => chunks.join('\n'),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** The secrets a log must never hold: the account's auth token, any Basic credentials, the Flex token. */
function secretsIn(text: string, token: string): string[] {
  const { authToken, accountSid } = t.sandbox.credentials;
  const basic = Buffer.from(`${accountSid}:${authToken}`).toString('base64');
  return [authToken, basic, 'Basic ', token, token.split('.')[2] ?? token].filter((secret) => text.includes(secret));
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('1. nothing secret in what the backend writes when Twilio fails', () => {
  test.each([
    [
      'a create whose connection is reset after Twilio made it',
      { rateReset: 1, methods: ['POST'], pathIncludes: ADDRESSES },
    ],
    ['a create that times out', { latencyMs: 1500, methods: ['POST'], pathIncludes: ADDRESSES }],
    ['a token check that times out', { latencyMs: 1500, products: ['iam'] }],
    ['a token check whose connection is reset', { rateReset: 1, products: ['iam'] }],
    ['a read whose connection is reset, every attempt', { rateReset: 1, methods: ['GET'] }],
  ])(
    '%s',
    async (_what, faults) => {
      fast();
      const token = t.tokens.admin();
      t.faults(faults, 5);
      const output = captureOutput();
      try {
        await t.callFunction('create-address', { token, payload: studioInput(freeSmsNumber(account())) });
        await t.callFunction('list-phone-numbers', { token });
      } finally {
        output.restore();
      }
      expect(secretsIn(output.text(), token)).toEqual([]);
    },
    15_000,
  );
});

describe('2. every call ends inside its budget', () => {
  test('a hung read is cut off with the default settings: a JSON 504 twilio_timeout well inside 10 s', async () => {
    const token = t.tokens.supervisor();
    t.faults({ latencyMs: 9500, pathIncludes: '/v1/FlexFlows' }, 1);
    const started = Date.now();
    const response = await t.callFunction('list-flex-flows', { token });
    const took = Date.now() - started;
    expect(response.status).toBe(504);
    expect(response.headers['content-type']).toMatch(/json/);
    expect(errorOf(response)).toEqual({
      code: 'twilio_timeout',
      message: expect.stringMatching(/did not answer in time/),
      messageKey: 'MessagingSetupRefusalTimeout',
    });
    expect(took).toBeLessThan(8500);
  }, 20_000);

  test('a hung token check is cut off too, and not taken for an invalid token', async () => {
    fast();
    const token = t.tokens.supervisor();
    t.faults({ latencyMs: 5000, products: ['iam'] }, 1);
    const started = Date.now();
    const response = await t.callFunction('list-phone-numbers', { token });
    expect(Date.now() - started).toBeLessThan(4000);
    // IAM not answering is IAM unavailable: the README's one answer for a check that could not run.
    expect(response.status).toBe(503);
    expect(errorOf(response).code).toBe('token_check_unavailable');
    t.faults({}, 1);
    // The same token works as soon as IAM answers again.
    expect((await t.callFunction('list-phone-numbers', { token })).status).toBe(200);
  }, 15_000);
});

describe('3. a write whose answer was lost is reported as what happened', () => {
  test('create-address: made, answer held past the timeout → 200 with the address, made once', async () => {
    fast();
    const address = freeSmsNumber(account());
    t.faults({ holdAnswerMs: 1500, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const response = await t.callFunction('create-address', { token: t.tokens.admin(), payload: studioInput(address) });
    expect(response.status).toBe(200);
    const [made] = addressesFor(address);
    expect((response.body as AddressSummary).sid).toBe(made.sid);
    expect(addressesFor(address)).toHaveLength(1);
  });

  test('create-address: made, connection reset → 200 with the address', async () => {
    fast();
    const address = freeSmsNumber(account());
    t.faults({ rateReset: 1, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const response = await t.callFunction('create-address', { token: t.tokens.admin(), payload: studioInput(address) });
    expect(response.status).toBe(200);
    expect((response.body as AddressSummary).sid).toBe(addressesFor(address)[0].sid);
  });

  test('create-address: not made yet when the client gave up → 504 that says it may have been applied', async () => {
    fast();
    const address = freeSmsNumber(account());
    t.faults({ latencyMs: 1500, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const response = await t.callFunction('create-address', { token: t.tokens.admin(), payload: studioInput(address) });
    expect(response.status).toBe(504);
    expect(errorOf(response).message).toMatch(/may or may not have been applied/);
    expect(errorOf(response).message).not.toMatch(/not created|nothing was changed/i);
    await wait(1000);
    // It was: the answer did not say otherwise.
    expect(addressesFor(address)).toHaveLength(1);
  });

  test('create-address: Twilio answered 500 and nothing is there → 502, and nothing was made', async () => {
    const address = freeSmsNumber(account());
    t.faults({ rate500: 1, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const response = await t.callFunction('create-address', { token: t.tokens.admin(), payload: studioInput(address) });
    expect(response.status).toBe(502);
    expect(addressesFor(address)).toEqual([]);
  });

  test('the same create again is done, not a failure and not a duplicate; other settings are a 409 naming them', async () => {
    const address = freeSmsNumber(account());
    const token = t.tokens.admin();
    const first = await t.callFunction('create-address', { token, payload: studioInput(address) });
    const again = await t.callFunction('create-address', { token, payload: studioInput(address) });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect((again.body as AddressSummary).sid).toBe((first.body as AddressSummary).sid);
    expect(addressesFor(address)).toHaveLength(1);

    const other = await t.callFunction('create-address', { token, payload: studioInput(address, 0) });
    expect(other.status).toBe(409);
    expect(errorOf(other)).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/retry count is 2/),
    });
  });
});

const flexFlows = () => account().flexFlows.all();
const studioFlowOf = (channel: string) => {
  const found = flexFlows().find((f) => f.channel_type === channel && f.integration_type === 'studio');
  if (!found) throw new Error(`the demo account has no ${channel} Flex Flow with Studio`);
  return found;
};
const identityOf = (flow: FlexFlow) => {
  const identity = String(flow.contact_identity);
  return flow.channel_type === 'whatsapp' && !identity.startsWith('whatsapp:') ? `whatsapp:${identity}` : identity;
};
const migrate = (sid: string, extra: Record<string, string> = {}) =>
  t.callFunction('migrate-flex-flow', { token: t.tokens.supervisor(), payload: { sid, ...extra } });
function migration(response: FunctionResponse): MigrateFlexFlowResponse {
  expect(response.status).toBe(200);
  return response.body as MigrateFlexFlowResponse;
}

describe('3. migration after a lost answer', () => {
  test('the create was made but its answer lost: the migration goes on and finishes', async () => {
    fast();
    const flow = studioFlowOf('sms');
    t.faults({ holdAnswerMs: 1200, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const result = migration(await migrate(flow.sid));
    expect(result.outcome).toBe('migrated');
    expect(addressesFor(identityOf(flow))).toHaveLength(1);
    expect(account().flexFlows.find(flow.sid)).toBeUndefined();
  });

  test('the create was not made yet: a 504 that says so, never "untouched"; run again, it finishes', async () => {
    fast();
    const flow = studioFlowOf('sms');
    t.faults({ latencyMs: 1200, methods: ['POST'], pathIncludes: ADDRESSES }, 1);
    const first = await migrate(flow.sid);
    expect(first.status).toBe(504);
    expect(errorOf(first).message).toMatch(/may or may not have been applied/);
    await wait(800);
    t.faults({}, 1);
    // The address landed after all; the flow is still there. The same migration finishes.
    expect(addressesFor(identityOf(flow))).toHaveLength(1);
    const again = migration(await migrate(flow.sid));
    expect(again.outcome).toBe('migrated');
    expect(again.steps[0]).toMatchObject({
      step: 'create_address',
      status: 'done',
      detail: expect.stringMatching(/already has/),
    });
    expect(addressesFor(identityOf(flow))).toHaveLength(1);
    expect(account().flexFlows.find(flow.sid)).toBeUndefined();
  });

  test('an undo that fails is retried before it is reported', async () => {
    const flow = studioFlowOf('sms');
    t.faults({ rate500: 1, methods: ['DELETE'] }, 1);
    const result = migration(await migrate(flow.sid));
    expect(result.outcome).toBe('needs_attention');
    const undos = t.log().filter((e) => e.method === 'DELETE' && e.path.startsWith(`${ADDRESSES}/`));
    expect(undos).toHaveLength(3);
  });
});

describe('4. migration and an address that already exists', () => {
  /** In every seeded account the WhatsApp Flex Flow's sender already has a (disabled) address. */
  function whatsappWithAddress() {
    const flow = studioFlowOf('whatsapp');
    const [existing] = addressesFor(identityOf(flow));
    if (!existing) throw new Error('the seeded WhatsApp Flex Flow has no address');
    return { flow, existing };
  }

  test('without confirmation nothing changes, and the answer names the address and the choice', async () => {
    const { flow, existing } = whatsappWithAddress();
    const before = JSON.stringify(account().addresses.all());
    const result = migration(await migrate(flow.sid));
    expect(result.outcome).toBe('unchanged');
    expect(result.message).toContain(existing.sid);
    expect(result.message).toMatch(/auto-creation is off/);
    expect(result.message).toMatch(/confirm in the preview/);
    expect(JSON.stringify(account().addresses.all())).toBe(before);
    expect(account().flexFlows.find(flow.sid)).toBeDefined();
  });

  test('confirmed, the existing address takes the Flex Flow’s settings and the flow is deleted', async () => {
    const { flow, existing } = whatsappWithAddress();
    const result = migration(await migrate(flow.sid, { updateExistingAddressSid: existing.sid }));
    expect(result.outcome).toBe('migrated');
    expect(result.steps.map((s) => s.step)).toEqual(['update_address', 'verify_address', 'delete_flex_flow']);
    const [now] = addressesFor(identityOf(flow));
    expect(now.sid).toBe(existing.sid);
    const integration = flow.integration as { flow_sid: string };
    expect(now.auto_creation).toMatchObject({ enabled: true, type: 'studio', studio_flow_sid: integration.flow_sid });
    expect(account().flexFlows.find(flow.sid)).toBeUndefined();
  });

  test('confirmed, but the flow cannot be deleted: the address gets its old settings back', async () => {
    const { flow, existing } = whatsappWithAddress();
    const before = JSON.stringify(existing.auto_creation);
    t.faults({ rate500: 1, products: ['flex-api'], methods: ['DELETE'] }, 1);
    const result = migration(await migrate(flow.sid, { updateExistingAddressSid: existing.sid }));
    expect(result.outcome).toBe('unchanged');
    expect(result.steps.at(-1)).toMatchObject({ step: 'undo_update_address', status: 'done' });
    expect(JSON.stringify(addressesFor(identityOf(flow))[0].auto_creation)).toBe(before);
    expect(account().flexFlows.find(flow.sid)).toBeDefined();
  });

  test('a confirmation for another address changes nothing', async () => {
    const { flow } = whatsappWithAddress();
    const before = JSON.stringify(account().addresses.all());
    const result = migration(await migrate(flow.sid, { updateExistingAddressSid: `IG${'0'.repeat(32)}` }));
    expect(result.outcome).toBe('unchanged');
    expect(JSON.stringify(account().addresses.all())).toBe(before);
  });

  test('two migrations of the same flow at once: one address, the flow gone, and neither answer says "untouched"', async () => {
    const flow = studioFlowOf('sms');
    const answers = await Promise.all([migrate(flow.sid), migrate(flow.sid)]);
    expect(addressesFor(identityOf(flow))).toHaveLength(1);
    expect(account().flexFlows.find(flow.sid)).toBeUndefined();
    for (const answer of answers) {
      const text = JSON.stringify(answer.body);
      expect(text).not.toMatch(/untouched/);
      if (answer.status === 200) expect((answer.body as MigrateFlexFlowResponse).outcome).toBe('migrated');
      else expect(answer.status).toBe(404);
    }
  });
});
