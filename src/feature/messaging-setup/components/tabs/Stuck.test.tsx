import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import type { ListStuckConversationsResponse, StuckConversation } from '../../../../contract/types';
import { FLEX_SERVICE_SID, NUMBERS, OTHER_SERVICE_SID, SENDERS } from '../../../../test/fakeAccount';
import {
  createFakeBackend,
  deferred,
  errorReply,
  type FakeBackend,
  type FakeReply,
} from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';
import { renderWithPaste } from '../../../../test/renderWithPaste';
import { MessagingSetupView } from '../view/MessagingSetupView';

jest.setTimeout(30_000);

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const stuckConversation = (n: number, overrides: Partial<StuckConversation> = {}): StuckConversation => ({
  sid: `CH${String(n).padStart(32, '0')}`,
  serviceSid: FLEX_SERVICE_SID,
  flexService: true,
  state: 'active',
  createdAt: ago(5 * DAY),
  updatedAt: ago(2 * HOUR),
  customer: `+1555000000${n}`,
  ourAddress: NUMBERS.support.phoneNumber,
  verdict: 'no-open-task',
  ...overrides,
});

const SMS = stuckConversation(1);
const WHATSAPP = stuckConversation(2, {
  customer: 'whatsapp:+15550000002',
  ourAddress: SENDERS.online.senderId,
  state: 'inactive',
  createdAt: ago(3 * HOUR),
  updatedAt: ago(3 * HOUR),
});
const OTHER_SERVICE = stuckConversation(3, {
  serviceSid: OTHER_SERVICE_SID,
  flexService: false,
  verdict: 'other-service',
  customer: '+15550000003',
  createdAt: ago(40 * DAY),
  updatedAt: ago(40 * DAY),
});
const CHAT = stuckConversation(4, { customer: 'webchat-visitor-42', ourAddress: null });

const answer = (items: StuckConversation[], extra: Partial<ListStuckConversationsResponse> = {}) => ({
  items,
  count: items.length,
  truncated: false,
  ...extra,
});

const rows = () => within(activePanel()).getAllByTestId('stuck-row');
const rowOf = (customer: string) => rows().find((row) => within(row).queryByText(customer)) as HTMLElement;
const banner = () => screen.getByTestId('health-banner');

/** The view with the Stuck conversations tab open, its list read. */
async function openStuck(fake: FakeBackend, options: { canWrite?: boolean } = {}) {
  const rendered = await renderMessagingSetup({ fake, ...options });
  await rendered.user.click(screen.getByRole('tab', { name: 'Stuck conversations' }));
  await waitFor(() =>
    expect(within(activePanel()).getByTestId('stuck-summary')).not.toHaveTextContent('Reading the open conversations'),
  );
  return rendered;
}

test('nothing is read while the view loads; the tab reads the list when first opened, once', async () => {
  const fake = createFakeBackend();
  fake.answerStuck(answer([SMS]));
  // The legacy Flex Flows answer late: the view is still loading.
  const flexFlows = deferred<FakeReply>();
  fake.respond('list-flex-flows', () => flexFlows.promise);
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
  await within(activePanel()).findByText('Studio: Messaging Flow · retry 3');
  expect(screen.getByTestId('loading-progress')).toBeInTheDocument();
  expect(fake.payloadsTo('list-stuck-conversations')).toEqual([]);

  await user.click(screen.getByRole('tab', { name: 'Stuck conversations' }));
  expect(await within(activePanel()).findByText(SMS.customer as string)).toBeInTheDocument();
  expect(fake.payloadsTo('list-stuck-conversations')).toEqual([{}]);

  // The view's lists finish: the banner has its count from the same answer, no second read.
  flexFlows.resolve({ body: { items: fake.account.flexFlows, nextCursor: null } });
  await waitFor(() => expect(screen.queryByTestId('loading-progress')).not.toBeInTheDocument());
  expect(within(banner()).getByRole('button', { name: 'Show 1 stuck conversation' })).toBeInTheDocument();
  await user.click(screen.getByRole('tab', { name: 'Phone numbers' }));
  await user.click(screen.getByRole('tab', { name: 'Stuck conversations' }));
  expect(within(activePanel()).getByText(SMS.customer as string)).toBeInTheDocument();
  expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(1);
});

test('the banner says the count once the view has loaded, with one read after the lists, and opens the tab', async () => {
  const fake = createFakeBackend();
  fake.answerStuck(answer([SMS, WHATSAPP, OTHER_SERVICE]));
  const flexFlows = deferred<FakeReply>();
  fake.respond('list-flex-flows', () => flexFlows.promise);
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
  await within(activePanel()).findByText('Studio: Messaging Flow · retry 3');
  // The rows show while a list still loads, and the stuck list is not asked for yet.
  expect(fake.payloadsTo('list-stuck-conversations')).toEqual([]);
  expect(within(banner()).queryByText(/stuck conversation/)).toBeNull();

  flexFlows.resolve({ body: { items: fake.account.flexFlows, nextCursor: null } });
  const show = await within(banner()).findByRole('button', { name: 'Show 3 stuck conversations' });
  expect(show).toHaveTextContent('3 stuck conversations');
  expect(within(banner()).getByText('Customers held away from agents:')).toBeInTheDocument();
  expect(fake.payloadsTo('list-stuck-conversations')).toEqual([{}]);

  await user.click(show);
  expect(screen.getByRole('tab', { name: 'Stuck conversations' })).toHaveAttribute('aria-selected', 'true');
  expect(rows()).toHaveLength(3);
  // The tab shows the banner's answer: no second read.
  expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(1);
});

test('each row: customer, our address, channel, state, age and why it is stuck, with its SID to copy', async () => {
  const fake = createFakeBackend();
  fake.answerStuck(answer([SMS, WHATSAPP, OTHER_SERVICE, CHAT], { count: 73, truncated: true }));
  await openStuck(fake);
  const panel = within(activePanel());
  expect(panel.getByTestId('stuck-summary')).toHaveTextContent(
    '73 stuck conversations; the newest 4 are listed. More may exist than were read',
  );
  expect(within(banner()).getByRole('button', { name: 'Show at least 73 stuck conversations' })).toBeInTheDocument();

  const sms = within(rowOf(SMS.customer as string));
  expect(sms.getByText(NUMBERS.support.phoneNumber)).toBeInTheDocument();
  expect(sms.getByText('SMS')).toBeInTheDocument();
  expect(sms.getByText('active')).toBeInTheDocument();
  expect(sms.getByText('started 5 days ago')).toBeInTheDocument();
  expect(sms.getByText('last activity 2 hours ago')).toBeInTheDocument();
  expect(
    sms.getByText('Its task is over (or never came): new messages from this customer reach nobody.'),
  ).toBeInTheDocument();
  expect(sms.getByRole('button', { name: `Copy the conversation SID ${SMS.sid}` })).toBeInTheDocument();
  expect(sms.getByText(SMS.sid)).toBeInTheDocument();

  const whatsapp = within(rowOf(WHATSAPP.customer as string));
  expect(whatsapp.getByText('WhatsApp')).toBeInTheDocument();
  expect(whatsapp.getByText(SENDERS.online.senderId)).toBeInTheDocument();
  expect(whatsapp.getByText('inactive')).toBeInTheDocument();
  expect(whatsapp.getByText('started 3 hours ago')).toBeInTheDocument();

  const other = within(rowOf(OTHER_SERVICE.customer as string));
  expect(other.getByText(/^It is in a Conversations service that is not Flex's/)).toBeInTheDocument();
  expect(other.getByText('started last month')).toBeInTheDocument();

  const chat = within(rowOf(CHAT.customer as string));
  expect(chat.getByText('Chat')).toBeInTheDocument();
  expect(chat.getByText('none (chat)')).toBeInTheDocument();
});

test('closing 3 selected: a confirm that says closed is final, then progress and each result; the list reloads', async () => {
  const fake = createFakeBackend();
  let closed = false;
  fake.answerStuck(() => (closed ? answer([]) : answer([SMS, WHATSAPP, OTHER_SERVICE])));
  const { user, notify } = await openStuck(fake);
  const panel = within(activePanel());
  expect(panel.getByRole('button', { name: 'Close selected (0)' })).toBeDisabled();
  await user.click(panel.getByRole('checkbox', { name: 'Select all 3 matching conversations' }));
  await user.click(panel.getByRole('button', { name: 'Close selected (3)' }));

  const dialog = await screen.findByRole('dialog', { name: 'Close 3 conversations?' });
  expect(dialog).toHaveTextContent(
    'Closed is final: Twilio cannot reopen a closed conversation, so this cannot be reverted from the change history.',
  );
  expect(dialog).toHaveTextContent("Each customer's next message starts a new conversation");
  const listed = within(within(dialog).getByRole('list', { name: 'The conversations to close' })).getAllByRole(
    'listitem',
  );
  expect(listed.map((item) => item.textContent)).toEqual([
    `${SMS.customer} → ${SMS.ourAddress} (${SMS.sid})`,
    `${WHATSAPP.customer} → ${WHATSAPP.ourAddress} (${WHATSAPP.sid})`,
    `${OTHER_SERVICE.customer} → ${OTHER_SERVICE.ourAddress} (${OTHER_SERVICE.sid})`,
  ]);
  expect(fake.payloadsTo('close-conversation')).toEqual([]);

  closed = true;
  await user.click(within(dialog).getByRole('button', { name: 'Close 3 conversations' }));
  const run = await screen.findByRole('dialog', { name: 'Closing 3 conversations' });
  await within(run).findByText('3 closed, 0 already closed, 0 refused because a task is open, 0 failed.');
  expect(run).toHaveTextContent('Closed 3 of 3');
  expect(within(run).getByRole('progressbar', { name: 'Conversations closed' })).toHaveAttribute('aria-valuenow', '3');
  const results = within(within(run).getByRole('list', { name: 'What happened to each conversation' }));
  expect(results.getAllByTestId('close-result').map((r) => r.textContent)).toEqual([
    `${SMS.customer} → ${SMS.ourAddress} (${SMS.sid}): closed`,
    `${WHATSAPP.customer} → ${WHATSAPP.ourAddress} (${WHATSAPP.sid}): closed`,
    `${OTHER_SERVICE.customer} → ${OTHER_SERVICE.ourAddress} (${OTHER_SERVICE.sid}): closed`,
  ]);
  // One call each, through the conversation's own service.
  expect(fake.payloadsTo('close-conversation')).toEqual(
    expect.arrayContaining([
      { sid: SMS.sid, serviceSid: FLEX_SERVICE_SID },
      { sid: WHATSAPP.sid, serviceSid: FLEX_SERVICE_SID },
      { sid: OTHER_SERVICE.sid, serviceSid: OTHER_SERVICE_SID },
    ]),
  );
  expect(fake.payloadsTo('close-conversation')).toHaveLength(3);
  expect(notify).toHaveBeenCalledWith(
    'success',
    'Stuck conversations: 3 closed, 0 already closed, 0 refused because a task is open, 0 failed.',
  );

  // After the run, the list is read again: none left, and the banner says nothing more.
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(2));
  await user.click(within(run).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(await within(activePanel()).findByText('No stuck conversations.')).toBeInTheDocument();
  expect(within(banner()).queryByText(/stuck conversation/)).toBeNull();
});

test('each result on its own: refused while a task is open, already closed, failed, and a 429 waited out', async () => {
  const fake = createFakeBackend();
  const FAILING = stuckConversation(5, { customer: '+15550000005' });
  fake.answerStuck(answer([SMS, WHATSAPP, OTHER_SERVICE, FAILING]));
  const attempts = new Map<string, number>();
  fake.respond('close-conversation', (payload) => {
    const { sid } = payload as { sid: string };
    const attempt = (attempts.get(sid) ?? 0) + 1;
    attempts.set(sid, attempt);
    if (sid === SMS.sid) {
      return errorReply(409, 'conversation_task_open', `Conversation ${sid} is not closed: its task is assigned.`);
    }
    if (sid === WHATSAPP.sid) {
      return { body: { conversationSid: sid, previousState: 'closed', state: 'closed' } };
    }
    if (sid === FAILING.sid) return errorReply(500, 'twilio_error', 'Twilio answered 503.');
    // Rate-limited more times than the client retries: the bulk runner puts it back and tries again.
    if (attempt <= 4) return errorReply(429, 'rate_limited', 'Too many requests.', undefined, { 'Retry-After': '0' });
    return {
      body: {
        conversationSid: sid,
        previousState: 'active',
        state: 'closed',
        history: { recorded: true, entryId: '9' },
      },
    };
  });
  const { user, notify } = await openStuck(fake);
  await user.click(within(activePanel()).getByRole('checkbox', { name: 'Select all 4 matching conversations' }));
  await user.click(within(activePanel()).getByRole('button', { name: 'Close selected (4)' }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close 4 conversations' }));

  const run = await screen.findByRole('dialog', { name: 'Closing 4 conversations' });
  await within(run).findByText('1 closed, 1 already closed, 1 refused because a task is open, 1 failed.', undefined, {
    timeout: 10_000,
  });
  expect(run).toHaveTextContent('Closed 2 of 4');
  const results = within(run)
    .getAllByTestId('close-result')
    .map((r) => r.textContent);
  expect(results).toEqual([
    `${SMS.customer} → ${SMS.ourAddress} (${SMS.sid}): not closed: a task of it is open now (Conversation ${SMS.sid} is not closed: its task is assigned.)`,
    `${WHATSAPP.customer} → ${WHATSAPP.ourAddress} (${WHATSAPP.sid}): already closed (nothing changed)`,
    `${OTHER_SERVICE.customer} → ${OTHER_SERVICE.ourAddress} (${OTHER_SERVICE.sid}): closed`,
    `${FAILING.customer} → ${FAILING.ourAddress} (${FAILING.sid}): failed: Twilio answered 503.`,
  ]);
  // The 429s were waited out (4 by the client, then the runner's re-queue); the refusal, the
  // failed write and the already closed one were each sent once (a write is never repeated).
  expect(attempts.get(OTHER_SERVICE.sid)).toBe(5);
  expect(attempts.get(SMS.sid)).toBe(1);
  expect(attempts.get(FAILING.sid)).toBe(1);
  expect(attempts.get(WHATSAPP.sid)).toBe(1);
  expect(notify).toHaveBeenCalledWith(
    'error',
    'Stuck conversations: 1 closed, 1 already closed, 1 refused because a task is open, 1 failed.',
  );
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(2));
});

test('a row’s own Close: the same confirm for one, Cancel changes nothing', async () => {
  const fake = createFakeBackend();
  fake.answerStuck(answer([SMS, WHATSAPP]));
  const { user } = await openStuck(fake);
  const close = within(rowOf(SMS.customer as string)).getByRole('button', {
    // Named with both ends: one customer may be stuck with several of our addresses.
    name: `Close the conversation of ${SMS.customer} with ${SMS.ourAddress}`,
  });
  await user.click(close);
  const dialog = await screen.findByRole('dialog', { name: `Close the conversation of ${SMS.customer}?` });
  expect(dialog).toHaveTextContent('Twilio cannot reopen a closed conversation');
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(fake.payloadsTo('close-conversation')).toEqual([]);
  await waitFor(() => expect(close).toHaveFocus());

  await user.click(close);
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close conversation' }));
  await within(await screen.findByRole('dialog', { name: `Closing the conversation of ${SMS.customer}` })).findByText(
    'Closed 1 of 1',
  );
  expect(fake.payloadsTo('close-conversation')).toEqual([{ sid: SMS.sid, serviceSid: FLEX_SERVICE_SID }]);
});

test('empty: says so, and the banner says nothing', async () => {
  const fake = createFakeBackend();
  await openStuck(fake);
  expect(within(activePanel()).getByText('No stuck conversations.')).toBeInTheDocument();
  expect(within(banner()).queryByText(/stuck conversation/)).toBeNull();
});

test('a failed read says why, with Try again; the banner says nothing; Reload reads again', async () => {
  const fake = createFakeBackend();
  fake.respond('list-stuck-conversations', () => errorReply(403, 'forbidden', 'Your role may not read this.'));
  const { user } = await openStuck(fake);
  const panel = within(activePanel());
  expect(
    await panel.findByText(/Could not list the stuck conversations: Your role may not read this\./),
  ).toBeInTheDocument();
  expect(within(banner()).queryByText(/stuck conversation/)).toBeNull();

  fake.restore('list-stuck-conversations');
  fake.answerStuck(answer([SMS]));
  await user.click(panel.getByRole('button', { name: 'Try again' }));
  expect(await panel.findByText(SMS.customer as string)).toBeInTheDocument();
  expect(panel.queryByText(/Could not list/)).toBeNull();

  fake.answerStuck(answer([SMS, WHATSAPP]));
  await user.click(panel.getByRole('button', { name: 'Reload' }));
  expect(await panel.findByText(WHATSAPP.customer as string)).toBeInTheDocument();
  expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(3);
});

test('a user who may not write sees the list without Close or ticks', async () => {
  const fake = createFakeBackend();
  fake.answerStuck(answer([SMS]));
  await openStuck(fake, { canWrite: false });
  const row = within(rowOf(SMS.customer as string));
  expect(row.queryByRole('button', { name: /^Close/ })).toBeNull();
  expect(row.queryByRole('checkbox')).toBeNull();
  expect(within(activePanel()).queryByRole('button', { name: /^Close selected/ })).toBeNull();
});
