/**
 * Issue #26, the conversations that hold a customer away from an agent, over HTTP against the
 * sandbox: open in Flex's service with no open task (its task over, or never made), or open in
 * another service with a customer's binding; never one whose task is open, a closed one, or
 * another service's without a customer. And closing them many at once under 429s.
 */
import type { ListStuckConversationsResponse } from '../../src/contract/types';
import { EVIDENCE_CUSTOMERS } from '../../sandbox/server/evidenceSeed';
import type { WireResource } from '../../sandbox/server/state';
import { customerConversation, routeToFlex as routeToFlexIn } from './accountFixtures';
import { beyondTokenCheck, setUpBackend } from './harness';

const t = setUpBackend({ evidence: true });
beforeEach(() => t.reset({ evidence: true }));

const account = () => t.sandbox.account;
const flexService = () => String(account().flexConfiguration.flex_service_instance_sid);
const otherService = () => {
  const other = account()
    .conversationServices.all()
    .find((s) => s.sid !== flexService());
  if (!other) throw new Error('the account has only Flex’s conversation service');
  return other.sid;
};

async function stuck(): Promise<ListStuckConversationsResponse> {
  const response = await t.callFunction('list-stuck-conversations', { token: t.tokens.supervisor(), payload: {} });
  expect(response.status).toBe(200);
  return response.body as ListStuckConversationsResponse;
}

const conversationOf = (serviceSid: string, who: { address: string } | { identity: string }, ourAddress?: string) =>
  customerConversation(account(), serviceSid, who, ourAddress);
const routeToFlex = (conversation: WireResource) => routeToFlexIn(account(), conversation);

test('the seeded stuck customers are listed with their customer and our address; a conversation with an open task is not', async () => {
  const waiting = conversationOf(flexService(), { address: '+13115550160' });
  routeToFlex(waiting);
  const answer = await stuck();
  const customers = answer.items.map((item) => item.customer);
  expect(customers).toEqual(
    expect.arrayContaining([EVIDENCE_CUSTOMERS.stuckWithCompletedTask, EVIDENCE_CUSTOMERS.stuckWithoutTask]),
  );
  expect(customers).not.toContain('+13115550160');
  const seeded = answer.items.find((item) => item.customer === EVIDENCE_CUSTOMERS.stuckWithCompletedTask);
  expect(seeded).toMatchObject({
    flexService: true,
    serviceSid: flexService(),
    state: 'active',
    verdict: 'no-open-task',
    ourAddress: expect.stringMatching(/^\+1\d{10}$/) as string,
  });
  expect(answer.count).toBe(answer.items.length);
  expect(answer.truncated).toBe(false);
});

test('another service: a customer’s conversation is listed as other-service; one with no customer binding is not; closed ones never', async () => {
  const misrouted = conversationOf(otherService(), { address: '+13115550161' }, '+14155550100');
  const inApp = conversationOf(otherService(), { identity: 'app-user-1' });
  const closed = conversationOf(flexService(), { address: '+13115550162' });
  closed.state = 'closed';
  const answer = await stuck();
  expect(answer.items.find((item) => item.sid === misrouted.sid)).toMatchObject({
    verdict: 'other-service',
    flexService: false,
    customer: '+13115550161',
    ourAddress: '+14155550100',
  });
  expect(answer.items.map((item) => item.sid)).not.toContain(inApp.sid);
  expect(answer.items.map((item) => item.sid)).not.toContain(closed.sid);
});

test('an inactive conversation still holds its customer: listed', async () => {
  const idle = conversationOf(flexService(), { address: '+13115550163' });
  idle.state = 'inactive';
  expect((await stuck()).items.find((item) => item.sid === idle.sid)).toMatchObject({ state: 'inactive' });
});

test('at most STUCK_CONVERSATIONS_MAX shown, every one counted; only GETs', async () => {
  for (let i = 0; i < 60; i += 1) conversationOf(flexService(), { address: `+131155502${String(i).padStart(2, '0')}` });
  t.clearLog();
  const answer = await stuck();
  expect(answer.items).toHaveLength(50);
  expect(answer.count).toBeGreaterThanOrEqual(62);
  const requests = beyondTokenCheck(t.log());
  expect(requests.map((e) => e.method)).toEqual(requests.map(() => 'GET'));
});

test('20 stuck conversations closed at once under 20% 429s: all closed, each recorded once, none failed (a 429 answer sent again, as the plugin does)', async () => {
  const many = Array.from({ length: 20 }, (_, i) =>
    conversationOf(flexService(), { address: `+131155503${String(i).padStart(2, '0')}` }),
  );
  t.faults({ rate429: 0.2, retryAfterSeconds: 0 }, 3);
  const close = (c: WireResource) =>
    t.callFunction('close-conversation', {
      token: t.tokens.admin(),
      payload: { sid: c.sid, serviceSid: flexService() },
    });
  // As the plugin's client does (api/backendClient.ts): a call the backend answered 429 — Twilio
  // still refusing after the backend's own retries, nothing done — is sent again, a few times.
  let answers = await Promise.all(many.map(close));
  for (let round = 0; round < 3 && answers.some((a) => a.status === 429); round += 1) {
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect((refused.body as { error: { code: string } }).error.code).toBe('rate_limited');
    }
    answers = await Promise.all(many.map((c, i) => (answers[i].status === 429 ? close(c) : answers[i])));
  }
  t.faults({}, 3);
  expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  expect(many.every((c) => account().conversations.get(c.sid).state === 'closed')).toBe(true);
  const history = await t.callFunction('list-history', {
    token: t.tokens.supervisor(),
    payload: { kind: 'close-conversation' },
  });
  const closes = (history.body as { items: { resource: { sid: string } }[] }).items;
  expect(new Set(closes.map((e) => e.resource.sid))).toEqual(new Set(many.map((c) => c.sid)));
  expect(closes).toHaveLength(20);
});

test('a read: an agent is refused', async () => {
  const response = await t.callFunction('list-stuck-conversations', { token: t.tokens.agent(), payload: {} });
  expect(response.status).toBe(403);
});
