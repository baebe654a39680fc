import { errorReply, fakeResponse, refusal, type FakeReply } from '../../../test/fakeBackend';
import { resolveStrings } from '../strings';
import { BackendApiError, createBackendClient, type BackendClientOptions } from './backendClient';
import type { BackendEndpoint } from '../../../contract/types';

/**
 * Every backend function, as the retry rules must treat it. A Record, so adding a function to
 * BackendEndpoints without deciding here fails the type check.
 */
const ACCESS: Record<BackendEndpoint, 'read' | 'write'> = {
  'list-phone-numbers': 'read',
  'list-whatsapp-senders': 'read',
  'list-addresses': 'read',
  'list-studio-flows': 'read',
  'fetch-flex-configuration': 'read',
  'list-messaging-service-numbers': 'read',
  'list-flex-flows': 'read',
  'list-history': 'read',
  'trace-customer': 'read',
  'list-stuck-conversations': 'read',
  'list-alerts': 'read',
  'list-set-asides': 'read',
  'create-address': 'write',
  'update-address': 'write',
  'delete-address': 'write',
  'update-number-inbound': 'write',
  'set-default-conversation-service': 'write',
  'delete-flex-flow': 'write',
  'migrate-flex-flow': 'write',
  'revert-change': 'write',
  'close-conversation': 'write',
  'set-number-aside': 'write',
};
const endpoints = Object.keys(ACCESS) as BackendEndpoint[];
const READS = endpoints.filter((endpoint) => ACCESS[endpoint] === 'read');
const WRITES = endpoints.filter((endpoint) => ACCESS[endpoint] === 'write');

const ok = (body: unknown = { items: [], nextCursor: null }): FakeReply => ({ body });

/**
 * A client whose fetch answers from a script, one reply (or thrown error) per attempt, and whose
 * sleep records the waits instead of waiting.
 */
function scriptedClient(script: (FakeReply | Error)[], options: Partial<BackendClientOptions> = {}) {
  const replies = [...script];
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => {
    const next = replies.shift();
    if (!next) throw new Error('the test script has no more replies');
    if (next instanceof Error) throw next;
    return fakeResponse(next);
  });
  const sleep = jest.fn(async (_ms: number) => undefined);
  const client = createBackendClient({
    baseUrl: 'https://messaging-setup-1234-dev.twil.io',
    getToken: () => 'token',
    fetch,
    sleep,
    ...options,
  });
  return { client, fetch, sleep };
}

/** Any request is fine for the retry rules; the client does not look into it. */
const anyRequest = {} as never;

async function failureOf(promise: Promise<unknown>): Promise<BackendApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BackendApiError);
    return error as BackendApiError;
  }
  throw new Error('expected the call to fail');
}

describe('the request', () => {
  test('is a form POST to <baseUrl>/<endpoint> with the token and the JSON payload', async () => {
    const { client, fetch } = scriptedClient([ok()], { baseUrl: 'https://backend.example.com/' });
    await client.call('list-addresses', { type: 'whatsapp', cursor: 'abc' });

    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('https://backend.example.com/list-addresses');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    const form = new URLSearchParams(String(init?.body));
    expect([...form.keys()]).toEqual(['Token', 'Payload']);
    expect(form.get('Token')).toBe('token');
    expect(JSON.parse(form.get('Payload') ?? '')).toEqual({ type: 'whatsapp', cursor: 'abc' });
  });

  test('reads the token on every attempt, so a retry sends the refreshed one', async () => {
    const tokens = ['old-token', 'new-token'];
    const { client, fetch } = scriptedClient([errorReply(429, 'rate_limited', 'Too many requests.'), ok()], {
      getToken: () => tokens.shift() ?? 'none',
    });
    await client.call('create-address', anyRequest);
    const sent = fetch.mock.calls.map(([, init]) => new URLSearchParams(String(init?.body)).get('Token'));
    expect(sent).toEqual(['old-token', 'new-token']);
  });

  test('returns the JSON body of a 2xx answer', async () => {
    const { client } = scriptedClient([ok({ deleted: 'IG1' })]);
    await expect(client.call('delete-address', { sid: 'IG1' })).resolves.toEqual({ deleted: 'IG1' });
  });
});

describe('429 Too Many Requests', () => {
  test.each(WRITES)('is retried for the write %s, after the Retry-After seconds', async (endpoint) => {
    const { client, fetch, sleep } = scriptedClient([
      errorReply(429, 'rate_limited', 'Too many requests.', undefined, { 'Retry-After': '2' }),
      ok({ sid: 'IG1' }),
    ]);
    await expect(client.call(endpoint, anyRequest)).resolves.toEqual({ sid: 'IG1' });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sleep.mock.calls).toEqual([[2000]]);
  });

  test('is retried for reads too', async () => {
    const { client, fetch } = scriptedClient([errorReply(429, 'rate_limited', 'Too many requests.'), ok()]);
    await client.call('list-phone-numbers', {});
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test('honours a Retry-After given as an HTTP date', async () => {
    const inThreeSeconds = new Date(Date.now() + 3000).toUTCString();
    const { client, sleep } = scriptedClient([
      errorReply(429, 'rate_limited', 'Too many requests.', undefined, { 'Retry-After': inThreeSeconds }),
      ok(),
    ]);
    await client.call('update-address', anyRequest);
    const [[waited]] = sleep.mock.calls;
    // HTTP dates have whole seconds: the wait is what is left of the third second.
    expect(waited).toBeGreaterThan(1000);
    expect(waited).toBeLessThanOrEqual(3000);
  });

  test('without Retry-After, waits with exponential backoff', async () => {
    const tooMany = errorReply(429, 'rate_limited', 'Too many requests.');
    const { client, sleep } = scriptedClient([tooMany, tooMany, tooMany, ok()], { baseDelayMs: 100 });
    await client.call('create-address', anyRequest);
    expect(sleep.mock.calls).toEqual([[100], [200], [400]]);
  });

  test('gives up after maxRetries with the backend message', async () => {
    const tooMany = errorReply(429, 'rate_limited', 'Twilio is rate limiting this account.');
    const { client, fetch } = scriptedClient([tooMany, tooMany, tooMany], { maxRetries: 2 });
    const error = await failureOf(client.call('create-address', anyRequest));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({
      status: 429,
      code: 'rate_limited',
      message: 'Twilio is rate limiting this account.',
    });
  });

  test('each retry is told to the caller before it is waited for: which attempt, of how many, why', async () => {
    const tooMany = errorReply(429, 'rate_limited', 'Too many requests.', undefined, { 'Retry-After': '1' });
    const { client } = scriptedClient([tooMany, tooMany, ok({ sid: 'IG1' })]);
    const onRetry = jest.fn();
    await client.call('create-address', anyRequest, { onRetry });
    expect(onRetry.mock.calls).toEqual([
      [{ attempt: 2, attempts: 4, reason: 'rate_limited', waitMs: 1000 }],
      [{ attempt: 3, attempts: 4, reason: 'rate_limited', waitMs: 1000 }],
    ]);
  });

  test('is not retried when the caller re-queues rate-limited calls itself (retryRateLimited: false)', async () => {
    const { client, fetch, sleep } = scriptedClient([errorReply(429, 'rate_limited', 'Too many requests.'), ok()]);
    const error = await failureOf(client.call('create-address', anyRequest, { retryRateLimited: false }));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
  });
});

describe('5xx server errors', () => {
  test.each(READS)('are retried for the read %s', async (endpoint) => {
    const { client, fetch, sleep } = scriptedClient([
      errorReply(500, 'twilio_error', 'Twilio failed.'),
      errorReply(503, 'twilio_error', 'Twilio is unavailable.', undefined, { 'Retry-After': '1' }),
      ok({ items: ['x'], nextCursor: null }),
    ]);
    await expect(client.call(endpoint, anyRequest)).resolves.toEqual({ items: ['x'], nextCursor: null });
    expect(fetch).toHaveBeenCalledTimes(3);
    // The first wait is the backoff; the second follows Retry-After.
    expect(sleep.mock.calls).toEqual([[300], [1000]]);
  });

  test.each(WRITES)('are never retried for the write %s: the change may have been made', async (endpoint) => {
    const { client, fetch, sleep } = scriptedClient([errorReply(500, 'twilio_error', 'Twilio failed.'), ok()]);
    const error = await failureOf(client.call(endpoint, anyRequest));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(error).toMatchObject({ status: 500, code: 'twilio_error', message: 'Twilio failed.' });
  });

  test('a read the backend timed out on (504) is not sent again: its retries are spent already', async () => {
    const timedOut = errorReply(504, 'twilio_timeout', 'Twilio did not answer in time. Try again in a moment.');
    const { client, fetch, sleep } = scriptedClient([timedOut, ok()]);
    const error = await failureOf(client.call('list-flex-flows', {}));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(error).toMatchObject({ status: 504, code: 'twilio_timeout', message: expect.stringMatching(/in time/) });
  });

  test('a read retried after a server error or no answer says so too; a first answer that is fine says nothing', async () => {
    const { client } = scriptedClient([errorReply(500, 'internal', 'Boom.'), new TypeError('Failed to fetch'), ok()], {
      baseDelayMs: 100,
    });
    const onRetry = jest.fn();
    await client.call('list-phone-numbers', {}, { onRetry });
    expect(onRetry.mock.calls.map(([notice]) => [notice.attempt, notice.reason])).toEqual([
      [2, 'server_error'],
      [3, 'unreachable'],
    ]);
    const quiet = jest.fn();
    await scriptedClient([ok()]).client.call('list-phone-numbers', {}, { onRetry: quiet });
    expect(quiet).not.toHaveBeenCalled();
  });

  test('a read gives up after maxRetries', async () => {
    const failed = errorReply(502, 'twilio_error', 'Twilio failed.');
    const { client, fetch } = scriptedClient([failed, failed, failed, failed]);
    const error = await failureOf(client.call('list-studio-flows', {}));
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(error.status).toBe(502);
  });

  test('a body that is not our JSON gets a generic message with the status', async () => {
    const { client } = scriptedClient([{ status: 502, body: '<html>Bad gateway</html>' }]);
    const error = await failureOf(client.call('delete-address', { sid: 'IG1' }));
    expect(error).toMatchObject({
      status: 502,
      code: 'http_error',
      message: 'The Messaging Setup backend answered with HTTP 502.',
    });
  });
});

describe('network errors and timeouts', () => {
  test('a read is retried after a network error', async () => {
    const { client, fetch } = scriptedClient([new TypeError('Failed to fetch'), ok()]);
    await client.call('list-whatsapp-senders', {});
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  test.each(WRITES)(
    'a write (%s) is not re-sent after a network error, and says it may have happened',
    async (endpoint) => {
      const { client, fetch, sleep } = scriptedClient([new TypeError('Failed to fetch'), ok()]);
      const error = await failureOf(client.call(endpoint, anyRequest));
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(sleep).not.toHaveBeenCalled();
      expect(error.status).toBe(0);
      expect(error.code).toBe('unreachable');
      expect(error.message).toMatch(/may not have been made/);
    },
  );

  test('a read that cannot reach the backend at all says so', async () => {
    const lost = new TypeError('Failed to fetch');
    const { client, fetch } = scriptedClient([lost, lost, lost, lost]);
    const error = await failureOf(client.call('list-addresses', {}));
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(error).toMatchObject({ status: 0, code: 'unreachable' });
    expect(error.message).toMatch(/Could not reach the Messaging Setup backend/);
  });

  /** A fetch that answers only by failing when the client aborts it (its timeout). */
  const hangingFetch = () =>
    jest.fn(
      (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );

  test('a write that times out is aborted and not re-sent', async () => {
    const fetch = hangingFetch();
    const client = createBackendClient({ baseUrl: 'https://b.example', getToken: () => 't', fetch, timeoutMs: 5 });
    const error = await failureOf(client.call('create-address', anyRequest));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0][1]?.signal?.aborted).toBe(true);
    expect(error.code).toBe('unreachable');
  });

  test('a read that times out is tried again', async () => {
    const fetch = hangingFetch();
    const client = createBackendClient({
      baseUrl: 'https://b.example',
      getToken: () => 't',
      fetch,
      timeoutMs: 5,
      maxRetries: 1,
      sleep: async () => undefined,
    });
    await failureOf(client.call('list-phone-numbers', {}));
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe('401 after Flex renewed the token', () => {
  /** A token source that Flex renews once `renew()` is called (as Flex does on its own timer). */
  function renewingToken(...tokens: string[]) {
    let current = 0;
    return { getToken: () => tokens[current], renew: () => (current += 1) };
  }
  const sentTokens = (fetch: jest.Mock) =>
    fetch.mock.calls.map(([, init]) => new URLSearchParams(String((init as RequestInit).body)).get('Token'));

  test.each(['list-phone-numbers', 'create-address'] as const)(
    '%s is sent once more with the new token (the backend refused before doing anything)',
    async (endpoint) => {
      const token = renewingToken('old-token', 'new-token');
      const { client, fetch, sleep } = scriptedClient([ok({ sid: 'IG1' })], { getToken: token.getToken });
      // The first answer: refused, and meanwhile Flex renewed the token.
      fetch.mockImplementationOnce(async () => {
        token.renew();
        return fakeResponse(errorReply(401, 'token_invalid', 'Your Flex sign-in is not valid (expired).'));
      });
      await expect(client.call(endpoint, anyRequest)).resolves.toEqual({ sid: 'IG1' });
      expect(sentTokens(fetch)).toEqual(['old-token', 'new-token']);
      expect(sleep).not.toHaveBeenCalled();
    },
  );

  test('only once: a second 401 is the answer, even if the token changed again', async () => {
    const token = renewingToken('first', 'second', 'third');
    const refused = () => {
      token.renew();
      return Promise.resolve(fakeResponse(errorReply(401, 'token_invalid', 'Not valid.')));
    };
    const { client, fetch } = scriptedClient([], { getToken: token.getToken });
    fetch.mockImplementation(refused);
    const error = await failureOf(client.call('create-address', anyRequest));
    expect(error).toMatchObject({ status: 401, code: 'token_invalid' });
    expect(sentTokens(fetch)).toEqual(['first', 'second']);
  });

  test('a 401 with the token unchanged is not retried', async () => {
    const { client, fetch } = scriptedClient([errorReply(401, 'token_invalid', 'Not valid.'), ok()]);
    await expect(failureOf(client.call('list-addresses', anyRequest))).resolves.toMatchObject({ status: 401 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('4xx answers', () => {
  test.each([
    [400, 'list-addresses'],
    [401, 'list-phone-numbers'],
    [403, 'create-address'],
    [404, 'update-address'],
    [409, 'create-address'],
  ] as const)('%i is not retried (%s) and keeps the message, code and field errors', async (status, endpoint) => {
    const fields = { retryCount: 'Enter a whole number from 0 to 3.' };
    const { client, fetch } = scriptedClient([errorReply(status, 'refused', 'Refused for a reason.', fields), ok()]);
    const error = await failureOf(client.call(endpoint, anyRequest));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ status, code: 'refused', message: 'Refused for a reason.', fields });
  });
});

describe('the backend’s words, in the view’s strings', () => {
  const strings = resolveStrings({
    MessagingSetupRefusalForbidden: 'Only {{roles}} may open this.',
    MessagingSetupRuleRetryCount: 'Between {{min}} and {{max}}, please.',
  });
  const forbidden = refusal(403, 'forbidden', {
    key: 'MessagingSetupRefusalForbidden',
    values: { roles: 'admin, supervisor' },
  });

  test('a refusal with a key is worded with the view’s strings: an account’s override reaches it', async () => {
    const { client } = scriptedClient([forbidden], { strings });
    const error = await failureOf(client.call('list-phone-numbers', {}));
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'Only admin, supervisor may open this.' });
  });

  test('without an account’s override, the English the backend sent', async () => {
    const { client } = scriptedClient([forbidden]);
    const error = await failureOf(client.call('list-phone-numbers', {}));
    expect(error.message).toBe('Messaging Setup needs one of these Flex roles: admin, supervisor.');
  });

  test('field problems are worded the same way; a field without one keeps its English', async () => {
    const reply = refusal(
      400,
      'invalid_input',
      { key: 'MessagingSetupRuleFieldsSummary', values: { problems: { list: [], separator: ' ' } } },
      { retryCount: { key: 'MessagingSetupRuleRetryCount', values: { min: 0, max: 3 } } },
    );
    const body = reply.body as { error: { fields: Record<string, string> } };
    body.error.fields.friendlyName = 'Use at most 256 characters.';
    const { client } = scriptedClient([reply], { strings });
    const error = await failureOf(client.call('create-address', anyRequest));
    expect(error.fields).toEqual({
      retryCount: 'Between 0 and 3, please.',
      friendlyName: 'Use at most 256 characters.',
    });
  });

  test('an older backend (no key) or a key this plugin does not know: the message as sent', async () => {
    const unknownKey = errorReply(403, 'forbidden', 'Only for admins.');
    (unknownKey.body as { error: Record<string, unknown> }).error.messageKey = 'MessagingSetupRefusalFromTheFuture';
    const { client } = scriptedClient([errorReply(403, 'forbidden', 'Not for you.'), unknownKey], { strings });
    expect((await failureOf(client.call('create-address', anyRequest))).message).toBe('Not for you.');
    expect((await failureOf(client.call('create-address', anyRequest))).message).toBe('Only for admins.');
  });
});
