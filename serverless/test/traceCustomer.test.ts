/**
 * Issue #26, "where did the message go?", over HTTP against the sandbox: trace-customer reads what
 * Twilio holds of one customer — their Messages, their conversations, those conversations' tasks —
 * and says where their next message stops. Each verdict is made the way Twilio makes it: the
 * `evidence` reset's seeds, Interactions whose tasks an agent takes or completes, a conversation
 * in a service that is not Flex's, a closed one, a chat customer known by identity.
 */
import twilio from 'twilio';

import type { TraceCustomerResponse } from '../../src/contract/types';
import { EVIDENCE_CUSTOMERS } from '../../sandbox/server/evidenceSeed';
import { completeTaskAsAgent } from '../../sandbox/server/resources/taskrouter';
import type { AddressConfiguration, WireResource } from '../../sandbox/server/state';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { customerConversation, routeToFlex as routeToFlexIn } from './accountFixtures';
import { beyondTokenCheck, errorBodyProblems, setUpBackend } from './harness';

const t = setUpBackend({ evidence: true });
beforeEach(() => t.reset({ evidence: true }));

const account = () => t.sandbox.account;
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};
const flexService = () => String(account().flexConfiguration.flex_service_instance_sid);

async function trace(payload: Record<string, unknown>): Promise<TraceCustomerResponse> {
  const response = await t.callFunction('trace-customer', { token: t.tokens.supervisor(), payload });
  expect({ status: response.status, body: response.status === 200 ? 'the trace' : response.body }).toEqual({
    status: 200,
    body: 'the trace',
  });
  return response.body as TraceCustomerResponse;
}

/** An SMS address on one of the account's numbers. */
const smsAddresses = (): AddressConfiguration[] =>
  account()
    .addresses.all()
    .filter((a) => a.type === 'sms');

const conversationOf = (
  customer: { address: string } | { identity: string },
  serviceSid: string,
  ourAddress?: string,
) => customerConversation(account(), serviceSid, customer, ourAddress);
const routeToFlex = (conversation: WireResource) => routeToFlexIn(account(), conversation);

describe('each place a customer can be left', () => {
  test('stuck: still active, its task completed → task-ended-still-open, with the task and queue', async () => {
    const answer = await trace({ customer: EVIDENCE_CUSTOMERS.stuckWithCompletedTask });
    expect(answer.customer).toEqual({ address: EVIDENCE_CUSTOMERS.stuckWithCompletedTask, kind: 'sms' });
    expect(answer.conversations).toHaveLength(1);
    const [conversation] = answer.conversations;
    expect(conversation).toMatchObject({ state: 'active', flexService: true, verdict: 'task-ended-still-open' });
    expect(conversation.tasks).toEqual([
      expect.objectContaining({ status: 'completed', queue: expect.any(String) as string }),
    ]);
    expect(answer.stoppedAt).toEqual({
      at: 'conversation',
      conversationSid: conversation.sid,
      verdict: 'task-ended-still-open',
      inferred: true,
    });
    // Received by Twilio: the customer's SMS, never its body.
    expect(answer.messages).toEqual([
      expect.objectContaining({ direction: 'inbound', from: EVIDENCE_CUSTOMERS.stuckWithCompletedTask }),
    ]);
    expect(JSON.stringify(answer)).not.toContain('my order never arrived');
  });

  test('stuck: active in Flex’s service and no task ever made → no-task', async () => {
    const answer = await trace({ customer: EVIDENCE_CUSTOMERS.stuckWithoutTask });
    expect(answer.conversations.map((c) => c.verdict)).toEqual(['no-task']);
    expect(answer.stoppedAt).toMatchObject({ at: 'conversation', verdict: 'no-task' });
  });

  test('a message Twilio received that made no conversation → no-conversation, messages seen', async () => {
    const answer = await trace({ customer: EVIDENCE_CUSTOMERS.toMissingFlow });
    expect(answer.conversations).toEqual([]);
    expect(answer.messages.map((m) => m.direction)).toEqual(['inbound']);
    expect(answer.stoppedAt).toEqual({ at: 'no-conversation', inferred: true, messagesSeen: true });
  });

  test('a customer Twilio never heard from → no-conversation, no messages seen', async () => {
    const answer = await trace({ customer: '+13115550199' });
    expect(answer).toMatchObject({ messages: [], conversations: [], truncated: false });
    expect(answer.stoppedAt).toEqual({ at: 'no-conversation', inferred: true, messagesSeen: false });
  });

  test('a pending task → waiting-for-agent; once an agent takes it → with-agent; completed → still open', async () => {
    const customer = '+13115550120';
    const [ours] = smsAddresses();
    const conversation = conversationOf({ address: customer }, flexService(), ours.address);
    const task = routeToFlex(conversation);
    expect((await trace({ customer })).stoppedAt).toMatchObject({ verdict: 'waiting-for-agent' });
    task.assignment_status = 'assigned'; // an agent accepted the reservation
    expect((await trace({ customer })).stoppedAt).toMatchObject({ verdict: 'with-agent' });
    completeTaskAsAgent(account(), task, 'resolved');
    expect((await trace({ customer })).stoppedAt).toMatchObject({ verdict: 'task-ended-still-open' });
  });

  test('active in a service that is not Flex’s → other-service, and no TaskRouter request for it', async () => {
    const customer = '+13115550121';
    const other = account()
      .conversationServices.all()
      .find((s) => s.sid !== flexService());
    if (!other) throw new Error('the account has only Flex’s conversation service');
    conversationOf({ address: customer }, other.sid, smsAddresses()[0].address);
    t.clearLog();
    const answer = await trace({ customer });
    expect(answer.conversations).toEqual([
      expect.objectContaining({ serviceSid: other.sid, flexService: false, verdict: 'other-service', tasks: [] }),
    ]);
    expect(beyondTokenCheck(t.log()).filter((e) => e.product === 'taskrouter')).toEqual([]);
  });

  test('closed over REST → closed, and with none open it stopped nowhere', async () => {
    const customer = EVIDENCE_CUSTOMERS.stuckWithCompletedTask;
    const [before] = (await trace({ customer })).conversations;
    await rest().conversations.v1.conversations(before.sid).update({ state: 'closed' });
    const answer = await trace({ customer });
    expect(answer.conversations.map((c) => [c.sid, c.verdict])).toEqual([[before.sid, 'closed']]);
    expect(answer.stoppedAt).toEqual({ at: 'no-conversation', inferred: true, messagesSeen: true });
  });

  test('newest conversation first; the one the next message joins is the newest open one', async () => {
    const customer = '+13115550122';
    const [a, b] = smsAddresses();
    const old = conversationOf({ address: customer }, flexService(), a.address);
    completeTaskAsAgent(account(), routeToFlex(old), 'resolved');
    old.state = 'closed';
    const current = conversationOf({ address: customer }, flexService(), b.address);
    routeToFlex(current);
    const answer = await trace({ customer });
    expect(answer.conversations.map((c) => c.sid)).toEqual([current.sid, old.sid]);
    expect(answer.conversations.map((c) => c.ourAddress)).toEqual([b.address, a.address]);
    expect(answer.stoppedAt).toMatchObject({ conversationSid: current.sid, verdict: 'waiting-for-agent' });
  });
});

describe('what is read', () => {
  test('a chat customer by identity (no address, no Messages)', async () => {
    const conversation = conversationOf({ identity: 'guest-42' }, flexService());
    t.clearLog();
    const answer = await trace({ customer: 'guest-42' });
    expect(answer.customer.kind).toBe('chat');
    expect(answer.conversations).toEqual([
      expect.objectContaining({ sid: conversation.sid, ourAddress: null, verdict: 'no-task' }),
    ]);
    expect(beyondTokenCheck(t.log()).filter((e) => e.path.includes('/Messages'))).toEqual([]);
  });

  test('ourAddress keeps only what passed through that address', async () => {
    const customer = '+13115550123';
    const [a, b] = smsAddresses();
    conversationOf({ address: customer }, flexService(), a.address).state = 'closed';
    const throughB = conversationOf({ address: customer }, flexService(), b.address);
    const answer = await trace({ customer, ourAddress: b.address });
    expect(answer.conversations.map((c) => c.sid)).toEqual([throughB.sid]);
  });

  test('the channel by the shape of the address', async () => {
    for (const [customer, kind] of [
      ['+13115550124', 'sms'],
      ['whatsapp:+13115550124', 'whatsapp'],
      ['messenger:4242424242', 'messenger'],
      ['pat@customer.example', 'email'],
      ['guest-7', 'chat'],
    ] as const) {
      expect((await trace({ customer })).customer.kind).toBe(kind);
    }
  });

  test('within its call budget: Flex configuration, two Messages lists, the services and one conversations list each, one Tasks list per open Flex conversation', async () => {
    const customer = '+13115550125';
    const [a] = smsAddresses();
    for (let i = 0; i < 3; i += 1) routeToFlex(conversationOf({ address: customer }, flexService(), a.address));
    t.clearLog();
    await trace({ customer });
    const requests = beyondTokenCheck(t.log());
    expect(requests.map((e) => e.method)).toEqual(requests.map(() => 'GET'));
    const byProduct = requests.reduce<Record<string, number>>(
      (counts, e) => ({ ...counts, [e.product]: (counts[e.product] ?? 0) + 1 }),
      {},
    );
    // Conversations: the services, then the customer's conversations in each (Twilio's root list covers the default only).
    const services = account().conversationServices.size;
    expect(services).toBeGreaterThan(1);
    expect(byProduct).toEqual({ 'flex-api': 1, api: 2, conversations: 1 + services, taskrouter: 3 });
  });

  test('at most TRACE_CONVERSATIONS_MAX conversations, and it says more exist', async () => {
    const customer = '+13115550126';
    const [a] = smsAddresses();
    for (let i = 0; i < 12; i += 1) conversationOf({ address: customer }, flexService(), a.address).state = 'closed';
    const answer = await trace({ customer });
    expect(answer.conversations).toHaveLength(10);
    expect(answer.truncated).toBe(true);
  });
});

describe('refusals', () => {
  test.each([
    ['no customer', {}],
    ['an empty customer', { customer: '  ' }],
    ['a quote, which would break out of the task expression', { customer: 'guest" OR 1 == 1' }],
    ['a control character', { customer: 'guest\u0000' }],
    ['too long', { customer: 'x'.repeat(257) }],
    ['a number', { customer: 12 }],
    ['an unknown field', { customer: '+13115550101', body: 'x' }],
    ['an empty ourAddress', { customer: '+13115550101', ourAddress: '' }],
  ])('%s → 400 before any Twilio request', async (_, payload) => {
    t.clearLog();
    const response = await t.callFunction('trace-customer', { token: t.tokens.supervisor(), payload });
    expect(response.status).toBe(400);
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('a read: an agent is refused, an admin and a supervisor answered', async () => {
    const payload = { customer: EVIDENCE_CUSTOMERS.stuckWithoutTask };
    expect((await t.callFunction('trace-customer', { token: t.tokens.agent(), payload })).status).toBe(403);
    expect((await t.callFunction('trace-customer', { token: t.tokens.admin(), payload })).status).toBe(200);
  });
});
