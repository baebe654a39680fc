import { screen, waitFor, within } from '@testing-library/react';

import type { AddressSummary, HistoryEntry, HistoryIntegrity, HistoryState } from '../../../../contract/types';
import { ADDRESSES, defaultAccount, NUMBERS } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const WEBHOOK = 'https://hooks.example.com/support';
const support = ADDRESSES.support;
const supportOnWebhook: AddressSummary = {
  ...support,
  integration: { type: 'webhook', webhookUrl: WEBHOOK, webhookMethod: 'POST', webhookFilters: ['onMessageAdded'] },
};

/** The support line moved from Studio to a webhook by one supervisor; a failed delete by another. */
function accountWithHistory() {
  const account = defaultAccount();
  account.addresses = account.addresses.map((a) => (a.sid === support.sid ? supportOnWebhook : a));
  const edit: HistoryEntry = {
    id: '2',
    at: '2026-12-05T09:30:00Z',
    who: { identity: 'demo.supervisor@owl.example', roles: ['supervisor'] },
    kind: 'update-address',
    resource: { type: 'address', sid: support.sid, address: support.address },
    before: { address: support },
    after: { address: supportOnWebhook },
    outcome: 'succeeded',
  };
  const failedDelete: HistoryEntry = {
    id: '1',
    at: '2026-12-05T09:00:00Z',
    who: { identity: 'other.admin@owl.example', roles: ['admin'] },
    kind: 'delete-address',
    resource: { type: 'address', sid: ADDRESSES.billing.sid, address: ADDRESSES.billing.address },
    before: { address: ADDRESSES.billing },
    after: { address: ADDRESSES.billing },
    outcome: 'failed',
    error: 'Twilio is rate limiting requests right now.',
  };
  account.history = [edit, failedDelete];
  return account;
}

/** Its routing changed kind (Studio to webhook): named as a whole, before → after. */
const EDIT_SENTENCE = `demo.supervisor changed ${support.address}: routing from Studio: Messaging Flow · retry 3 to Webhook: POST ${WEBHOOK}`;
/** The view on `account`; it has loaded once the support line's webhook routing shows. */
const renderWithHistory = (fake = createFakeBackend(accountWithHistory())) =>
  renderMessagingSetup({ fake, loadedWhen: `Webhook: POST ${WEBHOOK}` });
const historyRows = () => within(activePanel()).queryAllByTestId('history-row');

test('the view loads no history; the History tab lists each change readably, with its exact before and after', async () => {
  const fake = createFakeBackend(accountWithHistory());
  const { user } = await renderWithHistory(fake);
  expect(fake.payloadsTo('list-history')).toHaveLength(0);

  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(2));
  // An older backend says nothing of the chain: no notice, no labels.
  expect(within(activePanel()).queryByTestId('history-integrity')).not.toBeInTheDocument();
  const [edit, failed] = historyRows();
  expect(edit).toHaveTextContent(EDIT_SENTENCE);
  expect(edit).toHaveTextContent('demo.supervisor@owl.example');
  expect(failed).toHaveTextContent(
    `Failed: other.admin deleted ${ADDRESSES.billing.address} (Studio: Messaging Flow · retry 1 (auto-creation off))`,
  );
  // A failed change cannot be reverted: nothing was changed.
  expect(within(failed).queryByRole('button', { name: /^Revert/ })).not.toBeInTheDocument();

  await user.click(within(edit).getByText('Before and after'));
  expect(edit).toHaveTextContent('Before: Studio: Messaging Flow · retry 3');
  expect(edit).toHaveTextContent(`"webhookUrl": "${WEBHOOK}"`);
  // The fields that changed, each before → after; Twilio's own dateUpdated is not one of them.
  expect(
    within(within(edit).getByRole('list', { name: 'Fields changed' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent),
  ).toEqual([
    'address.integration.type: "studio" → "webhook"',
    'address.integration.studioFlowSid: "FW00000000000000000000000000000001" → —',
    'address.integration.retryCount: 3 → —',
    `address.integration.webhookUrl: — → "${WEBHOOK}"`,
    'address.integration.webhookMethod: — → "POST"',
    'address.integration.webhookFilters: — → ["onMessageAdded"]',
  ]);

  // The filters go to the backend, all together; the table has no search of its own beside them.
  expect(within(activePanel()).getAllByRole('searchbox')).toHaveLength(1);
  await user.type(within(activePanel()).getByRole('searchbox', { name: 'Search changes' }), support.address);
  await user.type(within(activePanel()).getByLabelText('Person'), 'demo.supervisor@owl.example');
  await user.selectOptions(within(activePanel()).getByLabelText('Kind of change'), 'Address changed');
  await user.click(within(activePanel()).getByRole('button', { name: 'Show changes' }));
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  expect(fake.payloadsTo('list-history').at(-1)).toEqual({
    search: support.address,
    identity: 'demo.supervisor@owl.example',
    kind: 'update-address',
  });
});

test('Revert confirms, puts the address back, says so, and lists the revert', async () => {
  const fake = createFakeBackend(accountWithHistory());
  const { user, notify } = await renderWithHistory(fake);
  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(2));
  await user.click(within(historyRows()[0]).getByRole('button', { name: `Revert: ${EDIT_SENTENCE}` }));

  const confirm = await screen.findByRole('dialog', { name: 'Revert this change?' });
  expect(confirm).toHaveTextContent(EDIT_SENTENCE);
  await user.click(within(confirm).getByRole('button', { name: 'Revert' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(fake.payloadsTo('revert-change')).toEqual([{ id: '2' }]);
  expect(notify).toHaveBeenCalledWith('success', `Reverted: ${EDIT_SENTENCE}.`);
  await waitFor(() => expect(historyRows()).toHaveLength(3));
  expect(historyRows()[0]).toHaveTextContent(`demo.supervisor reverted a change of ${support.address}`);

  // The state shows what the revert put back.
  await user.click(screen.getByRole('tab', { name: 'Phone numbers' }));
  const row = within(activePanel())
    .getAllByTestId('connection-row')
    .find((r) => within(r).queryByText(NUMBERS.support.phoneNumber)) as HTMLElement;
  expect(row).toHaveTextContent('Studio: Messaging Flow · retry 3');
});

test('a revert the backend refuses (changed since) stays in the dialog with who changed it; nothing changes', async () => {
  const fake = createFakeBackend(accountWithHistory());
  const refusal = `${support.address} was changed since by other.admin@owl.example at 2026-12-05T10:00:00Z: nothing was reverted.`;
  fake.respond('revert-change', () => errorReply(409, 'changed_since', refusal));
  const { user, notify } = await renderWithHistory(fake);
  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(2));
  await user.click(within(historyRows()[0]).getByRole('button', { name: `Revert: ${EDIT_SENTENCE}` }));
  const confirm = await screen.findByRole('dialog', { name: 'Revert this change?' });
  await user.click(within(confirm).getByRole('button', { name: 'Revert' }));
  // The backend's UTC instant reads in the supervisor's time zone (UTC here: the tests' TZ).
  const worded = refusal.replace('2026-12-05T10:00:00Z', 'Dec 5, 2026, 10:00 AM');
  expect(await within(confirm).findByText(`Not reverted: ${worded}`)).toBeInTheDocument();
  expect(notify).toHaveBeenCalledWith('error', `Not reverted: ${worded}`);
  expect(fake.account.addresses.find((a) => a.sid === support.sid)).toEqual(supportOnWebhook);
});

test('a reader sees the history but no Revert', async () => {
  const account = accountWithHistory();
  account.flexConfiguration = { ...account.flexConfiguration, callerMayWrite: false };
  const { user } = await renderWithHistory(createFakeBackend(account));
  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(2));
  expect(within(activePanel()).queryByRole('button', { name: /^Revert/ })).not.toBeInTheDocument();
});

test("the diagnosis dialog shows the address's recent changes", async () => {
  const fake = createFakeBackend(accountWithHistory());
  const { user } = await renderWithHistory(fake);
  await user.click(within(activePanel()).getByRole('button', { name: `Diagnosis for ${support.address}: Unknown` }));
  const recent = within(screen.getByRole('dialog')).getByRole('region', { name: 'Recent changes' });
  await waitFor(() => expect(within(recent).getAllByTestId('recent-change')).toHaveLength(1));
  expect(recent).toHaveTextContent(EDIT_SENTENCE);
  expect(fake.payloadsTo('list-history')).toEqual([{ address: support.address }]);
});

test('a change the history could not record is made, and the user is told', async () => {
  const fake = createFakeBackend();
  fake.respond('delete-address', () => ({
    body: { deleted: support.sid, history: { recorded: false, message: 'Twilio Sync did not answer.' } },
  }));
  const { user, notify } = await renderMessagingSetup({ fake });
  await user.click(screen.getByRole('tab', { name: 'Addresses' }));
  const row = within(activePanel())
    .getAllByTestId('address-row')
    .find((r) => within(r).queryByText(support.address)) as HTMLElement;
  await user.click(within(row).getByRole('button', { name: /^Delete address for / }));
  await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
  await waitFor(() =>
    expect(notify).toHaveBeenCalledWith(
      'error',
      'The change was made, but the change history could not record it: Twilio Sync did not answer.',
    ),
  );
  expect(notify).toHaveBeenCalledWith('success', expect.stringContaining(support.address));
});

test('a summarised entry (its states did not fit) offers no Revert, as the backend would refuse it', async () => {
  const account = accountWithHistory();
  account.history = [{ ...account.history[0], summarised: true }];
  const { user } = await renderWithHistory(createFakeBackend(account));
  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  await user.click(within(historyRows()[0]).getByText('Before and after'));
  expect(historyRows()[0]).toHaveTextContent('Summarised: the full states did not fit in one history entry.');
  expect(within(historyRows()[0]).queryByRole('button', { name: /^Revert/ })).not.toBeInTheDocument();
});

describe("the history's chain", () => {
  const intact = (newest: string, oldest: string, more: Partial<HistoryIntegrity> = {}): HistoryIntegrity => ({
    verdict: 'intact',
    newest,
    oldest,
    broken: [],
    ...more,
  });
  const openHistory = async (fake: ReturnType<typeof createFakeBackend>) => {
    const { user } = await renderWithHistory(fake);
    await user.click(screen.getByRole('tab', { name: 'History' }));
    return user;
  };

  test('an intact history says so above the list, with what was checked; a carried-over entry is labelled', async () => {
    const fake = createFakeBackend(accountWithHistory());
    fake.answerHistory({
      integrity: intact('2', '1', { carriedOverThrough: '1', startsAfterGap: true }),
      chain: { '2': { chain: 'verified' }, '1': { chain: 'carried-over', carriedOverFrom: '17' } },
    });
    await openHistory(fake);
    const notice = await within(activePanel()).findByRole('status', { name: 'History intact' });
    expect(within(activePanel()).getByTestId('history-integrity')).toBe(notice);
    expect(notice).toHaveTextContent(
      "History intact Entries 1 to 2, the ones loaded, match what Messaging Setup wrote; entries up to 1 were carried over from the account's default Sync service; older entries have expired.",
    );
    await waitFor(() => expect(historyRows()).toHaveLength(2));
    const [edit, carried] = historyRows();
    expect(within(carried).getByText('Carried over')).toBeInTheDocument();
    expect(within(edit).queryByText('Carried over')).not.toBeInTheDocument();
    expect(within(edit).queryByText('Does not match the history')).not.toBeInTheDocument();
    // A verified entry is revertible as before.
    expect(within(edit).getByRole('button', { name: `Revert: ${EDIT_SENTENCE}` })).toBeInTheDocument();
  });

  test('a broken history names the newest entry that does not match and why, counts the others over every page, and offers no Revert of it', async () => {
    const account = accountWithHistory();
    const oldest: HistoryEntry = { ...account.history[0], id: '0', at: '2026-12-04T09:00:00Z' };
    account.history = [...account.history, oldest];
    const fake = createFakeBackend(account);
    fake.answerHistory({
      pageSize: 1,
      chain: { '2': { chain: 'failed', chainProblem: 'altered' } },
      integrity: (page, read) =>
        page === 0
          ? { ...intact(read[0].id, read[0].id), verdict: 'broken', broken: [{ id: '2', problem: 'altered' }] }
          : page === 1
            ? // The same entry again (the check reaches across the page's edge), and one more.
              {
                ...intact('1', '1'),
                verdict: 'broken',
                broken: [
                  { id: '2', problem: 'altered' },
                  { id: '1', problem: 'link' },
                ],
              }
            : intact('0', '0'),
    });
    const user = await openHistory(fake);
    const notice = await within(activePanel()).findByRole('alert', { name: 'History does not match' });
    expect(notice).toHaveTextContent(
      'History does not match Entry 2 does not match: its content was changed outside Messaging Setup. An entry that does not match cannot be reverted.',
    );
    await waitFor(() => expect(historyRows()).toHaveLength(1));
    const [altered] = historyRows();
    expect(within(altered).getByText('Does not match the history')).toBeInTheDocument();
    expect(within(altered).queryByRole('button', { name: /^Revert/ })).not.toBeInTheDocument();
    expect(altered).toHaveTextContent('Not revertible: its content was changed outside Messaging Setup.');

    await user.click(within(activePanel()).getByRole('button', { name: 'Load older changes' }));
    await waitFor(() => expect(historyRows()).toHaveLength(2));
    expect(within(activePanel()).getByRole('alert', { name: 'History does not match' })).toHaveTextContent(
      'Entry 2 does not match: its content was changed outside Messaging Setup. 1 other entry does not match either.',
    );
    // An intact older page does not mend the pages before it.
    await user.click(within(activePanel()).getByRole('button', { name: 'Load older changes' }));
    await waitFor(() => expect(historyRows()).toHaveLength(3));
    expect(within(activePanel()).getByRole('alert', { name: 'History does not match' })).toHaveTextContent(
      '1 other entry does not match either.',
    );
    expect(within(activePanel()).queryByRole('status', { name: 'History intact' })).not.toBeInTheDocument();
    // The entries that match are revertible as before.
    expect(within(historyRows()[2]).getByRole('button', { name: `Revert: ${EDIT_SENTENCE}` })).toBeInTheDocument();
  });

  test('items that are not entries are rows of their own, each once, in their place; the rest of the list is unaffected', async () => {
    const fake = createFakeBackend(accountWithHistory());
    const again = { id: '3', field: 'resource.sid' };
    fake.answerHistory({ pageSize: 1, unreadable: (page) => (page === 0 ? [again] : [again, { id: '0' }]) });
    const user = await openHistory(fake);
    await waitFor(() => expect(historyRows()).toHaveLength(2));
    await user.click(within(activePanel()).getByRole('button', { name: 'Load older changes' }));
    await waitFor(() => expect(historyRows()).toHaveLength(4));
    const [unreadable, edit, failed, notAnObject] = historyRows();
    expect(unreadable).toHaveTextContent('Entry 3 could not be read (field resource.sid)');
    expect(within(unreadable).queryByRole('button')).not.toBeInTheDocument();
    expect(edit).toHaveTextContent(EDIT_SENTENCE);
    expect(within(edit).getByRole('button', { name: `Revert: ${EDIT_SENTENCE}` })).toBeInTheDocument();
    expect(failed).toHaveTextContent(`Failed: other.admin deleted ${ADDRESSES.billing.address}`);
    expect(notAnObject).toHaveTextContent('Entry 0 could not be read');
  });
});

test('an entry whose states are not of the shapes recorded reads as a fallback sentence, offers no Revert, and the rest of the list is unaffected', async () => {
  const account = accountWithHistory();
  const [edit, failedDelete] = account.history;
  const odd = (state: unknown) => state as HistoryState;
  account.history = [
    {
      ...edit,
      id: '6',
      before: odd({ address: 'str' }),
      after: odd({ address: { ...support, integration: undefined } }),
    },
    {
      ...edit,
      id: '5',
      kind: 'update-number-inbound',
      resource: { type: 'phone-number', sid: 42 as unknown as string, address: null },
      before: odd({ numberInbound: null }),
      after: odd({ numberInbound: { smsUrl: 7 } }),
    },
    { ...edit, id: '4', kind: 'migrate-flex-flow', before: odd({ flexFlow: null }), after: odd('str') },
    { ...edit, id: '3', kind: 'rename-address' as HistoryEntry['kind'], before: null, after: null },
    failedDelete,
  ];
  const { user } = await renderWithHistory(createFakeBackend(account));
  await user.click(screen.getByRole('tab', { name: 'History' }));
  await waitFor(() => expect(historyRows()).toHaveLength(5));
  const [address, inbound, migration, unknownKind, failed] = historyRows();
  expect(address).toHaveTextContent(
    `demo.supervisor changed ${support.address} from settings that cannot be read to settings that cannot be read`,
  );
  expect(inbound).toHaveTextContent(
    'demo.supervisor changed the "A message comes in" handler of 42 from settings that cannot be read to settings that cannot be read',
  );
  expect(migration).toHaveTextContent(
    `demo.supervisor migrated the Flex Flow settings that cannot be read to ${support.address}: settings that cannot be read`,
  );
  expect(unknownKind).toHaveTextContent(
    `demo.supervisor made a change of ${support.address} that Messaging Setup cannot describe (rename-address)`,
  );
  for (const row of [address, inbound, migration, unknownKind]) {
    expect(within(row).queryByRole('button', { name: /^Revert/ })).not.toBeInTheDocument();
  }
  await user.click(within(address).getByText('Before and after'));
  expect(address).toHaveTextContent('Before: settings that cannot be read');
  expect(address).toHaveTextContent('"address": "str"');
  expect(failed).toHaveTextContent(`Failed: other.admin deleted ${ADDRESSES.billing.address}`);
});
