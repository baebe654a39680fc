import { screen, waitFor, within } from '@testing-library/react';

import type { AddressSummary, HistoryEntry } from '../../../../contract/types';
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

const EDIT_SENTENCE = `demo.supervisor changed ${support.address} from Studio: Messaging Flow · retry 3 to Webhook: POST ${WEBHOOK}`;
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

  // The filters go to the backend, all together.
  await user.type(within(activePanel()).getByLabelText('Address or number'), support.address);
  await user.type(within(activePanel()).getByLabelText('Person'), 'demo.supervisor@owl.example');
  await user.selectOptions(within(activePanel()).getByLabelText('Kind of change'), 'Address changed');
  await user.click(within(activePanel()).getByRole('button', { name: 'Show changes' }));
  await waitFor(() => expect(historyRows()).toHaveLength(1));
  expect(fake.payloadsTo('list-history').at(-1)).toEqual({
    address: support.address,
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
  expect(await within(confirm).findByText(`Not reverted: ${refusal}`)).toBeInTheDocument();
  expect(notify).toHaveBeenCalledWith('error', `Not reverted: ${refusal}`);
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
  await user.click(within(activePanel()).getByRole('button', { name: `Diagnosis for ${support.address}: Ready` }));
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
  await user.click(within(row).getByRole('button', { name: 'Delete address' }));
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
