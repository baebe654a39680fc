import { expect, test } from '@playwright/test';

import { activePanel, openMessagingSetup, screenshotPath, sidewaysScrollers } from '../flexHost';
import { resetSandbox } from '../twilioSandbox';

/**
 * Real Flex at 1024×768 (issue #27): nothing in the view scrolls sideways. Real Flex only: its side
 * bar is 52 px, so 1024 leaves the view about what the stand-in leaves it at 1280
 * (e2e/firstScreen.spec.ts measures that one).
 */

test.use({ viewport: { width: 1024, height: 768 } });

test('at 1024×768 nothing in the view scrolls sideways, on the Phone numbers and Addresses tabs', async ({
  page,
  request,
}) => {
  await resetSandbox(request, { evidence: true });
  await openMessagingSetup(page, 'supervisor');
  await expect(activePanel(page).getByTestId('connection-row').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('first-screen-1024x768.png') });
  expect(await sidewaysScrollers(page)).toEqual([]);
  await page.getByRole('tab', { name: 'Addresses' }).click();
  await expect(activePanel(page).getByRole('table')).toBeVisible();
  expect(await sidewaysScrollers(page), 'the Addresses tab').toEqual([]);
});
