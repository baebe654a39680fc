import { screen, waitFor, within } from '@testing-library/react';

import type { HistoryEntry, SetAsideMark } from '../../../../contract/types';
import { NUMBERS, SENDERS } from '../../../../test/fakeAccount';
import { createFakeBackend, refusal } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';
import { HISTORY_KIND_VIEWS } from '../../state/historyKindViews';

jest.setTimeout(30_000);

/** The Sales line has no address: Broken until it is set aside. */
const SALES = NUMBERS.sales.phoneNumber;

const mark = (address: string, overrides: Partial<SetAsideMark> = {}): SetAsideMark => ({
  channel: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms',
  address,
  reason: 'Sends appointment reminders from the booking app',
  by: 'first.supervisor@owl.example',
  at: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000).toISOString(),
  ...overrides,
});

const banner = () => screen.getByRole('region', { name: 'Account health' });
const numbersCount = (count: number, level: string) =>
  within(banner()).getByRole('button', { name: `Show the ${count} phone numbers that are ${level}` });
const diagnosisOf = (address: string, level: string) =>
  within(activePanel()).getByRole('button', { name: `Diagnosis for ${address}: ${level}` });

async function openDiagnosis(
  user: Awaited<ReturnType<typeof renderMessagingSetup>>['user'],
  address: string,
  level: string,
) {
  await user.click(diagnosisOf(address, level));
  return screen.findByRole('dialog', { name: `Diagnosis for ${address}` });
}

test('a Broken number set aside with a reason leaves the Broken count and shows as Not for Flex', async () => {
  const { fake, notify, user } = await renderMessagingSetup();
  const brokenBefore = Number(
    /^(\d+)/.exec(
      within(banner()).getByRole('button', { name: /phone numbers that are Broken$/ }).textContent ?? '',
    )?.[1],
  );
  expect(within(banner()).queryByRole('button', { name: /that are Not for Flex$/ })).not.toBeInTheDocument();

  const dialog = await openDiagnosis(user, SALES, 'Broken');
  await user.click(within(dialog).getByRole('button', { name: 'Set aside as not for Flex' }));
  await user.type(within(dialog).getByRole('textbox', { name: 'Reason (optional)' }), '  Marketing texts only  ');
  await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));

  await within(dialog).findByText(/Set aside as not for Flex by demo\.supervisor@owl\.example/);
  expect(within(dialog).getByTestId('set-aside-mark')).toHaveTextContent('Reason: Marketing texts only');
  expect(fake.payloadsTo('set-number-aside')).toEqual([
    { channel: 'sms', address: SALES, aside: true, reason: 'Marketing texts only' },
  ]);
  // What would stand in the way if it were for Flex is still there, said as such.
  expect(within(dialog).getByText(/If it were for Flex, this would stand in the way/)).toBeInTheDocument();
  expect(within(dialog).getByText(/has no Conversations address/)).toBeInTheDocument();
  expect(notify).toHaveBeenCalledWith('success', `${SALES} is set aside as not for Flex.`);

  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  expect(diagnosisOf(SALES, 'Not for Flex')).toBeInTheDocument();
  expect(numbersCount(brokenBefore - 1, 'Broken')).toBeInTheDocument();
  expect(numbersCount(1, 'Not for Flex')).toBeInTheDocument();
});

test('the Not for Flex filter lists the set-aside rows, and Needs attention leaves them out', async () => {
  const fake = createFakeBackend();
  fake.account.setAsides = [mark(SALES)];
  const { user } = await renderMessagingSetup({ fake });
  expect(numbersCount(1, 'Not for Flex')).toBeInTheDocument();

  await user.click(numbersCount(1, 'Not for Flex'));
  await waitFor(() => expect(within(activePanel()).getAllByTestId('connection-row')).toHaveLength(1));
  expect(within(activePanel()).getByTestId('connection-row')).toHaveTextContent(SALES);

  await user.selectOptions(within(activePanel()).getByRole('combobox', { name: 'Diagnosis' }), 'Needs attention');
  await waitFor(() =>
    expect(within(activePanel()).queryByRole('button', { name: `Diagnosis for ${SALES}: Not for Flex` })).toBeNull(),
  );
  expect(within(activePanel()).getAllByTestId('connection-row').length).toBeGreaterThan(0);
});

test('a mark read at load says who set it aside and why; bringing it back puts it in the counts again', async () => {
  const fake = createFakeBackend();
  fake.account.setAsides = [mark(SALES)];
  const { user, notify } = await renderMessagingSetup({ fake });

  const dialog = await openDiagnosis(user, SALES, 'Not for Flex');
  const shown = within(dialog).getByTestId('set-aside-mark');
  expect(shown).toHaveTextContent('Set aside as not for Flex by first.supervisor@owl.example, 2 days ago');
  expect(shown).toHaveTextContent('Reason: Sends appointment reminders from the booking app');
  await user.click(within(dialog).getByRole('button', { name: 'Bring back to Flex' }));

  await within(dialog).findByRole('button', { name: 'Set aside as not for Flex' });
  expect(fake.payloadsTo('set-number-aside')).toEqual([{ channel: 'sms', address: SALES, aside: false }]);
  expect(notify).toHaveBeenCalledWith('success', `${SALES} is back among what is for Flex.`);
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  expect(diagnosisOf(SALES, 'Broken')).toBeInTheDocument();
  expect(within(banner()).queryByRole('button', { name: /that are Not for Flex$/ })).not.toBeInTheDocument();
});

test('a WhatsApp sender can be set aside too, on its own tab and count', async () => {
  const { fake, user } = await renderMessagingSetup();
  await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
  const sender = SENDERS.offline.senderId;
  const level = within(activePanel()).getByRole('button', {
    name: new RegExp(`^Diagnosis for ${sender.replace('+', '\\+')}: `),
  }).textContent as string;
  const dialog = await openDiagnosis(user, sender, level);
  await user.click(within(dialog).getByRole('button', { name: 'Set aside as not for Flex' }));
  await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));
  await within(dialog).findByTestId('set-aside-mark');
  expect(fake.payloadsTo('set-number-aside')).toEqual([{ channel: 'whatsapp', address: sender, aside: true }]);
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  expect(diagnosisOf(sender, 'Not for Flex')).toBeInTheDocument();
  expect(
    within(banner()).getByRole('button', { name: 'Show the 1 WhatsApp senders that are Not for Flex' }),
  ).toBeInTheDocument();
});

test('a refused change says why in the dialog and changes nothing in the view', async () => {
  const fake = createFakeBackend();
  fake.respond('set-number-aside', () =>
    refusal(409, 'set_aside_moved', { key: 'MessagingSetupRefusalSetAsideMoved', values: { address: SALES } }),
  );
  const { user, notify } = await renderMessagingSetup({ fake });
  const dialog = await openDiagnosis(user, SALES, 'Broken');
  await user.click(within(dialog).getByRole('button', { name: 'Set aside as not for Flex' }));
  await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));

  const alert = await within(dialog).findByText(/^Not changed: /);
  expect(alert.textContent).toMatch(/\S{10,}/);
  expect(notify).toHaveBeenCalledWith(
    'error',
    expect.stringContaining(`Could not change whether ${SALES} is for Flex`),
  );
  // The reason typed is still there to try again.
  expect(within(dialog).getByRole('textbox', { name: 'Reason (optional)' })).toBeInTheDocument();
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));
  expect(diagnosisOf(SALES, 'Broken')).toBeInTheDocument();
});

test.each([
  {
    name: 'nothing changed: the backend’s words, as a success',
    receipt: {
      recorded: false,
      unchanged: true,
      message: `Nothing changed: ${SALES} was already set aside with this reason.`,
      messageKey: 'MessagingSetupRefusalAlreadySetAside',
      values: { address: SALES },
    },
    said: ['success', `Nothing changed: ${SALES} was already set aside with this reason.`],
  },
  {
    name: 'made but not recorded: the missing entry, as an error',
    receipt: { recorded: false, message: 'Twilio Sync did not answer.' },
    said: ['error', 'The change was made, but the change history could not record it: Twilio Sync did not answer.'],
  },
] as const)(
  'a change answered $receipt.recorded with unchanged $receipt.unchanged is said as $said.0',
  async ({ receipt, said }) => {
    const fake = createFakeBackend();
    fake.respond('set-number-aside', () => ({ body: { mark: mark(SALES), history: receipt } }));
    const { user, notify } = await renderMessagingSetup({ fake });
    const dialog = await openDiagnosis(user, SALES, 'Broken');
    await user.click(within(dialog).getByRole('button', { name: 'Set aside as not for Flex' }));
    await user.click(within(dialog).getByRole('button', { name: 'Set aside' }));
    await within(dialog).findByTestId('set-aside-mark');
    expect(notify).toHaveBeenCalledWith(...said);
    // Either way the mark is as the backend answered it.
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(diagnosisOf(SALES, 'Not for Flex')).toBeInTheDocument();
    // The change was made either way: when only its entry is missing, its "done" is said too.
    if (said[0] === 'error') expect(notify).toHaveBeenCalledWith('success', `${SALES} is set aside as not for Flex.`);
  },
);

test('a user who may not write sees the mark but no way to change it', async () => {
  const fake = createFakeBackend();
  fake.account.setAsides = [mark(SALES)];
  const { user } = await renderMessagingSetup({ fake, canWrite: false });
  const dialog = await openDiagnosis(user, SALES, 'Not for Flex');
  expect(within(dialog).getByTestId('set-aside-mark')).toHaveTextContent('first.supervisor@owl.example');
  expect(within(dialog).queryByRole('button', { name: 'Bring back to Flex' })).toBeNull();
  await user.click(within(dialog).getByRole('button', { name: 'Close' }));

  const other = await openDiagnosis(user, NUMBERS.billing.phoneNumber, 'Broken');
  expect(within(other).queryByRole('button', { name: 'Set aside as not for Flex' })).toBeNull();
});

test('a list of marks that fails to load is said, and the rows keep their own diagnosis', async () => {
  const fake = createFakeBackend();
  fake.account.setAsides = [mark(SALES)];
  fake.respond('list-set-asides', () =>
    refusal(503, 'unavailable', { key: 'MessagingSetupRefusalTwilioSays', values: { message: 'Sync is down' } }),
  );
  await renderMessagingSetup({ fake });
  expect(await screen.findByText(/numbers set aside as not for Flex/)).toBeInTheDocument();
  expect(diagnosisOf(SALES, 'Broken')).toBeInTheDocument();
});

test('a revert of a set-aside change puts the mark as the revert left it into the view', () => {
  const entry = (after: HistoryEntry['after']): HistoryEntry =>
    ({
      id: '2',
      at: '2026-12-06T12:00:00Z',
      who: { identity: 'demo.supervisor@owl.example', roles: ['supervisor'] },
      kind: 'revert',
      outcome: 'succeeded',
      resource: { type: 'sender', sid: NUMBERS.sales.sid, address: SALES },
      before: null,
      after,
    }) as HistoryEntry;
  const reverted = { ...entry({ setAside: mark(SALES) }), kind: 'set-aside' } as HistoryEntry;
  expect(HISTORY_KIND_VIEWS['set-aside'].afterRevert(entry({ setAside: null }), reverted).actions).toEqual([
    { type: 'set-aside-changed', address: SALES, mark: null },
  ]);
  const restored = mark(SALES);
  expect(HISTORY_KIND_VIEWS['set-aside'].afterRevert(entry({ setAside: restored }), reverted).actions).toEqual([
    { type: 'set-aside-changed', address: SALES, mark: restored },
  ]);
});
