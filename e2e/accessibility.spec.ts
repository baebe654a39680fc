import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

import { expectAccessible } from './axe';
import {
  activePanel,
  collectPageProblems,
  findConnectionRow,
  flexHost,
  healthCount,
  openMessagingSetup,
  screenshotPath,
} from './flexHost';
import { readSeededAccount, resetSandbox, SANDBOX_URL } from './twilioSandbox';

/**
 * axe scans (WCAG 2 A/AA) of every tab and dialog of the view, on the seeded sandbox account.
 * Supervisors and admins get the same view (both may write), so the supervisor's is scanned.
 */

const README_SCREENSHOT = path.join(__dirname, '..', 'docs', 'images', 'messaging-setup.png');

test.use({ viewport: { width: 1280, height: 800 } });

test.beforeEach(async ({ page, request }) => {
  // Dialogs then appear without their fade: axe judges their colours, not a half-transparent frame.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await resetSandbox(request);
});

const dialogNamed = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

async function closeWith(page: Page, button: string) {
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

test('every tab; the README screenshot of the Phone numbers tab', async ({ page, request }) => {
  // The demo account as `npm start` makes it: its evidence (stuck conversations, alerts) and the
  // numbers its admin set aside as not for Flex (sandbox/server/setAsideSeed.ts).
  await resetSandbox(request, { evidence: true });
  const problems = collectPageProblems(page);
  await openMessagingSetup(page, 'supervisor');
  await expect(page.getByRole('region', { name: 'Account health' })).toBeVisible();
  await expect(
    activePanel(page)
      .getByRole('button', { name: /^Diagnosis for / })
      .first(),
  ).toBeVisible();
  // The banner counts each number once: the three set aside are "Not for Flex", in no other count.
  await expect.poll(() => healthCount(page, 'Not for Flex')).toBe(3);
  const levels = ['Broken', 'Unknown', 'Warning', 'Ready', 'Not in use', 'Not for Flex'];
  const counted = (await Promise.all(levels.map((level) => healthCount(page, level)))).reduce((a, b) => a + b, 0);
  expect(counted).toBe((await readSeededAccount(request)).numberCount);
  for (const name of ['Front desk (calls only)', 'Marketing texts', 'Appointment reminders']) {
    const row = activePanel(page).getByTestId('connection-row').filter({ hasText: name });
    await expect(row.getByRole('button', { name: /^Diagnosis for .*: Not for Flex$/ })).toBeVisible();
  }
  await expectAccessible(page, 'the Phone numbers tab');
  // The README's picture, taken in real Flex on every run so it shows the view as it is (committed).
  await page.screenshot({ path: flexHost() === 'real' ? README_SCREENSHOT : screenshotPath('phone-numbers-tab.png') });

  for (const [tab, row] of [
    ['WhatsApp senders', 'connection-row'],
    ['Facebook pages', 'connection-row'],
    ['Addresses', 'address-row'],
    ['Legacy Flex Flows', 'flex-flow-row'],
  ]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(activePanel(page).getByTestId(row).first()).toBeVisible();
    await expectAccessible(page, `the ${tab} tab`);
  }
  // The demo account has no change recorded yet (its marks were seeded, not made through the backend).
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(activePanel(page)).toContainText('No change recorded yet.');
  await expectAccessible(page, 'the History tab');
  expect(problems).toEqual([]);
});

test('create (Studio, webhook, field errors), edit and delete address dialogs', async ({ page, request }) => {
  const { numberWithoutAddress: number } = await readSeededAccount(request);
  await openMessagingSetup(page, 'supervisor');
  const row = await findConnectionRow(page, 'Phone numbers', number);

  await row.getByRole('button', { name: 'Create address' }).click();
  const create = dialogNamed(page, 'Create address');
  await expect(create.getByLabel('Studio flow')).toBeVisible();
  await expectAccessible(page, 'the create address dialog (Studio)');

  await create.getByLabel('Retry count').fill('');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(create.getByLabel('Retry count')).toHaveAccessibleDescription(/.+/);
  await expectAccessible(page, 'the create address dialog with a field error');

  await create.getByLabel('Integration').selectOption('webhook');
  await expect(create.getByRole('group', { name: 'Webhook filters' })).toBeVisible();
  await expectAccessible(page, 'the create address dialog (webhook)');

  await create.getByLabel('Integration').selectOption('studio');
  await create.getByLabel('Retry count').fill('3');
  await create.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(create).toHaveCount(0);
  await expect(row.getByText('Connected', { exact: true })).toBeVisible();

  await row.getByRole('button', { name: 'Edit address' }).click();
  await expect(dialogNamed(page, 'Edit address').getByLabel('Retry count')).toHaveValue('3');
  await expectAccessible(page, 'the edit address dialog');
  await closeWith(page, 'Cancel');

  await row.getByRole('button', { name: 'Delete address' }).click();
  await expect(dialogNamed(page, `Delete address ${number}?`)).toBeVisible();
  await expectAccessible(page, 'the delete address confirmation');
  await closeWith(page, 'Cancel');
});

test('diagnosis dialog; bulk create settings and progress dialogs', async ({ page }) => {
  await openMessagingSetup(page, 'supervisor');
  const panel = activePanel(page);
  const broken = panel.getByRole('button', { name: /^Diagnosis for .*: Broken$/ }).first();
  const address = ((await broken.getAttribute('aria-label')) ?? '').replace(/^Diagnosis for (.*): Broken$/, '$1');
  await broken.click();
  await expect(dialogNamed(page, `Diagnosis for ${address}`).locator('[data-finding]').first()).toBeVisible();
  await expectAccessible(page, 'the diagnosis dialog');
  await closeWith(page, 'Close');

  await panel.getByLabel('Status').selectOption({ label: 'Not connected' });
  const selectAll = panel.getByRole('checkbox', { name: /^Select all \d+ matching rows without an address$/ });
  // Paste keeps the input itself off screen and draws its own box: check it as the keyboard does.
  await selectAll.focus();
  await page.keyboard.press('Space');
  await expect(selectAll).toBeChecked();
  const bulk = panel.getByRole('button', { name: /^Create addresses for selected \(\d+\)$/ });
  const count = Number(/\((\d+)\)/.exec((await bulk.textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(1);
  await bulk.click();
  const settings = dialogNamed(page, `Create ${count} addresses`);
  await expect(settings.getByLabel('Studio flow')).toBeVisible();
  await expectAccessible(page, 'the bulk create settings dialog');

  await settings.getByRole('button', { name: `Create ${count} addresses` }).click();
  const run = dialogNamed(page, `Creating ${count} addresses`);
  await expect(run.getByRole('progressbar')).toBeVisible();
  await expect(run.getByText(`${count} of ${count} done: ${count} created, 0 failed`)).toBeVisible({
    timeout: 30_000,
  });
  await expectAccessible(page, 'the bulk create progress dialog');
  await closeWith(page, 'Close');
  // Its opener, the bulk button, is disabled now (nothing is selected): focus goes to the table.
  await expect(panel.locator('table')).toBeFocused();
});

test('Flex Flow migrate (preview and result) and delete dialogs', async ({ page }) => {
  await openMessagingSetup(page, 'supervisor');
  await page.getByRole('tab', { name: 'Legacy Flex Flows' }).click();
  const rows = activePanel(page).getByTestId('flex-flow-row');
  await expect(rows.first()).toBeVisible();

  // A row's Migrate is named with the flow it migrates: 'Migrate "Flex SMS Channel Flow 1" for +1…'.
  const migratable = rows.filter({ has: page.getByRole('button', { name: /^Migrate "/ }) }).first();
  await migratable.getByRole('button', { name: /^Migrate "/ }).click();
  const migrate = dialogNamed(page, / to an address$/);
  await expect(migrate).toBeVisible();
  await expectAccessible(page, 'the Flex Flow migrate dialog (preview)');
  await migrate.getByRole('button', { name: 'Migrate', exact: true }).click();
  await expect(migrate.getByTestId('migration-result')).toBeVisible();
  await expect(migrate.getByRole('button', { name: 'Close', exact: true })).toBeVisible();
  await expectAccessible(page, 'the Flex Flow migrate dialog (result)');
  await closeWith(page, 'Close');
  // The migrated flow's row is gone, and its Migrate button with it: focus goes to the table.
  await expect(activePanel(page).locator('table')).toBeFocused();

  await rows.first().getByRole('button', { name: 'Delete Flex Flow' }).click();
  await expect(dialogNamed(page, /^Delete /)).toBeVisible();
  await expectAccessible(page, 'the Flex Flow delete dialog');
  await closeWith(page, 'Cancel');
});

test('the health banner when Flex’s service is not the default, and its fix confirmation', async ({
  page,
  request,
}) => {
  const reset = await request.post(`${SANDBOX_URL}/_sandbox/reset`, { data: { defaultServiceIsFlex: false } });
  expect(reset.ok()).toBe(true);
  await openMessagingSetup(page, 'supervisor');
  const banner = page.getByRole('region', { name: 'Account health' });
  await expect(banner.getByRole('button', { name: 'Fix' })).toBeVisible();
  await expectAccessible(page, 'the unhealthy health banner');
  await banner.getByRole('button', { name: 'Fix' }).click();
  await expect(dialogNamed(page, /default\?$/)).toBeVisible();
  await expectAccessible(page, 'the fix default service confirmation');
  await closeWith(page, 'Cancel');
  await expect(banner.getByRole('button', { name: 'Fix' })).toBeFocused();

  await banner.getByRole('button', { name: 'Fix' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Set as default' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(banner).toContainText("is the account's default Conversations service");
  // The Fix button went with the fix: focus goes to the banner, which now says all is well.
  await expect(banner).toBeFocused();
  await expectAccessible(page, 'the healthy health banner');
});
