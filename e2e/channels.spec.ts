import { expect, test, type Page } from '@playwright/test';

import {
  activePanel,
  addressRow,
  collectPageProblems,
  openMessagingSetup,
  screenshotPath,
  startCreateAddress,
} from './flexHost';
import { fetchAddressConfiguration, resetSandbox, studioFlowSid, twilioGet } from './twilioSandbox';

/** The sandbox's second Facebook Page, which has no Messenger address (docs/SANDBOX.md). */
const PAGE_WITHOUT_ADDRESS = 'messenger:108811223344556';

async function openAddresses(page: Page) {
  await openMessagingSetup(page, 'supervisor');
  await page.getByRole('tab', { name: 'Addresses' }).click();
  await expect(activePanel(page).getByTestId('address-row').first()).toBeVisible();
}

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('supervisor: chat and Messenger addresses are created, edited and deleted; other types are read-only', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const chatFlow = await studioFlowSid(request, 'Chat Flow');
  await openAddresses(page);

  // The type filter finds each channel at one look; the default chat address is there.
  await activePanel(page).getByLabel('Type').selectOption({ label: 'Chat' });
  await expect(addressRow(page, 'flex-chat-default')).toContainText('Studio: Chat Flow · retry 3');
  await activePanel(page).getByLabel('Type').selectOption({ label: 'Other (read-only)' });
  // Email is a channel Flex routes (e2e/email.spec.ts); RCS is not: Flex Interactions have no RCS channel.
  const rcs = addressRow(page, 'rcs:owl_shoes_agent');
  await expect(rcs).toContainText('Read-only: Flex Interactions have no RCS channel');
  await expect(rcs.getByRole('button')).toHaveCount(1); // only its SID's Copy button
  await activePanel(page).getByLabel('Type').selectOption({ label: 'All types' });

  // A chat address to "Chat Flow" (preselected for chat), retry 2.
  const chat = await startCreateAddress(page, 'Chat');
  await expect(chat.getByLabel('Studio flow').locator('option:checked')).toHaveText('Chat Flow');
  await chat.getByLabel('Address', { exact: true }).fill('web chat');
  await chat.getByLabel('Retry count').fill('2');
  await chat.getByRole('button', { name: 'Create' }).click();
  await expect(chat.getByText(/^Name the chat address with letters, digits/)).toBeVisible();
  await chat.getByLabel('Address', { exact: true }).fill('web-chat-support');
  await page.screenshot({ path: screenshotPath('channels-create-chat.png') });
  await chat.getByRole('button', { name: 'Create' }).click();
  await expect(chat).toHaveCount(0);
  expect(await fetchAddressConfiguration(request, 'web-chat-support')).toMatchObject({
    type: 'chat',
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: chatFlow, studio_retry_count: 2 },
  });

  // A Messenger address for the connected page without one, to the built-in Flex webhook.
  const messenger = await startCreateAddress(page, 'Facebook Messenger');
  await messenger.getByLabel('Address', { exact: true }).fill('108811223344556');
  await messenger.getByLabel('Integration').selectOption({ label: 'Flex webhook (built in)' });
  await messenger.getByRole('button', { name: 'Create' }).click();
  await expect(messenger.getByText(/^Enter the Messenger address as messenger:/)).toBeVisible();
  await messenger.getByLabel('Address', { exact: true }).fill(PAGE_WITHOUT_ADDRESS);
  await messenger.getByRole('button', { name: 'Create' }).click();
  await expect(messenger).toHaveCount(0);
  const made = await fetchAddressConfiguration(request, PAGE_WITHOUT_ADDRESS);
  expect(made).toMatchObject({ type: 'messenger', auto_creation: { enabled: true, type: 'webhook' } });
  expect(made?.auto_creation.webhook_url).toMatch(/\/inbound-webhook$/);

  // Edit the chat address; delete the Messenger one, confirming.
  await addressRow(page, 'web-chat-support').getByRole('button', { name: 'Edit address' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await expect(edit.getByLabel('Chat address')).toHaveValue('web-chat-support');
  await edit.getByLabel('Friendly name').fill('Support site chat');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  expect(await fetchAddressConfiguration(request, 'web-chat-support')).toMatchObject({
    friendly_name: 'Support site chat',
  });

  await addressRow(page, PAGE_WITHOUT_ADDRESS).getByRole('button', { name: 'Delete address' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete address ${PAGE_WITHOUT_ADDRESS}?` });
  await expect(confirm).toContainText(`New Facebook Messenger messages to ${PAGE_WITHOUT_ADDRESS} will no longer`);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await fetchAddressConfiguration(request, PAGE_WITHOUT_ADDRESS)).toBeNull();
  await page.screenshot({ path: screenshotPath('channels-addresses.png'), fullPage: true });

  expect(problems).toEqual([]);
});

test('admin: the web and Facebook Flex Flows migrate to a chat and a Messenger address with their settings', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const messagingFlow = await studioFlowSid(request, 'Messaging Flow');
  await openMessagingSetup(page, 'admin');
  await page.getByRole('tab', { name: 'Legacy Flex Flows' }).click();
  const panel = activePanel(page);
  await expect(panel).toContainText('ended on 1 June 2026');
  for (const name of ['Flex Web Channel Flow', 'Flex Facebook Channel Flow']) {
    // Paste draws its own box over the input: tick it as a click on the input does.
    await panel.getByRole('checkbox', { name: `Select ${name}` }).evaluate((input: HTMLInputElement) => input.click());
  }
  await panel.getByRole('button', { name: 'Migrate selected (2)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Migrate 2 Flex Flows to addresses' });
  await expect(dialog).toContainText('Becomes Chat address flex-web-channel-flow');
  await expect(dialog).toContainText(`Becomes Facebook Messenger address ${PAGE_WITHOUT_ADDRESS}`);
  await page.screenshot({ path: screenshotPath('channels-migrate-preview.png') });
  await dialog.getByRole('button', { name: /^Migrate 2/ }).click();
  await expect(dialog.getByTestId('migration-result')).toHaveCount(2);
  await expect(dialog.getByTestId('migration-result').filter({ hasText: 'Migrated' })).toHaveCount(2);

  expect(await fetchAddressConfiguration(request, 'flex-web-channel-flow')).toMatchObject({
    type: 'chat',
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: messagingFlow, studio_retry_count: 3 },
  });
  expect(await fetchAddressConfiguration(request, PAGE_WITHOUT_ADDRESS)).toMatchObject({
    type: 'messenger',
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: messagingFlow, studio_retry_count: 2 },
  });
  const flows = await twilioGet<{ flex_flows: { friendly_name: string }[] }>(
    request,
    'flex-api/v1/FlexFlows?PageSize=1000',
  );
  const names = flows?.flex_flows.map((f) => f.friendly_name) ?? [];
  expect(names).not.toContain('Flex Web Channel Flow');
  expect(names).not.toContain('Flex Facebook Channel Flow');

  expect(problems).toEqual([]);
});

test('supervisor: each Facebook Page on its own row, diagnosed; the page a Flex Flow still holds gets its address there', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await openMessagingSetup(page, 'supervisor');
  const banner = page.getByRole('region', { name: 'Account health' });
  await expect(banner).toContainText('Facebook Pages:');
  await expect(banner).toContainText('Chat addresses:');
  await page.getByRole('tab', { name: 'Facebook pages' }).click();
  const rows = activePanel(page).getByTestId('connection-row');
  await expect(rows).toHaveCount(2);

  const outlet = rows.filter({ hasText: PAGE_WITHOUT_ADDRESS });
  await expect(outlet).toContainText('Named by the legacy Flex Flow "Flex Facebook Channel Flow"');
  await outlet.getByRole('button', { name: `Diagnosis for ${PAGE_WITHOUT_ADDRESS}: Broken` }).click();
  const diagnosis = page.getByRole('dialog', { name: `Diagnosis for ${PAGE_WITHOUT_ADDRESS}` });
  await expect(diagnosis).toContainText(`${PAGE_WITHOUT_ADDRESS} has no Conversations address`);
  await expect(diagnosis).toContainText('The legacy Flex Flow "Flex Facebook Channel Flow" still holds this address');
  await page.screenshot({ path: screenshotPath('channels-page-diagnosis.png') });
  await diagnosis.getByRole('button', { name: 'Close', exact: true }).click();

  // Its diagnosis recommends migrating the flow (which keeps its Studio flow and retry count): that
  // is the row's primary button, named for what it acts on; Create address is there too, secondary.
  const migrate = outlet.getByRole('button', {
    name: `Migrate the Flex Flow "Flex Facebook Channel Flow" for ${PAGE_WITHOUT_ADDRESS}`,
  });
  await expect(migrate).toHaveAccessibleDescription('Recommended');
  await expect(
    outlet.getByRole('button', { name: `Create address for ${PAGE_WITHOUT_ADDRESS}` }),
  ).not.toHaveAccessibleDescription('Recommended');
  await outlet.getByRole('button', { name: 'Create address' }).click();
  const create = page.getByRole('dialog', { name: 'Create address' });
  await expect(create.getByLabel('Facebook Page')).toHaveValue(PAGE_WITHOUT_ADDRESS);
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create).toHaveCount(0);
  expect(await fetchAddressConfiguration(request, PAGE_WITHOUT_ADDRESS)).toMatchObject({
    type: 'messenger',
    auto_creation: { enabled: true },
  });
  await expect(outlet.getByRole('button', { name: 'Edit address' })).toBeVisible();
  // Until its Flex Flow is migrated or deleted, the page's row still says which flow holds it.
  await expect(outlet).toContainText('Named by the legacy Flex Flow "Flex Facebook Channel Flow"');
  await page.screenshot({ path: screenshotPath('channels-pages-tab.png'), fullPage: true });
  expect(problems).toEqual([]);
});
