import { expect, test } from '@playwright/test';

import {
  activePanel,
  addressRow,
  collectPageProblems,
  openMessagingSetup,
  screenshotPath,
  startCreateAddress,
} from './flexHost';
import { fetchAddressConfiguration, resetSandbox, SANDBOX_URL, studioFlowSid } from './twilioSandbox';

/** Domains of the demo account (docs/SANDBOX.md): one authenticated, one not. */
const NEW_MAILBOX = 'billing@owl-shoes.example';
const UNAUTHENTICATED = 'sales@owl-shoes-outlet.example';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('supervisor: email addresses are counted, diagnosed and created to "Email Flow"; Twilio agrees and its domain rule shows', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const emailFlow = await studioFlowSid(request, 'Email Flow');
  await openMessagingSetup(page, 'supervisor');

  // The health banner counts email addresses; a count opens the Addresses tab filtered to Email.
  const banner = page.getByRole('region', { name: 'Account health' });
  await expect(banner).toContainText('Email addresses:');
  await banner.getByRole('button', { name: /^Show the \d+ email addresses that are Broken$/ }).click();
  await expect(page.getByRole('tab', { name: 'Addresses' })).toHaveAttribute('aria-selected', 'true');
  await expect(activePanel(page).getByLabel('Type', { exact: true })).toHaveValue('email');
  // The demo's address to a Studio flow that does not exist is Broken, and says why.
  const broken = addressRow(page, 'returns@help.owl-shoes.example');
  await broken.getByRole('button', { name: 'Diagnosis for returns@help.owl-shoes.example: Broken' }).click();
  const diagnosis = page.getByRole('dialog');
  await expect(diagnosis.locator('[data-finding="studio-flow-missing"]')).toBeVisible();
  await diagnosis.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(diagnosis).toHaveCount(0);
  await activePanel(page).getByLabel('Diagnosis', { exact: true }).selectOption({ label: 'All' });
  await activePanel(page).getByLabel('Type', { exact: true }).selectOption({ label: 'All types' });

  // Create: "Email Flow" is preselected for email; a domain the account has not authenticated is refused at the field.
  const dialog = await startCreateAddress(page, 'Email');
  await expect(dialog.getByLabel('Studio flow').locator('option:checked')).toHaveText('Email Flow');
  await dialog.getByLabel('Address', { exact: true }).fill('not an address');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(/^Enter one email address on a domain your account has authenticated/)).toBeVisible();
  await dialog.getByLabel('Address', { exact: true }).fill(UNAUTHENTICATED);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText(/owl-shoes-outlet\.example/).first()).toBeVisible();
  expect(await fetchAddressConfiguration(request, UNAUTHENTICATED)).toBeNull();
  await dialog.getByLabel('Address', { exact: true }).fill(NEW_MAILBOX);
  await dialog.getByLabel('Retry count').fill('2');
  await page.screenshot({ path: screenshotPath('email-create.png') });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await fetchAddressConfiguration(request, NEW_MAILBOX)).toMatchObject({
    type: 'email',
    address: NEW_MAILBOX,
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: emailFlow, studio_retry_count: 2 },
  });
  await expect(addressRow(page, NEW_MAILBOX)).toContainText('Studio: Email Flow · retry 2');
  await expect(
    addressRow(page, NEW_MAILBOX).getByRole('button', { name: `Diagnosis for ${NEW_MAILBOX}: Ready` }),
  ).toBeVisible();

  // A customer's email to it reaches its Studio flow, as the sandbox plays Twilio.
  const inbound = await request.post(`${SANDBOX_URL}/_sandbox/inbound`, {
    data: { from: 'customer@example.net', to: NEW_MAILBOX, body: 'Where is my order?', subject: 'Order 1042' },
  });
  expect(inbound.ok()).toBe(true);
  expect(JSON.stringify(await inbound.json())).toContain(emailFlow);
  await page.screenshot({ path: screenshotPath('email-addresses.png'), fullPage: true });

  // The one console error is the browser's own line for the refused create's 400, which the dialog showed.
  expect(problems).toEqual([
    'console.error: Failed to load resource: the server responded with a status of 400 (Bad Request)',
  ]);
});
