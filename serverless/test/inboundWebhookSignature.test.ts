/**
 * Twilio's signature on the built-in webhook handler, end to end over HTTP: the sandbox plays a
 * customer's message (`POST /_sandbox/inbound`) to an address whose webhook is the real backend's
 * handler, with the address's method and the webhook URL's own query string, signed as Twilio
 * signs (the full URL, query included, plus a POST's sorted parameters). Those calls must all get
 * through and make the conversation a task; a signature that is not Twilio's for exactly this
 * request — another token, a query string changed, added or dropped — must get 403.
 */
import twilio from 'twilio';

import type { InboundAction, InboundResult } from '../../sandbox/server/inbound/types';
import { messageAddedEvent, playInbound, quietNumber as quietNumberOf } from './accountFixtures';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const CUSTOMER = '+13115552368';
const account = () => t.sandbox.account;
const authToken = () => t.sandbox.credentials.authToken;
const quietNumber = () => quietNumberOf(account());
const flexServiceSid = () => String(account().flexConfiguration.flex_service_instance_sid);

/** Creates a webhook address through the sandbox's REST API, as the plugin would through Twilio's. */
async function webhookAddress(
  address: string,
  webhookUrl: string,
  method: 'POST' | 'GET',
  type: 'sms' | 'messenger' = 'sms',
): Promise<void> {
  const { accountSid } = t.sandbox.credentials;
  const response = await fetch(`${t.sandboxUrl}/conversations/v1/Configuration/Addresses`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${accountSid}:${authToken()}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      Type: type,
      Address: address,
      'AutoCreation.Enabled': 'true',
      'AutoCreation.Type': 'webhook',
      'AutoCreation.ConversationServiceSid': flexServiceSid(),
      'AutoCreation.WebhookUrl': webhookUrl,
      'AutoCreation.WebhookMethod': method,
    }),
  });
  if (response.status !== 201) throw new Error(`address create answered ${response.status}: ${await response.text()}`);
}

/** One customer message, played by the sandbox the way Twilio handles it. */
const play = (to: string, body: string, from = CUSTOMER) => playInbound(t.sandboxUrl, { from, to, body });

const webhookCalls = (result: InboundResult) =>
  result.actions.filter((a): a is Extract<InboundAction, { kind: 'webhook_delivered' | 'webhook_failed' }> =>
    ['webhook_delivered', 'webhook_failed'].includes(a.kind),
  );

describe('Twilio’s own calls get through, whatever the address’s method and query string', () => {
  test.each<[string, 'POST' | 'GET', string]>([
    ['POST, no query string', 'POST', ''],
    ['POST, ?tenant=a', 'POST', '?tenant=a'],
    ['POST, a query string of three fields, one escaped', 'POST', '?tenant=a&team=support%20EU&debug'],
    ['GET, no query string', 'GET', ''],
    ['GET, ?tenant=a&region=eu', 'GET', '?tenant=a&region=eu'],
  ])('%s: every event is answered 200 and the conversation becomes one task', async (_label, method, query) => {
    const number = quietNumber();
    const url = `${t.webhookUrl}${query}`;
    await webhookAddress(number, url, method);

    // A body with every character that escaping can get wrong.
    const first = await play(number, 'Hi & welcome = 100% + more ~ “quotes” ünïcode');
    const calls = webhookCalls(first);
    expect(calls.map((call) => call.event)).toEqual(['onConversationAdded', 'onParticipantAdded', 'onMessageAdded']);
    for (const call of calls) {
      expect(call).toMatchObject({ kind: 'webhook_delivered', url, method, status: 200, ok: true });
    }
    expect(first.interactions).toHaveLength(1);

    const second = await play(number, 'Anyone there?');
    expect(webhookCalls(second)).toEqual([
      expect.objectContaining({ kind: 'webhook_delivered', event: 'onMessageAdded', status: 200 }),
    ]);
    expect(second.interactions).toEqual(first.interactions);
  });
});

test('a Messenger message to a page whose address is the built-in handler becomes one messenger Interaction', async () => {
  const page = 'messenger:108811223344556';
  await webhookAddress(page, t.webhookUrl, 'POST', 'messenger');
  const first = await play(page, 'Hello from Messenger', 'messenger:7654321098765');
  expect(webhookCalls(first).every((call) => call.kind === 'webhook_delivered' && call.status === 200)).toBe(true);
  expect(first.interactions).toHaveLength(1);
  const second = await play(page, 'Still there?', 'messenger:7654321098765');
  expect(second.interactions).toEqual(first.interactions);
  const [interaction] = account()
    .interactions.all()
    .filter((i) => first.interactions.includes(String(i.sid)));
  expect(interaction.channel).toMatchObject({ type: 'messenger' });
});

/** An onMessageAdded event as a Conversations webhook sends it, for a conversation that exists. */
function messageAdded(): Record<string, string> {
  const [conversation] = account().conversations.all();
  if (!conversation) throw new Error('the demo account has no conversations');
  return messageAddedEvent(account(), conversation.sid);
}

/** A request sent straight to the handler: to `url` (query included), `params` as a form body (POST) or appended to the query (GET). */
async function send(
  method: 'POST' | 'GET',
  url: string,
  params: Record<string, string>,
  signature: string,
): Promise<FunctionResponse> {
  const form = new URLSearchParams(params).toString();
  const target = method === 'GET' ? `${url}${url.includes('?') ? '&' : '?'}${form}` : url;
  const headers: Record<string, string> = { 'X-Twilio-Signature': signature };
  if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(target, { method, headers, body: method === 'POST' ? form : undefined });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, headers: {}, body };
}

/** Twilio's signature for `method` to `url` (as configured) with `params`. */
function signed(method: 'POST' | 'GET', url: string, params: Record<string, string>, token = authToken()): string {
  if (method === 'POST') return twilio.getExpectedTwilioSignature(token, url, params);
  const form = new URLSearchParams(params).toString();
  return twilio.getExpectedTwilioSignature(token, `${url}${url.includes('?') ? '&' : '?'}${form}`, {});
}

describe('a signature that is not Twilio’s for exactly this request → 403, no Twilio request, no task', () => {
  const withQuery = () => `${t.webhookUrl}?tenant=a`;

  test.each<[string, 'POST' | 'GET', (params: Record<string, string>) => [url: string, signature: string]]>([
    [
      'POST, signed with another auth token',
      'POST',
      (p) => [withQuery(), signed('POST', withQuery(), p, 'f'.repeat(32))],
    ],
    ['GET, signed with another auth token', 'GET', (p) => [withQuery(), signed('GET', withQuery(), p, 'f'.repeat(32))]],
    ['POST, the query string changed', 'POST', (p) => [`${t.webhookUrl}?tenant=b`, signed('POST', withQuery(), p)]],
    ['GET, the query string changed', 'GET', (p) => [`${t.webhookUrl}?tenant=b`, signed('GET', withQuery(), p)]],
    ['POST, a query field added', 'POST', (p) => [withQuery(), signed('POST', t.webhookUrl, p)]],
    ['POST, the query string dropped', 'POST', (p) => [t.webhookUrl, signed('POST', withQuery(), p)]],
    ['GET, a query field added', 'GET', (p) => [`${withQuery()}&admin=1`, signed('GET', withQuery(), p)]],
    ['POST, a body field changed', 'POST', (p) => [withQuery(), signed('POST', withQuery(), { ...p, Body: 'x' })]],
    ['POST, not a signature at all', 'POST', () => [withQuery(), 'bm90IGEgc2lnbmF0dXJl']],
  ])('%s', async (_label, method, make) => {
    const params = messageAdded();
    const [url, signature] = make(params);
    t.clearLog();
    const response = await send(method, url, params, signature);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'signature_invalid' } });
    expect(t.log()).toEqual([]);
    expect(account().interactions.size).toBe(0);
  });

  test('the same requests, signed by Twilio for exactly that URL, are answered 200', async () => {
    for (const method of ['POST', 'GET'] as const) {
      for (const url of [withQuery(), `${t.webhookUrl}?tenant=b`, `${withQuery()}&admin=1`]) {
        const params = messageAdded();
        const response = await send(method, url, params, signed(method, url, params));
        expect({ method, url, status: response.status }).toEqual({ method, url, status: 200 });
      }
    }
  });
});

describe('the handler answers inside Twilio’s 5 s webhook timeout', () => {
  test('a hung Twilio read is cut off: a JSON 504 within the 4 s budget', async () => {
    const params = messageAdded();
    // Each read attempt is cut off at 2 s, and the one retry ends with the budget.
    t.faults({ latencyMs: 5000, pathIncludes: '/Conversations/CH' }, 1);
    const started = Date.now();
    const response = await send('POST', t.webhookUrl, params, signed('POST', t.webhookUrl, params));
    const took = Date.now() - started;
    expect(response.status).toBe(504);
    expect(response.body).toMatchObject({ error: { code: 'twilio_timeout' } });
    expect(took).toBeLessThan(4500);
  }, 15_000);
});
