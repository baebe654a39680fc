/**
 * Issue #26, a stuck conversation closed, over HTTP against the sandbox: a customer whose task an
 * agent completed writes again and their message joins the old conversation, which reaches no
 * one; the trace names it, close-conversation closes it (recorded; not revertible: closed is
 * final), and the customer's next message starts a new conversation that makes exactly one new
 * Interaction. A conversation whose task is still open is never closed.
 */
import twilio from 'twilio';

import type { HistoryEntry, ListHistoryResponse, TraceCustomerResponse } from '../../src/contract/types';
import { buildConversation, buildParticipant, participantsOf } from '../../sandbox/server/resources/conversations';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { builtInAddress, playInbound, quietNumber } from './accountFixtures';
import { beyondTokenCheck, errorBodyProblems, setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const CUSTOMER = '+13115550140';
const account = () => t.sandbox.account;
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};
const flexService = () => String(account().flexConfiguration.flex_service_instance_sid);
const close = (sid: string, { token = t.tokens.admin(), serviceSid = flexService() } = {}) =>
  t.callFunction('close-conversation', { token, payload: { sid, serviceSid } });

const bodyOf = <T>(response: FunctionResponse): T => {
  expect({
    status: response.status,
    problems: response.status === 200 ? [] : errorBodyProblems(response.body),
  }).toEqual({ status: 200, problems: [] });
  return response.body as T;
};

async function trace(customer: string): Promise<TraceCustomerResponse> {
  return bodyOf(await t.callFunction('trace-customer', { token: t.tokens.supervisor(), payload: { customer } }));
}

async function history(): Promise<HistoryEntry[]> {
  const answer = bodyOf<ListHistoryResponse>(
    await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: {} }),
  );
  return answer.items;
}

/** A number whose address hands conversations to the built-in handler, which makes their Interactions. */
async function numberRoutedToFlex(): Promise<string> {
  const number = quietNumber(account());
  await builtInAddress(rest(), account(), { type: 'sms', address: number, webhookUrl: t.webhookUrl });
  return number;
}

const completeTask = async (taskSid: string) => {
  const response = await fetch(`${t.sandboxUrl}/_sandbox/tasks/${taskSid}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'resolved by the agent' }),
  });
  expect(response.status).toBe(200);
};

/** The customer wrote, got a task, the agent completed it; the conversation stayed active. */
async function stuckCustomer() {
  const number = await numberRoutedToFlex();
  const first = await playInbound(t.sandboxUrl, { from: CUSTOMER, to: number, body: 'Where is my order?' });
  expect(first.interactions).toHaveLength(1);
  const conversationSid = first.conversation!.sid;
  const [task] = (await trace(CUSTOMER)).conversations[0].tasks;
  await completeTask(task.sid);
  return { number, conversationSid };
}

test('a stuck customer: traced, closed, and their next message makes exactly one new Interaction', async () => {
  const { number, conversationSid } = await stuckCustomer();
  // Their next message joins the old conversation and makes no task: it reaches no one.
  const again = await playInbound(t.sandboxUrl, { from: CUSTOMER, to: number, body: 'Hello?' });
  expect(again.conversation).toMatchObject({ sid: conversationSid, created: false });
  expect(again.interactions).toHaveLength(1);
  expect((await trace(CUSTOMER)).stoppedAt).toMatchObject({ conversationSid, verdict: 'task-ended-still-open' });

  const closed = bodyOf<{ conversationSid: string; previousState: string; state: string; history: unknown }>(
    await close(conversationSid),
  );
  expect(closed).toMatchObject({
    conversationSid,
    previousState: 'active',
    state: 'closed',
    history: { recorded: true },
  });
  expect((await rest().conversations.v1.conversations(conversationSid).fetch()).state).toBe('closed');

  const next = await playInbound(t.sandboxUrl, { from: CUSTOMER, to: number, body: 'Anyone?' });
  expect(next.conversation?.created).toBe(true);
  expect(next.conversation?.sid).not.toBe(conversationSid);
  expect(next.interactions).toHaveLength(1);
  const traced = await trace(CUSTOMER);
  expect(traced.stoppedAt).toMatchObject({ conversationSid: next.conversation?.sid, verdict: 'waiting-for-agent' });
  expect(traced.conversations.map((c) => c.verdict)).toEqual(['waiting-for-agent', 'closed']);
});

test('the close is recorded with who, the customer and the states, and its revert is refused: closed is final', async () => {
  const { number, conversationSid } = await stuckCustomer();
  bodyOf(await close(conversationSid));
  const [entry] = await history();
  expect(entry).toMatchObject({
    kind: 'close-conversation',
    outcome: 'succeeded',
    resource: { type: 'conversation', sid: conversationSid, address: CUSTOMER },
    before: { conversation: { state: 'active', customer: CUSTOMER, ourAddress: number } },
    after: { conversation: { state: 'closed', customer: CUSTOMER, ourAddress: number } },
  });
  expect(entry.who.identity).toMatch(/@example\.com$/);
  const revert = await t.callFunction('revert-change', { token: t.tokens.admin(), payload: { id: entry.id } });
  expect(revert.status).toBe(409);
  expect((revert.body as { error: { code: string; message: string } }).error).toMatchObject({
    code: 'not_revertible',
    message: expect.stringContaining('cannot reopen a closed conversation') as string,
  });
  // Filtered by the customer's address, the History tab finds it.
  const byCustomer = bodyOf<ListHistoryResponse>(
    await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: { address: CUSTOMER } }),
  );
  expect(byCustomer.items.map((e) => e.kind)).toEqual(['close-conversation']);
});

test('a conversation in a service that is not Flex’s (nor the default) is closed through that service', async () => {
  const other = account()
    .conversationServices.all()
    .find(
      (service) =>
        service.sid !== flexService() && service.sid !== account().conversationsConfiguration.default_chat_service_sid,
    );
  if (!other) throw new Error('the account has no third conversation service');
  const elsewhere = account().conversations.add(buildConversation(account(), other.sid, ''));
  participantsOf(account(), elsewhere.sid).add(
    buildParticipant(account(), elsewhere.sid, {
      binding: { type: 'sms', address: CUSTOMER, proxy_address: '+15005550006' },
    }),
  );
  expect((await trace(CUSTOMER)).stoppedAt).toMatchObject({ conversationSid: elsewhere.sid, verdict: 'other-service' });
  bodyOf(await close(elsewhere.sid, { serviceSid: other.sid }));
  expect(account().conversations.get(elsewhere.sid).state).toBe('closed');
  const [entry] = await history();
  expect(entry).toMatchObject({ kind: 'close-conversation', before: { conversation: { serviceSid: other.sid } } });
});

test('a conversation whose task is still open is not closed, and nothing is recorded', async () => {
  const number = await numberRoutedToFlex();
  const first = await playInbound(t.sandboxUrl, { from: CUSTOMER, to: number, body: 'Hi' });
  const conversationSid = first.conversation!.sid;
  const refused = await close(conversationSid);
  expect(refused.status).toBe(409);
  expect(errorBodyProblems(refused.body)).toEqual([]);
  expect((refused.body as { error: { code: string; message: string } }).error).toMatchObject({
    code: 'conversation_task_open',
    message: expect.stringContaining('is still pending') as string,
  });
  expect((await rest().conversations.v1.conversations(conversationSid).fetch()).state).toBe('active');
  expect(await history()).toEqual([]);
});

test('already closed: answered as such, not recorded again', async () => {
  const { conversationSid } = await stuckCustomer();
  bodyOf(await close(conversationSid));
  const again = bodyOf<{ previousState: string; history: { recorded: boolean; messageKey?: string } }>(
    await close(conversationSid),
  );
  expect(again).toMatchObject({
    previousState: 'closed',
    history: { recorded: false, unchanged: true, messageKey: 'MessagingSetupRefusalAlreadyClosed' },
  });
  expect((await history()).filter((e) => e.kind === 'close-conversation')).toHaveLength(1);
});

test('ten supervisors close it at once: one close, one entry, none answered 5xx', async () => {
  const { conversationSid } = await stuckCustomer();
  const answers = await Promise.all(Array.from({ length: 10 }, () => close(conversationSid)));
  expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
  const recorded = answers.filter(
    (a) => a.status === 200 && (a.body as { history: { recorded: boolean } }).history.recorded,
  );
  expect(recorded).toHaveLength(1);
  expect((await history()).filter((e) => e.kind === 'close-conversation')).toHaveLength(1);
  const closes = t.log().filter((e) => e.method === 'POST' && e.params.State === 'closed');
  // Through its own service: Twilio's root path reaches the default service's conversations only.
  expect(closes.map((e) => e.path)).toEqual([`/v1/Services/${flexService()}/Conversations/${conversationSid}`]);
});

test('a lost answer to the close: the backend looks, answers closed and records it once', async () => {
  const { conversationSid } = await stuckCustomer();
  t.faults(
    { rateReset: 1, products: ['conversations'], methods: ['POST'], pathIncludes: `/Conversations/${conversationSid}` },
    5,
  );
  const answer = bodyOf<{ state: string; history: { recorded: boolean } }>(await close(conversationSid));
  expect(answer).toMatchObject({ state: 'closed', history: { recorded: true } });
  t.faults({}, 5);
  const [entry] = await history();
  expect(entry).toMatchObject({ kind: 'close-conversation', outcome: 'succeeded' });
  expect(entry.noteKey).toBe('MessagingSetupNoteSettledByLooking');
});

describe('refusals', () => {
  test.each([
    ['no sid', {}],
    ['not a conversation SID', { sid: 'IG' + '0'.repeat(32) }],
    ['too short', { sid: 'CH123' }],
    ['no serviceSid', { sid: 'CH' + '0'.repeat(32) }],
    ['not a service SID', { sid: 'CH' + '0'.repeat(32), serviceSid: 'MG' + '0'.repeat(32) }],
    ['an unknown field', { sid: 'CH' + '0'.repeat(32), serviceSid: 'IS' + '0'.repeat(32), state: 'inactive' }],
  ])('%s → 400 before any Twilio request', async (_, payload) => {
    t.clearLog();
    const response = await t.callFunction('close-conversation', { token: t.tokens.admin(), payload });
    expect(response.status).toBe(400);
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('a conversation asked for in a service it is not in → 404, nothing changed', async () => {
    const { conversationSid } = await stuckCustomer();
    const other = account()
      .conversationServices.all()
      .find((service) => service.sid !== flexService());
    expect((await close(conversationSid, { serviceSid: String(other?.sid) })).status).toBe(404);
    expect(account().conversations.get(conversationSid).state).toBe('active');
  });

  test('an unknown conversation → 404', async () => {
    expect((await close('CH' + 'a'.repeat(32))).status).toBe(404);
  });

  test('a write: an agent is refused and the conversation stays as it was', async () => {
    const { conversationSid } = await stuckCustomer();
    expect((await close(conversationSid, { token: t.tokens.agent() })).status).toBe(403);
    expect((await rest().conversations.v1.conversations(conversationSid).fetch()).state).toBe('active');
  });
});
