/**
 * RetryingRequestClient with a fake transport: what is retried (429 always; 5xx and lost answers
 * only for reads and IAM's token check), how long it waits (Retry-After, capped), and that it
 * stops.
 */
import type RequestClient from 'twilio/lib/base/RequestClient';
import Response from 'twilio/lib/http/response';

import {
  isIdempotent,
  LOOK_RESERVE_MS,
  RetryingRequestClient,
  retryAfterMs,
  type RetryPolicy,
} from '../src/twilio/retryingRequestClient';
import { TwilioTransportError } from '../src/twilio/transportError';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

type Answer = { status: number; headers?: Record<string, string> } | { error: Error };

const POLICY: RetryPolicy = { maxRetries: 3, maxDelayMs: 2000, baseDelayMs: 200 };
const ACCOUNT = 'AC5a4db0c1e2f3a4b5c6d7e8f9a0b1c2d3';
const REQUESTS = {
  list: { method: 'get', uri: 'https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json' },
  tokenCheck: { method: 'post', uri: `https://iam.twilio.com/v1/Accounts/${ACCOUNT}/Tokens/validate` },
  tokenCheckInRealm: { method: 'post', uri: `https://iam.stage.twilio.com/v1/Accounts/${ACCOUNT}/Tokens/validate` },
  create: { method: 'post', uri: 'https://conversations.twilio.com/v1/Configuration/Addresses' },
  update: { method: 'post', uri: `https://conversations.twilio.com/v1/Configuration/Addresses/IG${'a'.repeat(32)}` },
  remove: { method: 'delete', uri: `https://conversations.twilio.com/v1/Configuration/Addresses/IG${'a'.repeat(32)}` },
} as const;

/** A transport that gives the scripted answers in turn (the last one again once they run out). */
function fakeTransport(answers: Answer[]) {
  const calls: RequestClient.RequestOptions<unknown>[] = [];
  const transport = {
    request: async (opts: RequestClient.RequestOptions<unknown>) => {
      calls.push(opts);
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
      if ('error' in answer) throw answer.error;
      return new Response(answer.status, answer.status < 300 ? '{}' : '{"code":20500}', answer.headers ?? {});
    },
  };
  return { transport: transport as unknown as RequestClient, calls };
}

function clientWith(answers: Answer[], policy: RetryPolicy = POLICY) {
  const { transport, calls } = fakeTransport(answers);
  const waits: number[] = [];
  const client = new RetryingRequestClient(policy, transport, async (ms) => {
    waits.push(ms);
  });
  return { client, calls, waits };
}

const send = (client: RetryingRequestClient, request: { method: string; uri: string }) =>
  client.request({ ...request, method: request.method as 'get' });

describe('429: retried for every method, waiting as long as Retry-After says', () => {
  test.each(Object.entries(REQUESTS))('%s', async (_name, request) => {
    const { client, calls, waits } = clientWith([
      { status: 429, headers: { 'retry-after': '1' } },
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 200 },
    ]);
    const response = await send(client, request);
    expect(response.statusCode).toBe(200);
    expect(calls).toHaveLength(3);
    expect(waits).toEqual([1000, 0]);
  });

  test('a create refused with 429 is sent again, unchanged', async () => {
    const { client, calls } = clientWith([{ status: 429, headers: { 'retry-after': '0' } }, { status: 201 }]);
    const opts = { ...REQUESTS.create, method: 'post' as const, data: { Type: 'sms', Address: '+14155550100' } };
    expect((await client.request(opts)).statusCode).toBe(201);
    expect(calls.map((c) => [c.method, c.uri, c.data])).toEqual([
      ['post', opts.uri, opts.data],
      ['post', opts.uri, opts.data],
    ]);
  });

  test('without Retry-After the wait doubles from baseDelayMs', async () => {
    const { client, waits } = clientWith([{ status: 429 }, { status: 429 }, { status: 429 }, { status: 200 }]);
    await send(client, REQUESTS.create);
    expect(waits).toEqual([200, 400, 800]);
  });

  test('no wait is longer than maxDelayMs, whatever Retry-After asks', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    const { client, waits } = clientWith(
      [
        { status: 429, headers: { 'retry-after': '3600' } },
        { status: 429, headers: { 'retry-after': later } },
        { status: 429 },
        { status: 200 },
      ],
      { maxRetries: 3, maxDelayMs: 300, baseDelayMs: 250 },
    );
    await send(client, REQUESTS.list);
    expect(waits).toEqual([300, 300, 300]);
  });
});

describe('5xx: retried for reads and the token check only', () => {
  test.each([500, 502, 503, 504])('GET answered %i is retried', async (status) => {
    const { client, calls, waits } = clientWith([{ status }, { status: 200 }]);
    expect((await send(client, REQUESTS.list)).statusCode).toBe(200);
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([200]);
  });

  test.each(['tokenCheck', 'tokenCheckInRealm'] as const)(
    'the IAM token check (%s, a POST) is retried',
    async (name) => {
      const { client, calls } = clientWith([{ status: 500 }, { status: 503 }, { status: 200 }]);
      expect((await send(client, REQUESTS[name])).statusCode).toBe(200);
      expect(calls).toHaveLength(3);
    },
  );

  test.each(['create', 'update', 'remove'] as const)(
    'a %s answered 500 is sent once and the 500 returned',
    async (name) => {
      const { client, calls, waits } = clientWith([{ status: 500 }, { status: 201 }]);
      expect((await send(client, REQUESTS[name])).statusCode).toBe(500);
      expect(calls).toHaveLength(1);
      expect(waits).toEqual([]);
    },
  );

  test('other errors (4xx) are never retried', async () => {
    for (const status of [400, 401, 403, 404, 409]) {
      const { client, calls } = clientWith([{ status }, { status: 200 }]);
      expect((await send(client, REQUESTS.list)).statusCode).toBe(status);
      expect(calls).toHaveLength(1);
    }
  });
});

describe('lost answers (network errors)', () => {
  test('a GET is retried', async () => {
    const { client, calls } = clientWith([{ error: new Error('ECONNRESET') }, { status: 200 }]);
    expect((await send(client, REQUESTS.list)).statusCode).toBe(200);
    expect(calls).toHaveLength(2);
  });

  test('a create is not: the error is thrown after one attempt (it may have been made)', async () => {
    const { client, calls } = clientWith([{ error: withCode('socket hang up', 'ECONNRESET') }, { status: 201 }]);
    const thrown = await send(client, REQUESTS.create).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(TwilioTransportError);
    expect(thrown).toMatchObject({ failure: 'network', transportCode: 'ECONNRESET', attempt: 1, maybeApplied: true });
    expect(calls).toHaveLength(1);
  });

  test('a GET that never gets an answer fails after the last retry, as a timeout', async () => {
    const { client, calls } = clientWith([{ error: withCode('timeout of 3000ms exceeded', 'ECONNABORTED') }]);
    const thrown = await send(client, REQUESTS.list).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ failure: 'timeout', attempt: POLICY.maxRetries + 1, maybeApplied: false });
    expect(calls).toHaveLength(POLICY.maxRetries + 1);
  });

  test('what leaves is ours: no request config, no credentials, no query', async () => {
    const axiosLike = Object.assign(withCode('timeout', 'ECONNABORTED'), {
      config: { headers: { Authorization: 'Basic c2VjcmV0' }, data: 'Token=eyJhbGciOi.x.y' },
    });
    const { client } = clientWith([{ error: axiosLike }]);
    const thrown = await send(client, { method: 'get', uri: `${REQUESTS.list.uri}?PageToken=PT123` }).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(TwilioTransportError);
    expect(JSON.stringify(thrown)).not.toMatch(/Basic|Token=|PageToken/);
    expect(String((thrown as Error).message)).not.toContain('PageToken');
  });
});

describe('the time budget', () => {
  const budgetOf =
    (remaining: number, attemptTimeoutMs = 3000) =>
    () => ({
      deadline: Date.now() + remaining,
      attemptTimeoutMs,
    });

  test('every attempt has a timeout: the per-attempt limit, or what is left of the budget', async () => {
    const { transport, calls } = fakeTransport([{ status: 200 }]);
    await send(new RetryingRequestClient(POLICY, transport, async () => undefined, budgetOf(7000)), REQUESTS.list);
    expect(calls[0].timeout).toBe(3000);
    await send(new RetryingRequestClient(POLICY, transport, async () => undefined, budgetOf(1200)), REQUESTS.list);
    expect(calls[1].timeout).toBeLessThanOrEqual(1200);
    expect(calls[1].timeout).toBeGreaterThan(1000);
  });

  test('a write keeps time back to look after a lost answer', async () => {
    const { transport, calls } = fakeTransport([{ status: 201 }]);
    await send(new RetryingRequestClient(POLICY, transport, async () => undefined, budgetOf(3000)), REQUESTS.create);
    expect(calls[0].timeout).toBeLessThanOrEqual(3000 - LOOK_RESERVE_MS);
  });

  test('no request is sent once the budget is spent, and the error says nothing was sent', async () => {
    const { transport, calls } = fakeTransport([{ status: 201 }]);
    const client = new RetryingRequestClient(POLICY, transport, async () => undefined, budgetOf(100));
    const thrown = await send(client, REQUESTS.create).catch((error: unknown) => error);
    expect(thrown).toMatchObject({ failure: 'budget_exhausted', maybeApplied: false });
    expect(calls).toHaveLength(0);
  });

  test('a retry whose wait would end past the deadline is not waited for', async () => {
    const { transport, calls } = fakeTransport([{ status: 429, headers: { 'retry-after': '2' } }, { status: 200 }]);
    const waits: number[] = [];
    const client = new RetryingRequestClient(POLICY, transport, async (ms) => void waits.push(ms), budgetOf(1500));
    expect((await send(client, REQUESTS.list)).statusCode).toBe(429);
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });
});

describe('bounded', () => {
  test.each([
    ['429 on a create', REQUESTS.create, 429],
    ['429 on a read', REQUESTS.list, 429],
    ['500 on a read', REQUESTS.list, 500],
    ['503 on the token check', REQUESTS.tokenCheck, 503],
  ])('%s forever: maxRetries + 1 attempts, then the last answer', async (_what, request, status) => {
    const { client, calls, waits } = clientWith([{ status, headers: { 'retry-after': '0' } }]);
    expect((await send(client, request)).statusCode).toBe(status);
    expect(calls).toHaveLength(POLICY.maxRetries + 1);
    expect(waits).toHaveLength(POLICY.maxRetries);
  });

  test('maxRetries 0 sends once', async () => {
    const { client, calls } = clientWith([{ status: 429 }], { maxRetries: 0, maxDelayMs: 10, baseDelayMs: 1 });
    expect((await send(client, REQUESTS.list)).statusCode).toBe(429);
    expect(calls).toHaveLength(1);
  });

  test('the longest a call can wait stays inside Twilio Functions’ 10 s limit', async () => {
    const { client, waits } = clientWith([{ status: 429, headers: { 'retry-after': '60' } }]);
    await send(client, REQUESTS.create);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(10_000);
  });
});

describe('helpers', () => {
  test('isIdempotent: GETs and IAM’s token check only', () => {
    expect(isIdempotent('GET', REQUESTS.list.uri)).toBe(true);
    expect(isIdempotent('get', REQUESTS.create.uri)).toBe(true);
    expect(isIdempotent('POST', REQUESTS.tokenCheck.uri)).toBe(true);
    expect(isIdempotent('post', REQUESTS.tokenCheckInRealm.uri)).toBe(true);
    expect(isIdempotent('POST', REQUESTS.create.uri)).toBe(false);
    expect(isIdempotent('POST', REQUESTS.update.uri)).toBe(false);
    expect(isIdempotent('DELETE', REQUESTS.remove.uri)).toBe(false);
    expect(isIdempotent('POST', `${REQUESTS.tokenCheck.uri}/x`)).toBe(false);
    expect(isIdempotent('POST', `https://iam.twilio.com/v1/Accounts/${ACCOUNT}/Tokens`)).toBe(false);
  });

  test('retryAfterMs: seconds or an HTTP date; junk is no answer', () => {
    const now = Date.parse('2026-01-05T09:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs(3, now)).toBe(3000);
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs('-5', now)).toBe(0);
    expect(retryAfterMs('Mon, 05 Jan 2026 09:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('Mon, 05 Jan 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs(['1'], now)).toBeUndefined();
  });
});
