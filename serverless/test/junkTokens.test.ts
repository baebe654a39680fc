/**
 * What junk tokens cost: a token that cannot be a Flex token is refused without asking IAM, and a
 * token IAM called invalid is remembered for a minute, so junk costs at most one IAM request per
 * distinct token per minute. IAM failing (5xx, 429) is never taken for "invalid".
 */
import { REJECTED_MAX, REJECTED_TTL_MS } from '../src/auth/validateFlexToken';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const tokenChecks = () => t.log().filter((entry) => entry.product === 'iam').length;
const outcome = (response: FunctionResponse) =>
  `${response.status} ${(response.body as { error?: { code?: string } }).error?.code ?? 'ok'}`;
const call = (token: string) => t.callFunction('list-studio-flows', { token });

/** A JWS header and claims, base64url, for shapes that differ from a token in one point only. */
const segment = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWS_HEADER = segment({ alg: 'HS256', typ: 'JWT' });
const CLAIMS = segment({ sub: 'x@example.com' });
const SIGNATURE = 'c2lnbmF0dXJlLWJ5dGVz';

describe('a token that cannot be a Flex token never reaches IAM', () => {
  test.each<[string, string]>([
    ['one word', 'not-a-token'],
    ['two segments', `${JWS_HEADER}.${CLAIMS}`],
    ['four segments', `${JWS_HEADER}.${CLAIMS}.${SIGNATURE}.${SIGNATURE}`],
    ['six segments', `${JWS_HEADER}..a.b.c.d`],
    ['an empty signature (an unsigned JWT)', `${JWS_HEADER}.${CLAIMS}.`],
    ['an empty JWE ciphertext', `${segment({ alg: 'dir', enc: 'A256GCM' })}..aaaa..bbbb`],
    ['a header that is not JSON (the harness’s garbage token)', t.tokens.garbage()],
    ['a header without alg', `${segment({ typ: 'JWT' })}.${CLAIMS}.${SIGNATURE}`],
    ['a header that is a JSON array', `${segment(['HS256'])}.${CLAIMS}.${SIGNATURE}`],
    ['standard base64 characters', `${JWS_HEADER}.${CLAIMS}.a+b/c`],
    ['base64 padding', `${JWS_HEADER}.${CLAIMS}.${SIGNATURE}==`],
    ['a segment of an impossible base64 length', `${JWS_HEADER}.${CLAIMS}.abcde`],
    ['spaces around it', ` ${JWS_HEADER}.${CLAIMS}.${SIGNATURE} `],
  ])('%s → 401 token_invalid, no IAM request', async (_what, token) => {
    t.clearLog();
    expect(outcome(await call(token))).toBe('401 token_invalid');
    expect(tokenChecks()).toBe(0);
  });

  test('200 distinct junk tokens cost no IAM request', async () => {
    t.clearLog();
    for (let i = 0; i < 200; i += 1) {
      expect(outcome(await call(`junk-${i}-${'x'.repeat(i)}`))).toBe('401 token_invalid');
    }
    expect(tokenChecks()).toBe(0);
  });

  test('tokens of both real shapes are asked about: a JWS and a Flex-style JWE', async () => {
    t.clearLog();
    expect(outcome(await call(t.tokens.forged()))).toBe('401 token_invalid');
    expect(outcome(await call(t.tokens.forgedJwe()))).toBe('401 token_invalid');
    expect(tokenChecks()).toBe(2);
    expect(outcome(await call(t.tokens.supervisor()))).toBe('200 ok');
  });
});

describe('a token IAM called invalid is remembered for a minute', () => {
  afterEach(() => jest.restoreAllMocks());

  test('one forged token sent 100 times, one after another and in parallel, costs one IAM request', async () => {
    const token = t.tokens.forged();
    t.clearLog();
    const first = await call(token);
    expect(outcome(first)).toBe('401 token_invalid');
    // The same answer each time: status and body (its Date header may cross a second boundary).
    for (let i = 0; i < 50; i += 1) {
      const again = await call(token);
      expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    }
    const parallel = await Promise.all(Array.from({ length: 49 }, () => call(token)));
    expect(parallel.map(outcome)).toEqual(parallel.map(() => '401 token_invalid'));
    expect(tokenChecks()).toBe(1);
  });

  test('an expired token: the remembered refusal keeps IAM’s reason', async () => {
    const token = t.tokens.expired();
    const first = await call(token);
    const again = await call(token);
    expect(again.body).toEqual(first.body);
    expect(JSON.stringify(again.body)).toMatch(/expired/i);
  });

  test('after the minute, the token is asked about again', async () => {
    const token = t.tokens.forged();
    await call(token);
    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + REJECTED_TTL_MS - 1000);
    await call(token);
    t.clearLog();
    jest.spyOn(Date, 'now').mockReturnValue(now + REJECTED_TTL_MS + 1000);
    expect(outcome(await call(token))).toBe('401 token_invalid');
    expect(tokenChecks()).toBe(1);
  });

  test('the memory is bounded: past its size the oldest refusals are forgotten first', async () => {
    const tokens = Array.from({ length: REJECTED_MAX + 1 }, () => t.tokens.forged());
    for (const token of tokens) await call(token);
    t.clearLog();
    await call(tokens[tokens.length - 1]);
    expect(tokenChecks()).toBe(0);
    await call(tokens[0]);
    expect(tokenChecks()).toBe(1);
  }, 60_000);

  test.each([
    ['500', { rate500: 1 }],
    ['429', { rate429: 1, retryAfterSeconds: 0 }],
  ])('IAM answering %s is not remembered as invalid, for a valid token nor a forged one', async (_status, fault) => {
    const valid = t.tokens.supervisor();
    const forged = t.tokens.forged();
    t.faults({ ...fault, products: ['iam'] }, 1);
    expect(outcome(await call(valid))).toBe('503 token_check_unavailable');
    expect(outcome(await call(forged))).toBe('503 token_check_unavailable');
    t.faults({}, 1);
    t.clearLog();
    expect(outcome(await call(valid))).toBe('200 ok');
    expect(outcome(await call(forged))).toBe('401 token_invalid');
    expect(tokenChecks()).toBe(2);
  });
});
