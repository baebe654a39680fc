import { expect, test } from '@playwright/test';

import { activePanel, collectPageProblems, screenshotPath, sideLink, signIn } from './flexHost';
import { resetSandbox, SANDBOX_URL } from './twilioSandbox';

/**
 * With every Twilio call failing (issue #27), the view says so once: one alert naming the cause,
 * one Try again for all the lists; the health line says what could not be checked, never a count
 * of 0 or "Checking…" forever. When Twilio answers again, that one Try again loads everything.
 */

test.use({ viewport: { width: 1280, height: 800 } });

test('every Twilio call failing: one alert, one Try again, no zero counts; Try again loads it all once Twilio answers', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await resetSandbox(request);
  // Flex has started (its own start-up does not go through the backend); from now on Twilio fails.
  await signIn(page, 'supervisor');
  const faults = await request.post(`${SANDBOX_URL}/_sandbox/faults`, { data: { rate500: 1 } });
  expect(faults.ok()).toBe(true);
  await sideLink(page, 'Messaging Setup').click();

  const alerts = page.getByTestId('load-problem');
  await expect(alerts).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 30_000 });
  await expect(alerts).toHaveCount(1);
  const view = page.getByTestId('messaging-setup-view');
  await expect(view.getByRole('button', { name: 'Try again' })).toHaveCount(1);
  // The cause, named once: the backend could not ask Twilio about the sign-in.
  await expect(alerts).toContainText('Twilio could not check your Flex sign-in');
  const health = page.getByRole('region', { name: 'Account health' });
  await expect(health).toContainText('could not be checked');
  await expect(health).not.toContainText(/\b0 (Broken|Warning|Ready)\b/);
  await expect(view).not.toContainText('Checking the account');
  await expect(activePanel(page)).not.toContainText('This account has no phone numbers');
  await page.screenshot({ path: screenshotPath('failures-one-alert.png') });

  expect((await request.post(`${SANDBOX_URL}/_sandbox/faults`, { data: {} })).ok()).toBe(true);
  await view.getByRole('button', { name: 'Try again' }).click();
  await expect(alerts).toHaveCount(0, { timeout: 20_000 });
  await expect(activePanel(page).getByTestId('connection-row').first()).toBeVisible();
  await expect(health).not.toContainText('could not be checked');
  // Only what Twilio failing explains: the failed calls, none of the page's own.
  expect(problems.filter((p) => !/status of 50[0-9]|503|Failed to load resource/.test(p))).toEqual([]);
});
