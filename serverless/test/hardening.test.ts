/**
 * The backend's hardening (docs/SECURITY.md), over HTTP with the real twilio-node client:
 *
 * - CORS: exactly https://flex.twilio.com and MESSAGING_SETUP_ALLOWED_ORIGINS, on every kind of
 *   answer, never `*`; the webhook handler, which only Twilio calls, sends no CORS header at all;
 * - no internals in an error answer — when Twilio fails (the sandbox's injected 500s), answers
 *   garbage (a stand-in that passes token checks to the sandbox and garbles everything else), or
 *   the code throws — only `{"error": {code, message}}` with a generic message;
 * - request size: the whole request (token, payload, any other field, however many) and the
 *   webhook's, refused with 413 before any Twilio request.
 */
import type http from 'node:http';

import { localServerForTests } from '../../sandbox/test/localServer';
import { MAX_WEBHOOK_BYTES } from '../src/functions/inbound-webhook';
import { MAX_PAYLOAD_BYTES, MAX_REQUEST_BYTES } from '../src/http/flexFunction';
import {
  beyondTokenCheck,
  errorBodyProblems,
  setUpBackend,
  TEST_ORIGIN,
  type CallOptions,
  type FunctionResponse,
} from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const FLEX_ORIGIN = 'https://flex.twilio.com';

/** Twilio products besides IAM: faulting these leaves the token check working. */
const TWILIO_PRODUCTS_BUT_IAM = ['api', 'conversations', 'flex-api', 'messaging', 'studio'];

function someConversation(): string {
  const [conversation] = account().conversations.all();
  if (!conversation) throw new Error('the demo account has no conversations');
  return conversation.sid;
}

/** An onMessageAdded event from a customer, as Conversations sends it. */
function customerMessage(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    EventType: 'onMessageAdded',
    AccountSid: account().accountSid,
    ConversationSid: someConversation(),
    MessageSid: `IM${'7'.repeat(32)}`,
    Author: '+14155550199',
    Body: 'Hello',
    Source: 'SMS',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------

describe('CORS: exactly the configured origins, on every answer', () => {
  /** One call for each kind of answer a browser can get. */
  const answers: { status: number; call: () => CallOptions }[] = [
    { status: 200, call: () => ({ token: t.tokens.supervisor() }) },
    { status: 401, call: () => ({ token: t.tokens.garbage() }) },
    { status: 403, call: () => ({ token: t.tokens.agent() }) },
    { status: 400, call: () => ({ token: t.tokens.supervisor(), extraFields: { Extra: 'x' } }) },
    { status: 413, call: () => ({ token: t.tokens.supervisor(), rawPayload: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }) },
  ];
  const allowed = [FLEX_ORIGIN, TEST_ORIGIN];
  const lookAlikes = [
    'http://flex.twilio.com',
    'https://flex.twilio.com.evil.example',
    'https://evil.flex.twilio.com',
    'https://flex.twilio.com:8443',
    'https://flex.twilio.com/',
    'https://evil.example',
    'null',
  ];

  async function answersFor(origin: string): Promise<FunctionResponse[]> {
    const responses: FunctionResponse[] = [];
    for (const { status, call } of answers) {
      const response = await t.callFunction('list-studio-flows', { ...call(), origin });
      expect({ origin, status: response.status }).toEqual({ origin, status });
      responses.push(response);
    }
    return responses;
  }

  test.each(allowed)('%s gets itself as Access-Control-Allow-Origin on 200, 401, 403, 400 and 413', async (origin) => {
    for (const response of await answersFor(origin)) {
      expect(response.headers['access-control-allow-origin']).toBe(origin);
      expect(response.headers.vary).toMatch(/Origin/);
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  test.each(lookAlikes)('%s gets no CORS header on any answer', async (origin) => {
    for (const response of await answersFor(origin)) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-methods']).toBeUndefined();
      expect(response.headers.vary).toMatch(/Origin/);
    }
  });

  test('MESSAGING_SETUP_ALLOWED_ORIGINS is a comma-separated list; Flex’s origin stays allowed', async () => {
    t.env.MESSAGING_SETUP_ALLOWED_ORIGINS = ' https://flex.example.com , https://agents.example.com:8443';
    const token = t.tokens.supervisor();
    const origins = {
      'https://flex.example.com': 'https://flex.example.com',
      'https://agents.example.com:8443': 'https://agents.example.com:8443',
      [FLEX_ORIGIN]: FLEX_ORIGIN,
      [TEST_ORIGIN]: undefined,
      'https://agents.example.com': undefined,
    };
    for (const [origin, expected] of Object.entries(origins)) {
      const response = await t.callFunction('list-studio-flows', { token, origin });
      expect({ origin, allowed: response.headers['access-control-allow-origin'] }).toEqual({
        origin,
        allowed: expected,
      });
    }
  });

  test('an empty MESSAGING_SETUP_ALLOWED_ORIGINS allows Flex’s origin only, and never a wildcard', async () => {
    t.env.MESSAGING_SETUP_ALLOWED_ORIGINS = '';
    const token = t.tokens.supervisor();
    const flex = await t.callFunction('list-studio-flows', { token, origin: FLEX_ORIGIN });
    const local = await t.callFunction('list-studio-flows', { token, origin: TEST_ORIGIN });
    expect(flex.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
    t.env.MESSAGING_SETUP_ALLOWED_ORIGINS = '*';
    const wildcard = await t.callFunction('list-studio-flows', { token, origin: 'https://evil.example' });
    expect(wildcard.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the webhook handler, called by Twilio and never by a browser, sends no CORS header', async () => {
    const signed = await t.callWebhook(customerMessage(), { origin: FLEX_ORIGIN });
    const unsigned = await t.callWebhook(customerMessage(), { origin: FLEX_ORIGIN, signature: null });
    expect([signed.status, unsigned.status]).toEqual([200, 403]);
    for (const response of [signed, unsigned]) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** What an error answer must not carry: internals of the backend, of Twilio, or credentials. */
function leaks(response: FunctionResponse): string[] {
  const text = JSON.stringify(response.body);
  const { accountSid, authToken } = t.sandbox.credentials;
  const signs: [string, boolean][] = [
    ['a stack frame', /\bat\s+\S+\s+\(|\bat\s+\S+:\d+:\d+/.test(text)],
    ['a file path', /\/(?:work|home|root|tmp|usr|var|opt|srv|app|task)\/|[A-Za-z]:\\\\/.test(text)],
    ['node_modules', text.includes('node_modules')],
    ['a source file name', /\b[\w.-]+\.(?:[cm]?js|tsx?)\b/.test(text)],
    ['an error class name', /\b(?:Type|Syntax|Reference|Range)Error\b|RestException/.test(text)],
    ['an account SID', /AC[0-9a-fA-F]{32}/.test(text) || text.includes(accountSid)],
    ['the auth token', text.includes(authToken)],
  ];
  return [
    ...errorBodyProblems(response.body),
    ...signs.filter(([, found]) => found).map(([what]) => `${what} in ${text}`),
    ...(/^application\/json/.test(response.headers['content-type'] ?? '') ? [] : ['not a JSON answer']),
  ];
}

const errorOf = (response: FunctionResponse) => (response.body as { error: { code: string; message: string } }).error;

/** `status code` of an answer whose body leaks nothing (else the leaks, to show in the failure). */
function outcome(response: FunctionResponse): string {
  const problems = leaks(response);
  return problems.length > 0 ? problems.join('; ') : `${response.status} ${errorOf(response).code}`;
}

/** What the operator gets instead: unexpected errors, in full, in the Functions log. */
let logged: jest.SpyInstance;
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => logged.mockRestore());
const loggedUnexpected = () => logged.mock.calls.filter((call) => String(call[0]).includes('unexpected error'));

/** A broken Twilio's answer to every request but IAM's token checks. */
interface GarbledAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * A stand-in for Twilio answering garbage: the token checks (`/iam/…`) are passed to the sandbox,
 * so callers get past them, and every other request gets `answer`. The backend reaches it as it
 * reaches the sandbox (TWILIO_SANDBOX_URL), with the same twilio-node client and transport.
 */
function garblingTwilio() {
  const state: { answer: GarbledAnswer } = { answer: { status: 200, contentType: 'text/plain', body: '' } };

  async function forward(req: http.IncomingMessage, res: http.ServerResponse, body: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'authorization', 'user-agent']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const answer = await fetch(`${t.sandboxUrl}${req.url ?? ''}`, { method: req.method, headers, body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(await answer.text());
  }

  const server = localServerForTests(async (req, body, res) => {
    if (req.url?.startsWith('/iam/')) return forward(req, res, body.toString());
    res.writeHead(state.answer.status, { 'content-type': state.answer.contentType });
    res.end(state.answer.body);
  });

  return {
    /** Points the backend at the stand-in (until the end of the test), answering `answer`. */
    use(answer: GarbledAnswer): void {
      state.answer = answer;
      t.env.TWILIO_SANDBOX_URL = server.url();
    },
  };
}

describe('no internals in an error answer', () => {
  const garbling = garblingTwilio();
  const sid = () => t.sandbox.credentials.accountSid;
  const json = (status: number, body: unknown): GarbledAnswer => ({
    status,
    contentType: 'application/json',
    body: JSON.stringify(body),
  });
  const STACK = 'TypeError: x is undefined\n    at handler (/var/task/node_modules/app/index.js:10:5)';
  const TRUNCATED: GarbledAnswer = { status: 200, contentType: 'application/json', body: '{"sid": "PN0123' };

  test('Twilio answering 500 (sandbox faults): reads and writes get a generic 502', async () => {
    t.faults({ rate500: 1, products: TWILIO_PRODUCTS_BUT_IAM }, 1);
    const token = t.tokens.supervisor();
    const read = await t.callFunction('list-phone-numbers', { token });
    const write = await t.callFunction('delete-address', { token, payload: { sid: account().addresses.all()[0].sid } });
    expect([outcome(read), outcome(write)]).toEqual(['502 twilio_unavailable', '502 twilio_unavailable']);
    expect(t.log().filter((e) => e.status === 500).length).toBeGreaterThan(0);
  });

  test('IAM answering 500: the token check fails with a generic 503', async () => {
    t.faults({ rate500: 1, products: ['iam'] }, 1);
    const response = await t.callFunction('list-phone-numbers', { token: t.tokens.supervisor() });
    expect(outcome(response)).toBe('503 token_check_unavailable');
  });

  test('the webhook handler with Twilio answering 500 gets a generic 502', async () => {
    t.faults({ rate500: 1 }, 1);
    expect(outcome(await t.callWebhook(customerMessage()))).toBe('502 twilio_unavailable');
  });

  test.each<[string, string, () => GarbledAnswer]>([
    [
      'a 500 HTML page naming files and a stack',
      '502 twilio_unavailable',
      () => ({ status: 500, contentType: 'text/html', body: `<html><pre>${STACK}</pre></html>` }),
    ],
    [
      'a 503 JSON error with a stack in its message',
      '502 twilio_unavailable',
      () => json(503, { code: 20503, message: STACK, more_info: 'x', status: 503 }),
    ],
    ['a 200 with truncated JSON', '500 internal', () => TRUNCATED],
    [
      'a 200 with an HTML page (a proxy’s)',
      '500 internal',
      () => ({ status: 200, contentType: 'text/html', body: '<html><body>Sign in to the proxy</body></html>' }),
    ],
    [
      'a 200 whose records are not objects (twilio-node throws a TypeError)',
      '500 internal',
      () => json(200, { incoming_phone_numbers: [null], next_page_uri: null }),
    ],
    [
      'a 200 of some other resource (twilio-node throws a plain Error)',
      '500 internal',
      () => json(200, { unexpected: true }),
    ],
  ])('Twilio answering %s → %s, generic', async (_what, expected, answer) => {
    const token = t.tokens.supervisor();
    garbling.use(answer());
    const response = await t.callFunction('list-phone-numbers', { token });
    expect(outcome(response)).toBe(expected);
    if (expected === '500 internal') {
      expect(errorOf(response).message).toBe('Something went wrong in the Messaging Setup backend.');
      expect(loggedUnexpected()).toHaveLength(1);
    }
  });

  test('Twilio’s message of a 4xx is shown: its first line, without the account SID', async () => {
    const token = t.tokens.supervisor();
    const path = `/2010-04-01/Accounts/${sid()}/IncomingPhoneNumbers.json`;
    garbling.use(
      json(404, {
        code: 20404,
        message: `The requested resource ${path} was not found\n${STACK}`,
        more_info: 'https://www.twilio.com/docs/errors/20404',
        status: 404,
      }),
    );
    const response = await t.callFunction('list-phone-numbers', { token });
    expect(outcome(response)).toBe('404 not_found');
    expect(errorOf(response).message).toBe(
      'The requested resource /2010-04-01/Accounts/AC…/IncomingPhoneNumbers.json was not found',
    );
  });

  test('a 4xx whose message is empty, or not a message, gets a generic one', async () => {
    const token = t.tokens.supervisor();
    const answers = [
      json(404, { code: 20404, more_info: 'x', status: 404 }),
      json(400, { code: 20001, message: 'x'.repeat(5000), more_info: 'x', status: 400 }),
      { status: 404, contentType: 'text/html', body: '<html>Not Found</html>' },
    ];
    const seen: string[] = [];
    for (const answer of answers) {
      garbling.use(answer);
      const response = await t.callFunction('list-phone-numbers', { token });
      seen.push(`${outcome(response)}: ${errorOf(response).message}`);
    }
    expect(seen).toEqual([
      '404 not_found: Twilio has no such resource.',
      '400 twilio_rejected: Twilio refused the request.',
      '404 not_found: [HTTP 404] Failed to execute request',
    ]);
  });

  test('the webhook handler with Twilio answering garbage gets a generic error', async () => {
    garbling.use(TRUNCATED);
    expect(outcome(await t.callWebhook(customerMessage()))).toBe('500 internal');
  });

  test('code throwing a plain Error (twilio-node refusing a misconfigured account SID) → generic 500', async () => {
    t.env.ACCOUNT_SID = 'not-an-account-sid';
    const flex = await t.callFunction('list-phone-numbers', { token: t.tokens.supervisor() });
    const webhook = await t.callWebhook(customerMessage());
    expect([outcome(flex), outcome(webhook)]).toEqual(['500 internal', '500 internal']);
    expect(JSON.stringify([flex.body, webhook.body])).not.toContain('not-an-account-sid');
    expect(loggedUnexpected()).toHaveLength(2);
    expect(t.log()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

describe('request size', () => {
  const tooLarge = 'x'.repeat(MAX_REQUEST_BYTES);

  test.each<[string, () => CallOptions]>([
    ['a huge Token', () => ({ token: tooLarge })],
    ['a huge Payload with a valid token', () => ({ token: t.tokens.supervisor(), rawPayload: tooLarge })],
    ['an extra field', () => ({ token: t.tokens.supervisor(), extraFields: { Notes: tooLarge } })],
    [
      'many fields',
      () => ({
        token: t.tokens.supervisor(),
        extraFields: Object.fromEntries(
          Array.from({ length: 900 }, (_, i) => [`Field${i}`, 'x'.repeat(MAX_REQUEST_BYTES / 900)]),
        ),
      }),
    ],
  ])('%s over the whole-request limit → 413 before any Twilio request, the token check included', async (_w, call) => {
    const options = call();
    t.clearLog();
    for (const name of ['list-phone-numbers', 'create-address'] as const) {
      const response = await t.callFunction(name, { ...options, origin: FLEX_ORIGIN });
      expect(outcome(response)).toBe('413 payload_too_large');
      expect(response.headers['access-control-allow-origin']).toBe(FLEX_ORIGIN);
    }
    expect(t.log()).toEqual([]);
  });

  test('the largest payload and the longest token the backend accepts fit in the whole-request limit', () => {
    // Payload 16 KB, Token 8 KB, the field names: a request no single-field check refuses is not a 413.
    expect(MAX_REQUEST_BYTES).toBeGreaterThanOrEqual(MAX_PAYLOAD_BYTES + 8192 + 'Token'.length + 'Payload'.length);
  });

  test('a request just under the limit is not refused for its size', async () => {
    const token = t.tokens.supervisor();
    const rawPayload = JSON.stringify({ cursor: 'A'.repeat(MAX_PAYLOAD_BYTES - 20) });
    const response = await t.callFunction('list-phone-numbers', { token, rawPayload });
    expect(outcome(response)).toBe('400 invalid_cursor');
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('an oversize webhook request → 413 before the signature check, with no Twilio request', async () => {
    const huge = customerMessage({ Attributes: JSON.stringify({ note: 'x'.repeat(MAX_WEBHOOK_BYTES) }) });
    t.clearLog();
    const signed = await t.callWebhook(huge);
    const unsigned = await t.callWebhook(huge, { signature: null });
    expect([outcome(signed), outcome(unsigned)]).toEqual(['413 payload_too_large', '413 payload_too_large']);
    expect(t.log()).toEqual([]);
    expect(account().interactions.size).toBe(0);
    // A real event's size is far inside the limit: the same message, without the padding, is routed.
    expect((await t.callWebhook(customerMessage())).body).toMatchObject({ outcome: 'created' });
  });
});
