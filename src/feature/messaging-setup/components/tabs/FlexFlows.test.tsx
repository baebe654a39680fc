import { screen, waitFor, within } from '@testing-library/react';

import type { FlexFlowSummary, MigrateFlexFlowResponse } from '../../../../contract/types';
import { defaultAccount, flexFlowFixture, NUMBERS, SENDERS, sid } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const flow = flexFlowFixture;

const FLOWS = {
  sales: flow(1, { friendlyName: 'Sales SMS Flow', contactIdentity: NUMBERS.sales.phoneNumber }),
  outlet: flow(2, {
    friendlyName: 'Outlet WhatsApp Flow',
    channelType: 'whatsapp',
    contactIdentity: SENDERS.offline.senderId,
    longLived: true,
  }),
  support: flow(3, { friendlyName: 'Support SMS Flow', contactIdentity: NUMBERS.support.phoneNumber }),
  line: flow(4, { friendlyName: 'LINE Channel Flow', channelType: 'line', contactIdentity: 'U4af4980629' }),
};

/** Legacy webchat and Facebook flows, which now migrate to a chat and a Messenger address. */
const OTHER_CHANNEL_FLOWS = {
  web: flow(5, { friendlyName: 'Web Channel Flow', channelType: 'web' }),
  facebook: flow(6, {
    friendlyName: 'Facebook Channel Flow',
    channelType: 'facebook',
    contactIdentity: '106932781234567',
  }),
};

function accountWithFlows() {
  const account = defaultAccount();
  account.flexFlows = JSON.parse(JSON.stringify(Object.values(FLOWS))) as FlexFlowSummary[];
  return account;
}

async function renderFlexFlows({ fake = createFakeBackend(accountWithFlows()), canWrite = true } = {}) {
  const rendered = await renderMessagingSetup({ fake, canWrite, loadedWhen: null });
  await rendered.user.click(screen.getByRole('tab', { name: 'Legacy Flex Flows' }));
  await within(panel()).findByText('Sales SMS Flow');
  return rendered;
}

const panel = activePanel;
const rowOf = (name: string) => {
  const row = within(panel())
    .getAllByTestId('flex-flow-row')
    .find((r) => within(r).queryByText(name));
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};
const shownFlows = () =>
  within(panel())
    .queryAllByTestId('flex-flow-row')
    .map((r) => r.querySelector('td:nth-child(2) div')?.textContent);

const failedMigration = (flowSid: string): MigrateFlexFlowResponse => ({
  outcome: 'unchanged',
  message:
    'Nothing changed: the Flex Flow could not be deleted (Twilio did not answer correctly), so the new address was deleted again. The Flex Flow is untouched.',
  flexFlowSid: flowSid,
  address: null,
  steps: [
    { step: 'create_address', status: 'done', detail: 'Created address IG1.' },
    { step: 'verify_address', status: 'done', detail: 'Address IG1 reads back as planned.' },
    { step: 'delete_flex_flow', status: 'failed', detail: `Could not delete the Flex Flow ${flowSid}.` },
    { step: 'undo_create_address', status: 'done', detail: 'Deleted the new address IG1 again.' },
  ],
});

describe('the Legacy Flex Flows tab', () => {
  test('lists every flow with what it does, and says which can be migrated and why not', async () => {
    await renderFlexFlows();
    expect(shownFlows()).toEqual(['Sales SMS Flow', 'Outlet WhatsApp Flow', 'Support SMS Flow', 'LINE Channel Flow']);
    const sales = rowOf('Sales SMS Flow');
    for (const text of [
      'sms',
      NUMBERS.sales.phoneNumber,
      'Studio: Messaging Flow',
      'Retry count: 2',
      'Can be migrated',
    ]) {
      expect(within(sales).getByText(text)).toBeInTheDocument();
    }
    expect(within(sales).getByText('Long-lived: No')).toBeInTheDocument();
    for (const text of ['Enabled: Yes', 'Long-lived: Yes', 'Janitor: Yes']) {
      expect(within(rowOf('Outlet WhatsApp Flow')).getByText(text)).toBeInTheDocument();
    }
    // A number that already has an address can be migrated: the preview says what happens to it.
    const support = rowOf('Support SMS Flow');
    expect(within(support).getByText('Can be migrated')).toBeInTheDocument();
    expect(within(support).getByRole('button', { name: /^Migrate "Support SMS Flow"/ })).toBeInTheDocument();
    expect(
      within(rowOf('LINE Channel Flow')).getByText(
        /A line Flex Flow cannot become an address\. .*LINE.*Interactions API/,
      ),
    ).toBeInTheDocument();
  });

  test('web and Facebook flows migrate to a chat and a Messenger address with their Studio flow and retry count', async () => {
    const account = accountWithFlows();
    account.flexFlows.push(...(JSON.parse(JSON.stringify(Object.values(OTHER_CHANNEL_FLOWS))) as FlexFlowSummary[]));
    const { user } = await renderFlexFlows({ fake: createFakeBackend(account) });
    expect(within(panel()).getByText(/ended on 1 June 2026/)).toBeInTheDocument();
    for (const name of ['Web Channel Flow', 'Facebook Channel Flow']) {
      expect(within(rowOf(name)).getByText('Can be migrated')).toBeInTheDocument();
      await user.click(within(panel()).getByRole('checkbox', { name: `Select ${name}` }));
    }
    await user.click(within(panel()).getByRole('button', { name: 'Migrate selected (2)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Migrate 2 Flex Flows to addresses' });
    expect(
      within(dialog).getByText(/^Becomes Chat address web-channel-flow: Studio flow "Messaging Flow", retry count 2/),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        /^Becomes Facebook Messenger address messenger:106932781234567: Studio flow "Messaging Flow", retry count 2/,
      ),
    ).toBeInTheDocument();
  });

  test('migrating one flow: preview, then the result, then the row is gone and the number is connected', async () => {
    const { fake, notify, user } = await renderFlexFlows();
    await user.click(within(rowOf('Sales SMS Flow')).getByRole('button', { name: /^Migrate "Sales SMS Flow"/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Migrate Sales SMS Flow to an address' });
    expect(
      within(dialog).getByText(
        `Becomes SMS address ${NUMBERS.sales.phoneNumber}: Studio flow "Messaging Flow", retry count 2, conversation service "Flex Conversation Service", auto-creation on.`,
      ),
    ).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Migrate' }));
    const result = await within(dialog).findByTestId('migration-result');
    expect(within(result).getByText('Migrated')).toBeInTheDocument();
    expect(within(result).getByText(/Deleted the Flex Flow/)).toBeInTheDocument();
    expect(fake.payloadsTo('migrate-flex-flow')).toEqual([{ sid: FLOWS.sales.sid }]);
    expect(notify).toHaveBeenCalledWith(
      'success',
      'Flex Flow migration finished: 1 migrated, 0 unchanged, 0 need attention, 0 skipped.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(shownFlows()).not.toContain('Sales SMS Flow');
    await user.click(screen.getByRole('tab', { name: 'Phone numbers' }));
    const salesRow = within(panel())
      .getAllByTestId('connection-row')
      .find((r) => within(r).queryByText(NUMBERS.sales.phoneNumber));
    expect(within(salesRow as HTMLElement).getByRole('button', { name: /^Edit address for / })).toBeInTheDocument();
  });

  test('a number with an address already: the preview names it and what changes; migrating sends it as confirmed', async () => {
    const { fake, user } = await renderFlexFlows();
    await user.click(within(rowOf('Support SMS Flow')).getByRole('button', { name: /^Migrate "Support SMS Flow"/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Migrate Support SMS Flow to an address' });
    expect(
      within(dialog).getByText(
        `${NUMBERS.support.phoneNumber} already has address ${sid('IG', 1)} (retry count is 3, friendly name is Support SMS): migrating changes that address to the settings above, then deletes the Flex Flow.`,
      ),
    ).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Migrate' }));
    const result = await within(dialog).findByTestId('migration-result');
    expect(within(result).getByText('Migrated')).toBeInTheDocument();
    expect(fake.payloadsTo('migrate-flex-flow')).toEqual([
      { sid: FLOWS.support.sid, updateExistingAddressSid: sid('IG', 1) },
    ]);
  });

  test('bulk: migrates the selected flows one by one and reports each, also a failure and a thrown error', async () => {
    const fake = createFakeBackend(accountWithFlows());
    const { notify, user } = await renderFlexFlows({ fake });
    fake.respond('migrate-flex-flow', (payload) => {
      const { sid: flowSid } = payload as { sid: string };
      if (flowSid === FLOWS.sales.sid) return { body: failedMigration(flowSid) };
      return errorReply(502, 'twilio_unavailable', 'Twilio did not answer correctly; try again in a moment.');
    });

    await user.click(within(panel()).getByRole('checkbox', { name: 'Select every Flex Flow that can be migrated' }));
    await user.click(within(panel()).getByRole('button', { name: 'Migrate selected (3)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Migrate 3 Flex Flows to addresses' });
    await user.click(within(dialog).getByRole('button', { name: 'Migrate 3' }));

    await within(dialog).findByText('0 migrated, 3 unchanged, 0 need attention, 0 skipped.');
    const results = within(dialog).getAllByTestId('migration-result');
    expect(results).toHaveLength(3);
    expect(within(results[0]).getByText('Nothing changed')).toBeInTheDocument();
    expect(within(results[0]).getByText(/Could not delete the Flex Flow/)).toBeInTheDocument();
    expect(within(results[1]).getByText('Failed')).toBeInTheDocument();
    expect(within(results[1]).getByText(/Twilio did not answer correctly/)).toBeInTheDocument();
    expect(within(results[2]).getByText('Failed')).toBeInTheDocument();
    expect(within(dialog).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '3');
    expect(fake.payloadsTo('migrate-flex-flow')).toEqual([
      { sid: FLOWS.sales.sid },
      { sid: FLOWS.outlet.sid },
      { sid: FLOWS.support.sid, updateExistingAddressSid: sid('IG', 1) },
    ]);
    expect(notify).toHaveBeenCalledWith('error', expect.stringContaining('0 migrated, 3 unchanged'));
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    // Nothing was migrated, so every flow is still listed.
    expect(shownFlows()).toHaveLength(4);
  });

  test('deleting a flow whose number has no address warns that its messages stop reaching Flex', async () => {
    const { fake, notify, user } = await renderFlexFlows();
    await user.click(
      within(rowOf('Sales SMS Flow')).getByRole('button', { name: /^Delete Flex Flow "Sales SMS Flow"/ }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Delete Flex Flow Sales SMS Flow?' });
    expect(
      within(dialog).getByText(/its messages no longer reach Flex at all\. Migrate the Flex Flow instead/),
    ).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('delete-flex-flow')).toEqual([{ sid: FLOWS.sales.sid }]);
    expect(shownFlows()).not.toContain('Sales SMS Flow');
    expect(notify).toHaveBeenCalledWith('success', 'Flex Flow Sales SMS Flow deleted.');
  });

  test('deleting a flow whose number has an address says the address keeps it reaching Flex; a failure stays in the dialog', async () => {
    const fake = createFakeBackend(accountWithFlows());
    const { notify, user } = await renderFlexFlows({ fake });
    fake.respond('delete-flex-flow', () => errorReply(502, 'twilio_unavailable', 'Twilio did not answer correctly.'));
    await user.click(
      within(rowOf('Support SMS Flow')).getByRole('button', { name: /^Delete Flex Flow "Support SMS Flow"/ }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Delete Flex Flow Support SMS Flow?' });
    expect(within(dialog).getByText(/keep reaching Flex through address IG0+1/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText('The Flex Flow was not deleted.')).toBeInTheDocument();
    expect(notify).toHaveBeenCalledWith(
      'error',
      'Flex Flow Support SMS Flow was not deleted: Twilio did not answer correctly.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(shownFlows()).toContain('Support SMS Flow');
  });

  test('without write access there is nothing to select, migrate or delete', async () => {
    await renderFlexFlows({ canWrite: false });
    expect(within(panel()).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(within(panel()).queryByRole('button', { name: /Migrate|Delete/ })).not.toBeInTheDocument();
  });
});

describe('"Flex webhook (built in)" in the address dialog', () => {
  const BUILT_IN = {
    type: 'webhook',
    webhookUrl: 'https://messaging-setup-1234-dev.twil.io/inbound-webhook',
    webhookMethod: 'POST',
    webhookFilters: ['onMessageAdded'],
  };

  test('creates a webhook address pointing at the backend’s handler with the onMessageAdded filter', async () => {
    const { fake, user } = await renderFlexFlows();
    await user.click(screen.getByRole('tab', { name: 'Phone numbers' }));
    const salesRow = within(panel())
      .getAllByTestId('connection-row')
      .find((r) => within(r).queryByText(NUMBERS.sales.phoneNumber)) as HTMLElement;
    await user.click(within(salesRow).getByRole('button', { name: /^Create address for / }));
    const dialog = await screen.findByRole('dialog', { name: 'Create address' });
    await user.selectOptions(within(dialog).getByLabelText(/^Integration/), 'Flex webhook (built in)');
    expect(
      within(dialog).getByText(/Twilio calls https:\/\/messaging-setup-1234-dev\.twil\.io\/inbound-webhook/),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/^Webhook URL/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')).toEqual([expect.objectContaining({ integration: BUILT_IN })]);

    // It reads back as the built-in handler, in the table and when edited.
    await user.click(screen.getByRole('tab', { name: 'Addresses' }));
    expect(within(panel()).getByText(`Flex webhook (built in): POST ${BUILT_IN.webhookUrl}`)).toBeInTheDocument();
    const row = within(panel())
      .getAllByRole('row')
      .find((r) => within(r).queryByText(NUMBERS.sales.phoneNumber)) as HTMLElement;
    await user.click(within(row).getByRole('button', { name: /^Edit address for / }));
    const edit = await screen.findByRole('dialog', { name: 'Edit address' });
    expect(within(edit).getByLabelText(/^Integration/)).toHaveValue('builtin');
  });
});
