import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { collectPageProblems, findConnectionRow, openMessagingSetup, screenshotPath } from './flexHost';
import { readSeededAccount, resetSandbox, twilioGet, type AddressConfigurationResource } from './twilioSandbox';

/**
 * Every fix one click (issue #27): each kind of finding's fix button in a row's diagnosis opens
 * the view's own dialog with the fix already made, and saving it puts Twilio in the state the
 * finding asked for — checked over REST. The default sandbox account has one row of each kind
 * (sandbox/server/generateAccount.ts: the first addresses cover each way an address can be wrong).
 */

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page, request }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await resetSandbox(request);
});

async function addressAt(request: APIRequestContext, address: string): Promise<AddressConfigurationResource | null> {
  const list = await twilioGet<{ address_configurations: AddressConfigurationResource[] }>(
    request,
    'conversations/v1/Configuration/Addresses?PageSize=1000',
  );
  return list?.address_configurations.find((a) => a.address === address) ?? null;
}

/** Opens the row's diagnosis and clicks the fix button; the dialog it opens. */
async function clickFix(page: Page, tab: 'Phone numbers' | 'WhatsApp senders', address: string, fix: string | RegExp) {
  const row = await findConnectionRow(page, tab, address);
  await row.getByRole('button', { name: new RegExp(`^Diagnosis for ${address.replace('+', '\\+')}: `) }).click();
  const diagnosis = page.getByRole('dialog', { name: `Diagnosis for ${address}` });
  await diagnosis.getByRole('button', { name: fix }).click();
  await expect(diagnosis).toHaveCount(0);
}

async function saveEdit(page: Page) {
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await expect(edit).toBeVisible();
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(edit).toHaveCount(0);
}

const diagnosisBadge = (page: Page, address: string) =>
  page
    .getByRole('tabpanel')
    .getByRole('button', { name: new RegExp(`^Diagnosis for ${address.replace('+', '\\+')}: `) });

test('a draft Studio flow: "Choose a Studio flow" saves the published default; Twilio routes to it, no longer Broken', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const { messagingFlowSid } = await readSeededAccount(request);
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'Phone numbers', '+12062000005', 'Choose a Studio flow…');
  await page.screenshot({ path: screenshotPath('fix-studio-flow.png') });
  await saveEdit(page);
  expect((await addressAt(request, '+12062000005'))?.auto_creation).toMatchObject({
    type: 'studio',
    studio_flow_sid: messagingFlowSid,
  });
  // No longer Broken (its flow was the problem; it is also in a Messaging Service, a Warning of its own).
  await expect(diagnosisBadge(page, '+12062000005')).not.toHaveAccessibleName(/: Broken$/);
  expect(problems).toEqual([]);
});

test('a service that is not Flex\'s: "Use Flex\'s conversation service" moves the address to it; History says so in words', async ({
  page,
  request,
}) => {
  const { flexConversationServiceSid } = await readSeededAccount(request);
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'Phone numbers', '+12122000010', "Use Flex's conversation service…");
  await saveEdit(page);
  expect((await addressAt(request, '+12122000010'))?.auto_creation.conversation_service_sid).toBe(
    flexConversationServiceSid,
  );

  // History says the change in words, and finds it by part of the person's identity, in any case.
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('tabpanel');
  await history.getByRole('textbox', { name: 'Person' }).fill('SUPERV');
  await history.getByRole('button', { name: 'Show changes' }).click();
  const entry = history.getByTestId('history-row').filter({ hasText: '+12122000010' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('demo.supervisor changed +12122000010: conversation service from');
  await expect(entry).toContainText("to Flex's service");
  await page.screenshot({ path: screenshotPath('fix-service-history.png') });
  await history.getByRole('textbox', { name: 'Person' }).fill('nobody-of-that-name');
  await history.getByRole('button', { name: 'Show changes' }).click();
  await expect(history.getByTestId('history-row')).toHaveCount(0);
});

test('auto-creation off: "Turn auto-creation on" enables it on Twilio', async ({ page, request }) => {
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'WhatsApp senders', 'whatsapp:+13032000016', 'Turn auto-creation on…');
  await saveEdit(page);
  expect((await addressAt(request, 'whatsapp:+13032000016'))?.auto_creation.enabled).toBe(true);
});

test('a webhook address with no URL: "Set the webhook URL" opens the field to fill; Twilio has the URL', async ({
  page,
  request,
}) => {
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'Phone numbers', '+16282000009', 'Set the webhook URL…');
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await edit.getByRole('textbox', { name: /Webhook URL/ }).fill('https://hooks.owl-shoes.example/flex');
  await saveEdit(page);
  expect((await addressAt(request, '+16282000009'))?.auto_creation.webhook_url).toBe(
    'https://hooks.owl-shoes.example/flex',
  );
});

test('no address: "Create address for …" makes it on Twilio, to Flex', async ({ page, request }) => {
  const { flexConversationServiceSid, messagingFlowSid } = await readSeededAccount(request);
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'Phone numbers', '+16282000001', 'Create address for +16282000001…');
  const create = page.getByRole('dialog', { name: 'Create address' });
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(create).toHaveCount(0);
  expect((await addressAt(request, '+16282000001'))?.auto_creation).toMatchObject({
    enabled: true,
    type: 'studio',
    studio_flow_sid: messagingFlowSid,
    conversation_service_sid: flexConversationServiceSid,
  });
});

test('no address while a legacy Flex Flow holds the number: "Migrate the Flex Flow" makes the address and retires the flow', async ({
  page,
  request,
}) => {
  await openMessagingSetup(page, 'supervisor');
  await clickFix(page, 'Phone numbers', '+14152000008', 'Migrate the Flex Flow "Flex SMS Channel Flow 1"…');
  const migrate = page.getByRole('dialog', { name: /^Migrate Flex SMS Channel Flow 1/ });
  await migrate.getByRole('button', { name: 'Migrate', exact: true }).click();
  await migrate.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(migrate).toHaveCount(0);
  expect(await addressAt(request, '+14152000008')).not.toBeNull();
  const flows = await twilioGet<{ flex_flows: { friendly_name: string }[] }>(request, 'flex-api/v1/FlexFlows');
  expect(flows?.flex_flows.map((f) => f.friendly_name)).not.toContain('Flex SMS Channel Flow 1');
});
