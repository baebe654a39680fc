import { expect, test, type APIRequestContext } from '@playwright/test';

import { SET_ASIDE_MAP_NAME, setAsideKeyOf } from '../src/contract/setAside';
import { BACKEND_SYNC_SERVICE_NAME } from '../src/contract/types';
import {
  activePanel,
  collectPageProblems,
  findConnectionRow,
  healthCount,
  openMessagingSetup,
  screenshotPath,
} from './flexHost';
import { readSeededAccount, resetSandbox, twilioGet } from './twilioSandbox';

/**
 * Setting a number aside as not for Flex (issue #26), end to end: the mark is written where every
 * supervisor reads it (the backend's Sync Map), the health banner leaves it out of its counts, a
 * second supervisor sees it, and reverting the change from History brings the number back.
 */

const REASON = 'Sends appointment reminders from the booking app';

test.beforeEach(async ({ page, request }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await resetSandbox(request);
});

/** The mark Twilio holds for a number (the backend's Sync Map item), or null. */
async function syncMark(request: APIRequestContext, address: string): Promise<Record<string, unknown> | null> {
  const services = await twilioGet<{ services: { sid: string; friendly_name: string }[] }>(
    request,
    'sync/v1/Services?PageSize=100',
  );
  const service = services?.services.find((s) => s.friendly_name === BACKEND_SYNC_SERVICE_NAME);
  if (!service) throw new Error('the sandbox account has no backend Sync Service');
  const item = await twilioGet<{ data: Record<string, unknown> }>(
    request,
    `sync/v1/Services/${service.sid}/Maps/${SET_ASIDE_MAP_NAME}/Items/${setAsideKeyOf('sms', address)}`,
  );
  return item?.data ?? null;
}

test('a supervisor sets a number aside; the banner leaves it out, a second supervisor sees it, and a revert brings it back', async ({
  page,
  browser,
  request,
}) => {
  const problems = collectPageProblems(page);
  const { numberWithoutAddress: number } = await readSeededAccount(request);
  await openMessagingSetup(page, 'supervisor');
  await expect(
    activePanel(page)
      .getByRole('button', { name: /^Diagnosis for / })
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0);
  const brokenBefore = await healthCount(page, 'Broken');
  expect(brokenBefore).toBeGreaterThan(0);
  expect(await healthCount(page, 'Not for Flex')).toBe(0);

  const row = await findConnectionRow(page, 'Phone numbers', number);
  await row.getByRole('button', { name: `Diagnosis for ${number}: Broken` }).click();
  const dialog = page.getByRole('dialog', { name: `Diagnosis for ${number}` });
  await dialog.getByRole('button', { name: 'Set aside as not for Flex' }).click();
  await dialog.getByRole('textbox', { name: 'Reason (optional)' }).fill(REASON);
  await page.screenshot({ path: screenshotPath('set-aside-dialog.png') });
  await dialog.getByRole('button', { name: 'Set aside', exact: true }).click();
  await expect(dialog.getByTestId('set-aside-mark')).toContainText(`Reason: ${REASON}`);
  expect(await syncMark(request, number)).toMatchObject({
    channel: 'sms',
    address: number,
    reason: REASON,
    by: 'demo.supervisor@owl.example',
  });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(row.getByRole('button', { name: `Diagnosis for ${number}: Not for Flex` })).toBeVisible();
  await expect.poll(() => healthCount(page, 'Broken')).toBe(brokenBefore - 1);
  expect(await healthCount(page, 'Not for Flex')).toBe(1);
  await page.screenshot({ path: screenshotPath('set-aside-banner.png') });

  // A second supervisor, in a browser of their own, sees the mark and reverts it from History.
  const second = await browser.newContext();
  const other = await second.newPage();
  const otherProblems = collectPageProblems(other);
  await openMessagingSetup(other, 'supervisor', 'second.supervisor');
  await expect.poll(() => healthCount(other, 'Not for Flex')).toBe(1);
  const theirRow = await findConnectionRow(other, 'Phone numbers', number);
  await expect(theirRow.getByRole('button', { name: `Diagnosis for ${number}: Not for Flex` })).toBeVisible();
  await other.getByRole('tab', { name: 'History' }).click();
  const entry = activePanel(other)
    .getByTestId('history-row')
    .filter({ hasText: `demo.supervisor marked ${number}` });
  await expect(entry).toHaveCount(1);
  await entry.getByRole('button', { name: /^Revert: / }).click();
  const confirm = other.getByRole('dialog', { name: 'Revert this change?' });
  await confirm.getByRole('button', { name: 'Revert' }).click();
  await expect(confirm).toHaveCount(0);
  expect(await syncMark(request, number)).toBeNull();
  // Their view shows the number as the revert left it, without a reload.
  await findConnectionRow(other, 'Phone numbers', number);
  await expect(theirRow.getByRole('button', { name: `Diagnosis for ${number}: Broken` })).toBeVisible();
  expect(await healthCount(other, 'Not for Flex')).toBe(0);

  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
  await second.close();
});
