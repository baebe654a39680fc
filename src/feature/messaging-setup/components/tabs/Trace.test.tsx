import { screen, waitFor, within } from '@testing-library/react';

import type {
  TraceConversation,
  TraceCustomerResponse,
  TraceMessage,
  TraceTask,
  TraceVerdict,
} from '../../../../contract/types';
import { NUMBERS } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply, refusal, type FakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const CUSTOMER = '+15551234567';
const OURS = NUMBERS.support.phoneNumber;
const FLEX_SERVICE = 'IS00000000000000000000000000000001';
const OTHER_SERVICE = 'IS00000000000000000000000000000099';
const DAY = 24 * 60 * 60 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const task = (status: string, overrides: Partial<TraceTask> = {}): TraceTask => ({
  sid: 'WT00000000000000000000000000000001',
  status,
  queue: 'Support',
  createdAt: ago(4 * DAY),
  updatedAt: ago(4 * DAY),
  ...overrides,
});

const conversation = (verdict: TraceVerdict, overrides: Partial<TraceConversation> = {}): TraceConversation => ({
  sid: 'CH00000000000000000000000000000001',
  friendlyName: 'Chat with +15551234567',
  serviceSid: FLEX_SERVICE,
  flexService: true,
  state: 'active',
  createdAt: ago(5 * DAY),
  updatedAt: ago(DAY / 2),
  ourAddress: OURS,
  tasks: [],
  verdict,
  ...overrides,
});

const inbound: TraceMessage = {
  sid: 'SM00000000000000000000000000000001',
  direction: 'inbound',
  from: CUSTOMER,
  to: OURS,
  status: 'received',
  at: ago(2 * 60 * 60 * 1000),
};

/** An answer whose newest conversation is open with `open`'s verdict (an older, closed one below). */
const answerWith = (open: TraceConversation, messages: TraceMessage[] = [inbound]): TraceCustomerResponse => ({
  customer: { address: CUSTOMER, kind: 'sms' },
  messages,
  conversations: [
    open,
    conversation('closed', { sid: 'CH00000000000000000000000000000002', state: 'closed', createdAt: ago(40 * DAY) }),
  ],
  stoppedAt: { at: 'conversation', conversationSid: open.sid, verdict: open.verdict, inferred: true },
  truncated: false,
});

/** The view with the Trace tab open. */
async function openTrace(fake: FakeBackend = createFakeBackend()) {
  const rendered = await renderMessagingSetup({ fake });
  await rendered.user.click(screen.getByRole('tab', { name: 'Trace' }));
  return rendered;
}

async function traceCustomer(user: Awaited<ReturnType<typeof openTrace>>['user'], customer = CUSTOMER) {
  const panel = within(activePanel());
  await user.type(panel.getByRole('textbox', { name: 'Customer' }), customer);
  await user.click(panel.getByRole('button', { name: 'Trace' }));
}

const stoppedAt = () => within(activePanel()).findByTestId('trace-stopped-at');

test('opening the view or the Trace tab asks nothing; a trace sends exactly what was typed, trimmed', async () => {
  const fake = createFakeBackend();
  const { user } = await renderMessagingSetup({ fake });
  expect(fake.payloadsTo('trace-customer')).toHaveLength(0);
  await user.click(screen.getByRole('tab', { name: 'Trace' }));
  const panel = within(activePanel());
  expect(panel.getByRole('textbox', { name: 'Customer' })).toHaveAccessibleDescription(
    '+15551234567, whatsapp:+15551234567, messenger:<id>, an email address or a chat identity',
  );
  expect(fake.payloadsTo('trace-customer')).toHaveLength(0);

  // No customer: said beside the field, nothing sent.
  await user.click(panel.getByRole('button', { name: 'Trace' }));
  expect(panel.getByRole('textbox', { name: 'Customer' })).toHaveAccessibleDescription(
    expect.stringContaining("Enter the customer's address or chat identity."),
  );
  expect(fake.payloadsTo('trace-customer')).toHaveLength(0);

  await user.type(panel.getByRole('textbox', { name: 'Customer' }), `  whatsapp:${CUSTOMER} `);
  await user.click(panel.getByRole('button', { name: 'Trace' }));
  expect(await within(activePanel()).findByTestId('trace-answer')).toBeInTheDocument();
  expect(fake.payloadsTo('trace-customer')).toEqual([{ customer: `whatsapp:${CUSTOMER}` }]);

  await user.type(panel.getByRole('textbox', { name: 'Our address' }), ` whatsapp:${OURS}  `);
  await user.click(panel.getByRole('button', { name: 'Trace' }));
  await waitFor(() => expect(fake.payloadsTo('trace-customer')).toHaveLength(2));
  expect(fake.payloadsTo('trace-customer')[1]).toEqual({
    customer: `whatsapp:${CUSTOMER}`,
    ourAddress: `whatsapp:${OURS}`,
  });
  expect(await within(activePanel()).findByText(`Only what passed through whatsapp:${OURS}.`)).toBeInTheDocument();
  // Reading costs no write.
  expect(fake.requests.filter((r) => r.endpoint !== 'trace-customer' && !/^(list|fetch)-/.test(r.endpoint))).toEqual(
    [],
  );
});

test('a task completed days ago in a still-active conversation: where it stopped, how long ago, and the fix', async () => {
  const fake = createFakeBackend();
  const open = conversation('task-ended-still-open', {
    tasks: [task('completed', { updatedAt: ago(3 * DAY) })],
  });
  fake.answerTrace(answerWith(open));
  const { user } = await openTrace(fake);
  await traceCustomer(user);

  const summary = await stoppedAt();
  expect(within(summary).getByRole('heading', { name: 'Where it stopped' })).toBeInTheDocument();
  expect(summary).toHaveTextContent(
    'This conversation is still active but its task was completed 3 days ago, so new messages from this customer reach nobody.',
  );
  expect(summary).toHaveTextContent('What to do: Close the conversation');
  expect(summary).toHaveTextContent('(error)');
  expect(summary).toHaveTextContent('Inferred from what Twilio holds');
  expect(within(summary).getByRole('button', { name: `Copy the conversation SID ${open.sid}` })).toBeInTheDocument();

  // The steps below, observed: each conversation newest first with its facts, then the messages.
  const panel = within(activePanel());
  expect(panel.getAllByText('Observed')).toHaveLength(2);
  const [newest, older] = panel.getAllByTestId('trace-conversation');
  expect(newest).toHaveTextContent('Conversation "Chat with +15551234567"');
  expect(newest).toHaveTextContent("Flex's conversation service");
  expect(newest).toHaveTextContent(`Our address${OURS}`);
  expect(newest).toHaveTextContent('Started5 days ago');
  expect(newest).toHaveTextContent('Reaches nobody: its task ended');
  expect(within(newest).getByTestId('trace-task-status')).toHaveTextContent('completed 3 days ago');
  expect(within(newest).getByRole('button', { name: `Copy the task SID ${task('x').sid}` })).toBeInTheDocument();
  expect(older).toHaveTextContent('Closed: its tasks were not looked up.');
  // Local time, never the raw UTC string.
  expect(newest).not.toHaveTextContent(open.createdAt as string);

  const [message] = panel.getAllByTestId('trace-message');
  expect(message).toHaveTextContent('2 hours ago');
  expect(message).toHaveTextContent('From the customer');
  expect(message).toHaveTextContent(`${CUSTOMER} → ${OURS}`);
  expect(message).toHaveTextContent('received');
  expect(panel.queryByTestId('trace-truncated')).not.toBeInTheDocument();
});

test.each<[string, TraceConversation, string, string]>([
  [
    'no task',
    conversation('no-task'),
    "This conversation is active in Flex's conversation service, but no task was ever made for it, so this customer's messages reach nobody.",
    '(error)',
  ],
  [
    'another service',
    conversation('other-service', { flexService: false, serviceSid: OTHER_SERVICE }),
    "This conversation is active in another service (not Flex's), so no Flex task can come of it and this customer's messages reach nobody.",
    '(error)',
  ],
  [
    'waiting in a queue',
    conversation('waiting-for-agent', { tasks: [task('pending', { queue: 'Billing' })] }),
    "This conversation's task is waiting in queue Billing for an agent.",
    '(information)',
  ],
  [
    'with an agent',
    conversation('with-agent', { tasks: [task('assigned')] }),
    "This conversation is with an agent: this customer's messages reach them.",
    '(information)',
  ],
  [
    'a canceled task',
    conversation('task-ended-still-open', { state: 'inactive', tasks: [task('canceled', { updatedAt: ago(DAY) })] }),
    'This conversation is still inactive but its task was canceled yesterday, so new messages from this customer reach nobody.',
    '(error)',
  ],
])('%s: the stopped-at summary says so in plain words', async (_, open, sentence, tone) => {
  const fake = createFakeBackend();
  fake.answerTrace(answerWith(open));
  const { user } = await openTrace(fake);
  await traceCustomer(user);
  const summary = await stoppedAt();
  expect(summary).toHaveTextContent(sentence);
  expect(summary).toHaveTextContent(tone);
  const [newest] = within(activePanel()).getAllByTestId('trace-conversation');
  if (open.verdict === 'other-service') expect(newest).toHaveTextContent("another service (not Flex's)");
  if (open.verdict === 'waiting-for-agent') expect(newest).toHaveTextContent('waiting in queue Billing');
  if (open.verdict === 'with-agent') expect(newest).toHaveTextContent('with an agent');
});

test('no conversation: says whether Twilio received messages from the customer', async () => {
  const fake = createFakeBackend();
  fake.answerTrace({
    customer: { address: CUSTOMER, kind: 'sms' },
    messages: [inbound],
    conversations: [],
    stoppedAt: { at: 'no-conversation', inferred: true, messagesSeen: true },
    truncated: true,
  });
  const { user } = await openTrace(fake);
  await traceCustomer(user);
  const seen = await stoppedAt();
  expect(seen).toHaveTextContent(
    'Twilio received messages from this customer, but none of them is in an open conversation, so no agent has them.',
  );
  expect(seen).toHaveTextContent('(warning)');
  const panel = within(activePanel());
  expect(panel.getByText('No conversation of this customer.')).toBeInTheDocument();
  expect(panel.getAllByTestId('trace-message')).toHaveLength(1);
  expect(panel.getByTestId('trace-truncated')).toHaveTextContent(
    'Older conversations or messages exist that were not read',
  );

  // Nothing at all (the fake's default answer): neither a message nor a conversation.
  fake.answerTrace(({ customer }) => ({
    customer: { address: customer, kind: 'sms' },
    messages: [],
    conversations: [],
    stoppedAt: { at: 'no-conversation', inferred: true, messagesSeen: false },
    truncated: false,
  }));
  await user.click(panel.getByRole('button', { name: 'Trace' }));
  await waitFor(() => expect(fake.payloadsTo('trace-customer')).toHaveLength(2));
  const unseen = await stoppedAt();
  await waitFor(() =>
    expect(unseen).toHaveTextContent(
      'Twilio received no recent message from this customer and holds no open conversation of theirs.',
    ),
  );
  expect(panel.getByText('Twilio holds no recent message of this customer.')).toBeInTheDocument();
  expect(panel.queryByTestId('trace-truncated')).not.toBeInTheDocument();
});

test('a refused customer is said beside the field; editing it clears that', async () => {
  const fake = createFakeBackend();
  fake.respond('trace-customer', () =>
    refusal(
      400,
      'invalid_input',
      { key: 'MessagingSetupRuleFieldsSummary', values: { problems: 'bad' } },
      { customer: { key: 'MessagingSetupRefusalTraceCustomer', values: { max: 200 } } },
    ),
  );
  const { user } = await openTrace(fake);
  await traceCustomer(user, 'not "quoted"');
  const input = within(activePanel()).getByRole('textbox', { name: 'Customer' });
  await waitFor(() =>
    expect(input).toHaveAccessibleDescription(
      expect.stringContaining('Enter the customer as +E.164 (SMS), whatsapp:+E.164'),
    ),
  );
  expect(input).toHaveAttribute('aria-invalid', 'true');
  // Beside the field only: no error banner.
  expect(within(activePanel()).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  expect(fake.payloadsTo('trace-customer')).toEqual([{ customer: 'not "quoted"' }]);
  await user.type(input, 'x');
  expect(input).not.toHaveAccessibleDescription(expect.stringContaining('Enter the customer as'));
});

test('a backend failure (502) shows an error with Try again, which sends the trace again', async () => {
  const fake = createFakeBackend();
  let failing = true;
  fake.respond('trace-customer', () =>
    failing
      ? errorReply(502, 'twilio_unavailable', 'Twilio did not answer.')
      : { body: answerWith(conversation('with-agent', { tasks: [task('assigned')] })) },
  );
  const { user } = await openTrace(fake);
  await traceCustomer(user);
  const alert = await within(activePanel()).findByText(`Could not trace ${CUSTOMER}: Twilio did not answer.`);
  expect(alert).toBeInTheDocument();
  const sent = fake.payloadsTo('trace-customer').length;
  // A read: the client already tried it again before saying so.
  expect(sent).toBeGreaterThanOrEqual(1);

  failing = false;
  await user.click(within(activePanel()).getByRole('button', { name: 'Try again' }));
  expect(await stoppedAt()).toHaveTextContent('This conversation is with an agent');
  expect(fake.payloadsTo('trace-customer')).toHaveLength(sent + 1);
  expect(fake.payloadsTo('trace-customer').at(-1)).toEqual({ customer: CUSTOMER });
  expect(within(activePanel()).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
});

test('a stuck conversation: closed from the trace after a confirm that says it is final, then traced again', async () => {
  const fake = createFakeBackend();
  const open = conversation('task-ended-still-open', { tasks: [task('completed', { updatedAt: ago(3 * DAY) })] });
  let closed = false;
  // As the backend answers once it is closed: none open, the closed one newest, after the customer's message.
  fake.answerTrace(() =>
    closed
      ? {
          ...answerWith(conversation('closed', { state: 'closed', tasks: open.tasks, updatedAt: ago(60 * 60 * 1000) })),
          stoppedAt: { at: 'no-conversation', inferred: true, messagesSeen: true },
        }
      : answerWith(open),
  );
  const { user, notify } = await openTrace(fake);
  await traceCustomer(user);
  const close = within(await stoppedAt()).getByRole('button', { name: 'Close the conversation' });
  await user.click(close);

  const dialog = await screen.findByRole('dialog', { name: `Close the conversation of ${CUSTOMER}?` });
  expect(dialog).toHaveTextContent('Twilio cannot reopen a closed conversation, so this cannot be reverted.');
  expect(dialog).toHaveTextContent(open.sid);
  // Cancel changes nothing.
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  expect(fake.payloadsTo('close-conversation')).toEqual([]);
  await waitFor(() => expect(close).toHaveFocus());

  await user.click(close);
  closed = true;
  const stuckReads = fake.payloadsTo('list-stuck-conversations').length;
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close conversation' }));
  // The Stuck conversations tab and the banner's count are read again: the closed one leaves them.
  await waitFor(() => expect(fake.payloadsTo('list-stuck-conversations')).toHaveLength(stuckReads + 1));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(fake.payloadsTo('close-conversation')).toEqual([{ sid: open.sid, serviceSid: FLEX_SERVICE }]);
  expect(notify).toHaveBeenCalledWith('success', `Closed the conversation of ${CUSTOMER}.`);
  // Traced again: the conversation is closed now, and nothing is offered to close.
  await waitFor(() => expect(fake.payloadsTo('trace-customer')).toHaveLength(2));
  await waitFor(async () =>
    expect(await stoppedAt()).toHaveTextContent(
      `Their last conversation (${open.sid}) was closed 1 hour ago: this customer's next message starts a new conversation.`,
    ),
  );
  expect(within(await stoppedAt()).queryByRole('button', { name: 'Close the conversation' })).toBeNull();
});

test.each<[TraceVerdict, boolean]>([
  ['with-agent', false],
  ['waiting-for-agent', false],
  ['no-task', true],
  ['other-service', true],
])('%s: a Close button is offered %s', async (verdict, offered) => {
  const fake = createFakeBackend();
  fake.answerTrace(answerWith(conversation(verdict, { tasks: offered ? [] : [task('assigned')] })));
  const { user } = await openTrace(fake);
  await traceCustomer(user);
  const button = within(await stoppedAt()).queryByRole('button', { name: 'Close the conversation' });
  expect(button !== null).toBe(offered);
});

test('a refused close stays in the dialog with the backend’s reason', async () => {
  const fake = createFakeBackend();
  fake.answerTrace(answerWith(conversation('no-task')));
  fake.respond('close-conversation', () =>
    errorReply(409, 'conversation_task_open', 'Conversation CH… is not closed: its task WT… is still assigned.'),
  );
  const { user } = await openTrace(fake);
  await traceCustomer(user);
  await user.click(within(await stoppedAt()).getByRole('button', { name: 'Close the conversation' }));
  const dialog = await screen.findByRole('dialog');
  await user.click(within(dialog).getByRole('button', { name: 'Close conversation' }));
  expect(await within(dialog).findByText(/is still assigned/)).toBeInTheDocument();
  expect(dialog).toBeInTheDocument();
});
