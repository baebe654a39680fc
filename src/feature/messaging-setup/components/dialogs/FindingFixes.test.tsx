import { screen, waitFor, within } from '@testing-library/react';

import { builtInWebhookUrl } from '../../api/builtInWebhook';
import {
  ADDRESSES,
  defaultAccount,
  DRAFT_FLOW_SID,
  FLEX_SERVICE_SID,
  flexFlowFixture,
  MESSAGING_FLOW_SID,
  NUMBERS,
  OTHER_SERVICE_SID,
  SENDERS,
  type FakeAccount,
} from '../../../../test/fakeAccount';
import { createFakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup as renderView } from '../../../../test/renderMessagingSetup';

jest.setTimeout(20_000);

/**
 * Every kind of fix a finding carries, clicked through: from the row's diagnosis, the finding's
 * button opens the view's own dialog made ready, the supervisor completes it, the backend gets the
 * change and the row's diagnosis is the new one.
 */

const diagnosisButton = (address: string, level: string) =>
  within(activePanel()).getByRole('button', { name: `Diagnosis for ${address}: ${level}` });
const finding = (code: string) => {
  const item = within(screen.getByRole('dialog'))
    .getAllByRole('listitem')
    .find((li) => li.dataset.finding === code);
  if (!item) throw new Error(`No finding ${code} in the dialog.`);
  return within(item);
};
const gone = () => waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

/** The view on `account`, with the diagnosis of `address` (now `level`) open. */
async function openDiagnosis(account: FakeAccount, address: string, level: string, tab?: string) {
  const view = await renderView({ fake: createFakeBackend(account) });
  if (tab) await view.user.click(screen.getByRole('tab', { name: tab }));
  await view.user.click(diagnosisButton(address, level));
  await screen.findByRole('dialog', { name: `Diagnosis for ${address}` });
  return view;
}

/** Saves the Edit address dialog that the fix opened (after `check`), and waits for it to close. */
async function saveEdit(user: Awaited<ReturnType<typeof renderView>>['user'], check: (edit: HTMLElement) => void) {
  const edit = await screen.findByRole('dialog', { name: 'Edit address' });
  check(edit);
  await user.click(within(edit).getByRole('button', { name: 'Save' }));
  await gone();
}

describe("a finding's Edit address fix opens the edit dialog with the fix made", () => {
  test('auto-creation off: the box is ticked', async () => {
    const { fake, user } = await openDiagnosis(defaultAccount(), NUMBERS.billing.phoneNumber, 'Broken');
    await user.click(finding('auto-creation-disabled').getByRole('button', { name: 'Turn auto-creation on…' }));
    await saveEdit(user, (edit) => expect(within(edit).getByRole('checkbox', { name: /auto-creation/ })).toBeChecked());
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({ sid: ADDRESSES.billing.sid, autoCreationEnabled: true }),
    ]);
    // The edit replaced the diagnosis: focus goes back to what opened the first of them.
    await waitFor(() => expect(diagnosisButton(NUMBERS.billing.phoneNumber, 'Ready')).toHaveFocus());
  });

  test('a draft Studio flow: the channel’s published "Messaging Flow" is chosen instead', async () => {
    const account = defaultAccount();
    account.addresses[1] = {
      ...ADDRESSES.billing,
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: DRAFT_FLOW_SID, retryCount: 2 },
    };
    const { fake, user } = await openDiagnosis(account, NUMBERS.billing.phoneNumber, 'Broken');
    await user.click(finding('studio-flow-unpublished').getByRole('button', { name: 'Choose a Studio flow…' }));
    await saveEdit(user, (edit) =>
      expect(within(edit).getByRole('combobox', { name: /Studio flow/ })).toHaveValue(MESSAGING_FLOW_SID),
    );
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({
        sid: ADDRESSES.billing.sid,
        integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 2 },
      }),
    ]);
    expect(diagnosisButton(NUMBERS.billing.phoneNumber, 'Ready')).toBeInTheDocument();
  });

  test('the default integration (Addresses tab): routed to the Studio flow', async () => {
    const { foreign } = ADDRESSES;
    const { fake, user } = await openDiagnosis(defaultAccount(), foreign.address, 'Broken', 'Addresses');
    await user.click(finding('default-integration').getByRole('button', { name: 'Choose a Studio flow…' }));
    await saveEdit(user, (edit) =>
      expect(within(edit).getByRole('combobox', { name: /Integration/ })).toHaveValue('studio'),
    );
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({
        sid: foreign.sid,
        integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
      }),
    ]);
    expect(diagnosisButton(foreign.address, 'Ready')).toBeInTheDocument();
  });

  test('a webhook with no URL: the dialog asks for the URL, the one thing only the user knows', async () => {
    const account = defaultAccount();
    account.addresses[2] = {
      ...ADDRESSES.whatsapp,
      integration: { type: 'webhook', webhookUrl: '', webhookMethod: 'POST', webhookFilters: ['onMessageAdded'] },
    };
    const { fake, user } = await openDiagnosis(account, SENDERS.online.senderId, 'Broken', 'WhatsApp senders');
    await user.click(finding('webhook-url-empty').getByRole('button', { name: 'Set the webhook URL…' }));
    const edit = await screen.findByRole('dialog', { name: 'Edit address' });
    await user.type(within(edit).getByRole('textbox', { name: /Webhook URL/ }), 'https://hooks.example.com/new');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));
    await gone();
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({
        sid: ADDRESSES.whatsapp.sid,
        integration: expect.objectContaining({ type: 'webhook', webhookUrl: 'https://hooks.example.com/new' }),
      }),
    ]);
    // Another's server cannot be checked: no longer Broken, not Ready either.
    expect(diagnosisButton(SENDERS.online.senderId, 'Unknown')).toBeInTheDocument();
  });

  test('the built-in webhook without its filter: "Flex webhook (built in)" again, which sets it', async () => {
    const account = defaultAccount();
    const url = builtInWebhookUrl('https://messaging-setup-1234-dev.twil.io');
    account.addresses[2] = {
      ...ADDRESSES.whatsapp,
      integration: { type: 'webhook', webhookUrl: url, webhookMethod: 'POST', webhookFilters: [] },
    };
    const { fake, user } = await openDiagnosis(account, SENDERS.online.senderId, 'Broken', 'WhatsApp senders');
    await user.click(
      finding('built-in-webhook-filter-missing').getByRole('button', { name: 'Use "Flex webhook (built in)" again…' }),
    );
    await saveEdit(user, (edit) =>
      expect(within(edit).getByRole('combobox', { name: /Integration/ })).toHaveValue('builtin'),
    );
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({
        integration: { type: 'webhook', webhookUrl: url, webhookMethod: 'POST', webhookFilters: ['onMessageAdded'] },
      }),
    ]);
    expect(diagnosisButton(SENDERS.online.senderId, 'Ready')).toBeInTheDocument();
  });

  test("another conversation service: Flex's is chosen", async () => {
    const account = defaultAccount();
    account.addresses[0] = { ...ADDRESSES.support, conversationServiceSid: OTHER_SERVICE_SID };
    const { fake, user } = await openDiagnosis(account, NUMBERS.support.phoneNumber, 'Broken');
    // The address names its service: the account's default is not what is wrong.
    expect(finding('service-not-flex').queryByRole('button', { name: /account's default/ })).not.toBeInTheDocument();
    await user.click(finding('service-not-flex').getByRole('button', { name: "Use Flex's conversation service…" }));
    await saveEdit(user, (edit) =>
      expect(within(edit).getByRole('combobox', { name: /Conversation service/ })).toHaveValue(FLEX_SERVICE_SID),
    );
    expect(fake.payloadsTo('update-address')).toEqual([
      expect.objectContaining({ sid: ADDRESSES.support.sid, conversationServiceSid: FLEX_SERVICE_SID }),
    ]);
    expect(diagnosisButton(NUMBERS.support.phoneNumber, 'Ready')).toBeInTheDocument();
  });
});

describe('the fixes with dialogs of their own', () => {
  test("an address on the account's default service that is not Flex's: fix the default", async () => {
    const account = defaultAccount();
    account.flexConfiguration.defaultConversationServiceSid = OTHER_SERVICE_SID;
    account.addresses[1] = { ...ADDRESSES.billing, autoCreationEnabled: true };
    const { fake, user } = await openDiagnosis(account, NUMBERS.billing.phoneNumber, 'Broken');
    const fix = finding('service-not-flex');
    expect(fix.getByRole('button', { name: "Use Flex's conversation service…" })).toBeInTheDocument();
    await user.click(fix.getByRole('button', { name: "Make Flex's service the account's default…" }));
    const confirm = await screen.findByRole('dialog', { name: "Make Flex's service the default?" });
    await user.click(within(confirm).getByRole('button', { name: 'Set as default' }));
    await gone();
    expect(fake.payloadsTo('set-default-conversation-service')).toEqual([{ serviceSid: FLEX_SERVICE_SID }]);
    expect(diagnosisButton(NUMBERS.billing.phoneNumber, 'Ready')).toBeInTheDocument();
  });

  test('no address: Create address, with the number and its defaults filled in', async () => {
    const { sales } = NUMBERS;
    const { fake, user } = await openDiagnosis(defaultAccount(), sales.phoneNumber, 'Broken');
    await user.click(finding('no-address').getByRole('button', { name: `Create address for ${sales.phoneNumber}…` }));
    const create = await screen.findByRole('dialog', { name: 'Create address' });
    expect(within(create).getByRole('textbox', { name: /Friendly name/ })).toHaveValue(sales.friendlyName);
    await user.click(within(create).getByRole('button', { name: 'Create' }));
    await gone();
    expect(fake.payloadsTo('create-address')).toEqual([
      expect.objectContaining({
        type: 'sms',
        address: sales.phoneNumber,
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
        conversationServiceSid: FLEX_SERVICE_SID,
      }),
    ]);
    expect(diagnosisButton(sales.phoneNumber, 'Ready')).toBeInTheDocument();
  });

  test('no address while a legacy Flex Flow holds the number: Migrate, not Create (it keeps the retry count)', async () => {
    const { sales } = NUMBERS;
    const account = defaultAccount();
    const flow = flexFlowFixture(1, { contactIdentity: sales.phoneNumber });
    account.flexFlows = [flow];
    const { fake, user } = await openDiagnosis(account, sales.phoneNumber, 'Broken');
    const noAddress = finding('no-address');
    expect(noAddress.queryByRole('button', { name: /Create address/ })).not.toBeInTheDocument();
    // One Migrate, on the most serious finding it mends; the Flex Flow's own finding does not offer it again.
    expect(screen.getAllByRole('button', { name: 'Migrate the Flex Flow "Flow 1"…' })).toHaveLength(1);
    expect(finding('legacy-flex-flow').queryByRole('button')).not.toBeInTheDocument();
    await user.click(noAddress.getByRole('button', { name: 'Migrate the Flex Flow "Flow 1"…' }));
    const migrate = await screen.findByRole('dialog', { name: 'Migrate Flow 1 to an address' });
    await user.click(within(migrate).getByRole('button', { name: 'Migrate' }));
    await user.click(await within(migrate).findByRole('button', { name: 'Close' }));
    await gone();
    expect(fake.payloadsTo('migrate-flex-flow')).toEqual([{ sid: flow.sid }]);
    expect(fake.account.flexFlows).toEqual([]);
    expect(fake.account.addresses.find((a) => a.address === sales.phoneNumber)?.integration).toEqual({
      type: 'studio',
      studioFlowSid: MESSAGING_FLOW_SID,
      retryCount: 2,
    });
    expect(diagnosisButton(sales.phoneNumber, 'Ready')).toBeInTheDocument();
  });

  test('a Flex Flow that cannot be migrated, beside an address: Delete the Flex Flow', async () => {
    const { support } = NUMBERS;
    const account = defaultAccount();
    const flow = flexFlowFixture(2, {
      contactIdentity: support.phoneNumber,
      integrationType: 'external',
      integration: { url: 'https://old.example.com/flex' },
    });
    account.flexFlows = [flow];
    const { fake, user } = await openDiagnosis(account, support.phoneNumber, 'Warning');
    const held = finding('legacy-flex-flow');
    expect(held.queryByRole('button', { name: /Migrate/ })).not.toBeInTheDocument();
    await user.click(held.getByRole('button', { name: 'Delete the Flex Flow "Flow 2"…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete Flex Flow Flow 2?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await gone();
    expect(fake.payloadsTo('delete-flex-flow')).toEqual([{ sid: flow.sid }]);
    expect(diagnosisButton(support.phoneNumber, 'Ready')).toBeInTheDocument();
  });
});

describe('the fixes made in the diagnosis dialog itself', () => {
  test('a number not for Flex: one way to set it aside, below the findings, and the row is Not for Flex', async () => {
    const { sales } = NUMBERS;
    const { fake, user } = await openDiagnosis(defaultAccount(), sales.phoneNumber, 'Broken');
    // The set-aside section's own button, not one per finding.
    expect(screen.queryByRole('button', { name: /as not for Flex…$/ })).not.toBeInTheDocument();
    await user.click(
      within(screen.getByTestId('set-aside')).getByRole('button', { name: 'Set aside as not for Flex' }),
    );
    const reason = within(screen.getByTestId('set-aside')).getByRole('textbox', { name: /Reason/ });
    await user.type(reason, 'Outbound reminders only');
    await user.click(within(screen.getByTestId('set-aside')).getByRole('button', { name: 'Set aside' }));
    expect(await within(screen.getByRole('dialog')).findByTestId('set-aside-mark')).toBeInTheDocument();
    expect(fake.payloadsTo('set-number-aside')).toEqual([
      { channel: 'sms', address: sales.phoneNumber, aside: true, reason: 'Outbound reminders only' },
    ]);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await gone();
    expect(diagnosisButton(sales.phoneNumber, 'Not for Flex')).toBeInTheDocument();
  });

  test('a number whose only route is its own webhook: Create address first, not Clear', async () => {
    const account = defaultAccount();
    account.numbers[1].smsUrl = 'https://other-app.example.com/sms';
    const { sales } = NUMBERS;
    await openDiagnosis(account, sales.phoneNumber, 'Broken');
    const own = finding('sms-url-set');
    expect(own.queryByRole('button', { name: 'Clear webhook' })).not.toBeInTheDocument();
    // Create once, on the most serious finding it mends (no address), not again on this one.
    expect(
      finding('no-address').getByRole('button', { name: `Create address for ${sales.phoneNumber}…` }),
    ).toBeVisible();
    expect(screen.getAllByRole('button', { name: `Create address for ${sales.phoneNumber}…` })).toHaveLength(1);
  });

  test('a user who may not write sees the fixes in words, with no button', async () => {
    const account = defaultAccount();
    account.flexFlows = [flexFlowFixture(1, { contactIdentity: NUMBERS.sales.phoneNumber })];
    const { user } = await renderView({ fake: createFakeBackend(account), canWrite: false });
    await user.click(diagnosisButton(NUMBERS.sales.phoneNumber, 'Broken'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Create an address for it/)).toBeInTheDocument();
    expect(
      within(dialog)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(expect.not.arrayContaining([expect.stringMatching(/…$/)]));
  });
});

describe('the count of findings, worded by the strings', () => {
  test('one finding, then several', async () => {
    const account = defaultAccount();
    account.numbers[0].smsUrl = 'https://old-backend.example.com/sms';
    account.numbers[0].smsApplicationSid = 'AP00000000000000000000000000000007';
    const { user } = await openDiagnosis(account, NUMBERS.billing.phoneNumber, 'Broken');
    expect(within(screen.getByRole('dialog')).getByText('1 finding, which makes it Broken.')).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await gone();
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    expect(await screen.findByText('2 findings; the most serious makes it Warning.')).toBeInTheDocument();
  });
});
