import { expect, test } from '@playwright/test';

import { activePanel, collectPageProblems, openMessagingSetup, screenshotPath } from './flexHost';
import { fetchAddressConfiguration, resetSandbox } from './twilioSandbox';

/** The sandbox's default chat address (docs/SANDBOX.md): Studio "Chat Flow", retry count 3. */
const CHAT_ADDRESS = 'flex-chat-default';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('one supervisor edits an address; a second, signed in elsewhere, sees it under the first one’s name and reverts it', async ({
  page,
  browser,
  request,
}) => {
  const problems = collectPageProblems(page);
  const original = await fetchAddressConfiguration(request, CHAT_ADDRESS);
  expect(original?.auto_creation).toMatchObject({ type: 'studio', studio_retry_count: 3 });

  // The first supervisor changes the chat address's retry count.
  await openMessagingSetup(page, 'supervisor');
  await page.getByRole('tab', { name: 'Addresses' }).click();
  const row = activePanel(page).getByTestId('address-row').filter({ hasText: CHAT_ADDRESS });
  await row.getByRole('button', { name: 'Edit address' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await edit.getByLabel('Retry count').fill('1');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  expect((await fetchAddressConfiguration(request, CHAT_ADDRESS))?.auto_creation.studio_retry_count).toBe(1);

  // A second supervisor, in a browser of their own.
  const second = await browser.newContext();
  const other = await second.newPage();
  const otherProblems = collectPageProblems(other);
  await openMessagingSetup(other, 'supervisor', 'second.supervisor');
  await other.getByRole('tab', { name: 'History' }).click();
  const entries = activePanel(other).getByTestId('history-row');
  const editEntry = entries.filter({ hasText: `demo.supervisor changed ${CHAT_ADDRESS}` });
  await expect(editEntry).toHaveCount(1);
  await expect(editEntry).toContainText(`demo.supervisor changed ${CHAT_ADDRESS}: retry count from 3 to 1`);
  await expect(editEntry).toContainText('demo.supervisor@owl.example');
  await editEntry.getByText('Before and after').click();
  await expect(editEntry.getByRole('list', { name: 'Fields changed' })).toHaveText(
    'address.integration.retryCount: 3 → 1',
  );
  await other.screenshot({ path: screenshotPath('history-tab.png'), fullPage: true });

  await editEntry.getByRole('button', { name: /^Revert: / }).click();
  const confirm = other.getByRole('dialog', { name: 'Revert this change?' });
  await confirm.getByRole('button', { name: 'Revert' }).click();
  await expect(confirm).toHaveCount(0);

  // Twilio holds the original again; both entries are listed, the revert under the second name.
  expect(await fetchAddressConfiguration(request, CHAT_ADDRESS)).toMatchObject({
    sid: original?.sid,
    auto_creation: { ...original?.auto_creation },
  });
  await expect(entries.filter({ hasText: `second.supervisor reverted a change of ${CHAT_ADDRESS}` })).toHaveCount(1);
  await expect(entries.filter({ hasText: `demo.supervisor changed ${CHAT_ADDRESS}` })).toHaveCount(1);
  await other.screenshot({ path: screenshotPath('history-reverted.png'), fullPage: true });

  // The first supervisor's diagnosis dialog lists both changes of the address.
  await page.getByRole('tab', { name: 'Addresses' }).click();
  await row.getByRole('button', { name: `Diagnosis for ${CHAT_ADDRESS}: Ready` }).click();
  const recent = page.getByRole('dialog').getByRole('region', { name: 'Recent changes' });
  await expect(recent.getByTestId('recent-change')).toHaveCount(2);
  await expect(recent).toContainText(`second.supervisor reverted a change of ${CHAT_ADDRESS}`);

  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
  await second.close();
});

test('reverting again after the address changed is refused, naming who changed it, and changes nothing', async ({
  page,
  request,
}) => {
  await openMessagingSetup(page, 'admin');
  await page.getByRole('tab', { name: 'Addresses' }).click();
  const row = activePanel(page).getByTestId('address-row').filter({ hasText: CHAT_ADDRESS });
  for (const retry of ['1', '2']) {
    await row.getByRole('button', { name: 'Edit address' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit address' });
    await edit.getByLabel('Retry count').fill(retry);
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'History' }).click();
  const older = activePanel(page).getByTestId('history-row').filter({ hasText: 'retry count from 3 to 1' });
  await older.getByRole('button', { name: /^Revert: / }).click();
  const confirm = page.getByRole('dialog', { name: 'Revert this change?' });
  await confirm.getByRole('button', { name: 'Revert' }).click();
  await expect(confirm).toContainText(`Not reverted: ${CHAT_ADDRESS} has changed since: retry count is 2`);
  await expect(confirm).toContainText('demo.admin@owl.example');
  await page.screenshot({ path: screenshotPath('history-revert-refused.png') });
  expect((await fetchAddressConfiguration(request, CHAT_ADDRESS))?.auto_creation.studio_retry_count).toBe(2);
});
