import { expect, test, type Locator, type Page } from '@playwright/test';

import {
  activePanel,
  collectPageProblems,
  findConnectionRow,
  flexNotifications,
  openMessagingSetup,
  reloadFlex,
  screenshotPath,
  sideLink,
  signIn,
} from './flexHost';
import {
  callBackend,
  fetchAddressConfiguration,
  issueToken,
  readSeededAccount,
  resetSandbox,
  type SeededAccount,
} from './twilioSandbox';

let seeded: SeededAccount;

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
  seeded = await readSeededAccount(request);
});

/** Creates an address from a row with the dialog's defaults, checking them first. */
async function createWithDefaults(page: Page, row: Locator, screenshot?: string) {
  await expect(row.getByText('Not connected')).toBeVisible();
  await row.getByRole('button', { name: 'Create address' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create address' });
  await expect(dialog.getByLabel('Integration')).toHaveValue('studio');
  await expect(dialog.getByLabel('Studio flow')).toHaveValue(seeded.messagingFlowSid);
  await expect(dialog.getByLabel('Studio flow').locator('option:checked')).toHaveText('Messaging Flow');
  await expect(dialog.getByLabel('Retry count')).toHaveValue('3');
  await expect(dialog.getByLabel('Conversation service')).toHaveValue(seeded.flexConversationServiceSid);
  if (screenshot) await page.screenshot({ path: screenshotPath(screenshot) });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(row.getByText('Connected', { exact: true })).toBeVisible();
  await expect(row.getByText('Studio: Messaging Flow · retry 3')).toBeVisible();
}

test('supervisor: creates SMS and WhatsApp addresses, edits one, deletes the other; Twilio agrees', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const { numberWithoutAddress: number, onlineSenderWithoutAddress: sender } = seeded;
  await openMessagingSetup(page, 'supervisor');

  // Create: an SMS address for a number without one, a WhatsApp address for an ONLINE sender.
  await createWithDefaults(page, await findConnectionRow(page, 'Phone numbers', number), 'addresses-create-dialog.png');
  // Said by Flex's Notifications, in Flex's notification bar.
  await expect(flexNotifications(page).getByText(`Address ${number} created.`)).toBeVisible();
  const senderRow = await findConnectionRow(page, 'WhatsApp senders', sender);
  await expect(senderRow.getByText('Sender ONLINE')).toBeVisible();
  await createWithDefaults(page, senderRow);

  for (const [address, type] of [
    [number, 'sms'],
    [sender, 'whatsapp'],
  ]) {
    const created = await fetchAddressConfiguration(request, address);
    expect(created, `address configuration of ${address}`).toMatchObject({
      type,
      address,
      auto_creation: {
        enabled: true,
        type: 'studio',
        studio_flow_sid: seeded.messagingFlowSid,
        studio_retry_count: 3,
        conversation_service_sid: seeded.flexConversationServiceSid,
      },
    });
  }

  // The Addresses tab lists both.
  await page.getByRole('tab', { name: 'Addresses' }).click();
  await activePanel(page).getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(activePanel(page).getByTestId('address-row').filter({ hasText: number })).toHaveCount(1);
  await expect(activePanel(page).getByTestId('address-row').filter({ hasText: sender })).toHaveCount(1);

  // The table a supervisor sees, with the new SMS address among the others.
  await page.getByRole('tab', { name: 'Phone numbers' }).click();
  await activePanel(page).getByRole('searchbox', { name: 'Search' }).fill('');
  await page.screenshot({ path: screenshotPath('addresses-table.png'), fullPage: true });

  // Edit the SMS address: retry count and friendly name.
  const numberRow = await findConnectionRow(page, 'Phone numbers', number);
  await numberRow.getByRole('button', { name: 'Edit address' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await expect(edit.getByLabel('Retry count')).toHaveValue('3');
  await edit.getByLabel('Friendly name').fill('E2E support line');
  await edit.getByLabel('Retry count').fill('1');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(numberRow.getByText('Studio: Messaging Flow · retry 1')).toBeVisible();

  const edited = await fetchAddressConfiguration(request, number);
  expect(edited).toMatchObject({
    friendly_name: 'E2E support line',
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: seeded.messagingFlowSid, studio_retry_count: 1 },
  });

  // Delete the WhatsApp address, confirming.
  const row = await findConnectionRow(page, 'WhatsApp senders', sender);
  await row.getByRole('button', { name: 'Delete address' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete address ${sender}?` });
  await expect(confirm).toContainText(`New WhatsApp messages to ${sender} will no longer create conversations in Flex`);
  await page.screenshot({ path: screenshotPath('addresses-delete-dialog.png') });
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row.getByText('Not connected')).toBeVisible();
  await expect(row.getByRole('button', { name: 'Create address' })).toBeVisible();

  expect(await fetchAddressConfiguration(request, sender)).toBeNull();
  expect(await fetchAddressConfiguration(request, number)).toMatchObject({ friendly_name: 'E2E support line' });

  // After a reload the view shows what Twilio has, not what it remembered.
  await reloadFlex(page, 'supervisor');
  await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  await expect(
    (await findConnectionRow(page, 'Phone numbers', number)).getByText('Studio: Messaging Flow · retry 1'),
  ).toBeVisible();
  await expect((await findConnectionRow(page, 'WhatsApp senders', sender)).getByText('Not connected')).toBeVisible();

  expect(problems).toEqual([]);
});

test('supervisor: a create Twilio refuses shows the reason in the dialog and keeps the input', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const number = seeded.numberWithoutAddress;
  await openMessagingSetup(page, 'supervisor');
  const row = await findConnectionRow(page, 'Phone numbers', number);
  await row.getByRole('button', { name: 'Create address' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create address' });
  await dialog.getByLabel('Friendly name').fill('Typed by the supervisor');

  // Meanwhile someone else creates an address for the same number.
  const token = await issueToken(request, 'admin');
  const elsewhere = await callBackend(request, 'create-address', token, {
    type: 'sms',
    address: number,
    autoCreationEnabled: true,
    integration: { type: 'default' },
  });
  expect(elsewhere.status()).toBe(200);

  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('The address was not created.')).toBeVisible();
  await expect(dialog.getByText(`already exists for ${number}`)).toBeVisible();
  // It says what differs, so the supervisor knows what editing the existing address means.
  await expect(dialog.getByText(/with other settings: integration is default/)).toBeVisible();
  await expect(dialog.getByLabel('Friendly name')).toHaveValue('Typed by the supervisor');
  const create = dialog.getByRole('button', { name: 'Create' });
  await expect(create).toBeEnabled();
  // The message makes the dialog taller; its buttons must stay on screen (the body scrolls).
  await expect(create).toBeInViewport();
  await page.screenshot({ path: screenshotPath('addresses-create-error.png') });

  // The webhook settings are the longest form: still scrolls inside the dialog.
  await dialog.getByLabel('Integration').selectOption('webhook');
  await expect(dialog.getByRole('group', { name: 'Webhook filters' })).toBeVisible();
  await expect(create).toBeInViewport();
  await page.screenshot({ path: screenshotPath('addresses-create-webhook.png') });

  const stored = await fetchAddressConfiguration(request, number);
  expect(stored?.auto_creation.type).toBe('default');
  // Chromium logs every 4xx response; the 409 is expected (the dialog shows it), nothing else is.
  expect(problems).toEqual([
    'console.error: Failed to load resource: the server responded with a status of 409 (Conflict)',
  ]);
});

test('agent: no Messaging Setup link, and the backend refuses the agent token with 403', async ({ page, request }) => {
  const problems = collectPageProblems(page);
  await signIn(page, 'agent');
  await expect(sideLink(page, 'Agent Desktop')).toBeVisible();
  await expect(sideLink(page, 'Messaging Setup')).toHaveCount(0);

  const agentToken = await issueToken(request, 'agent');
  for (const [fn, payload] of [
    ['list-phone-numbers', {}],
    [
      'create-address',
      {
        type: 'sms',
        address: seeded.numberWithoutAddress,
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: seeded.messagingFlowSid, retryCount: 3 },
      },
    ],
  ] as const) {
    const response = await callBackend(request, fn, agentToken, payload);
    expect(response.status(), `${fn} with the agent's token`).toBe(403);
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    expect(body.error?.code).toBe('forbidden');
    expect(body.error?.message).toMatch(/supervisor/);
  }
  // The refused create changed nothing.
  expect(await fetchAddressConfiguration(request, seeded.numberWithoutAddress)).toBeNull();

  // The same call with a supervisor's token is answered: the 403 is the role gate, not a broken function.
  const supervisorToken = await issueToken(request, 'supervisor');
  expect((await callBackend(request, 'list-phone-numbers', supervisorToken)).status()).toBe(200);
  expect(problems).toEqual([]);
});
