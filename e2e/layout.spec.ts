import { expect, test, type Page } from '@playwright/test';

import { collectPageProblems, flexHost, flexNotifications, openMessagingSetup, screenshotPath } from './flexHost';
import { resetSandbox } from './twilioSandbox';

/**
 * The view inside Flex's layout, as real Flex lays its own views out (measured with Teams and
 * Queues Stats in Flex 2.17.1): the page never scrolls — Flex fills the window, its header and
 * side bar stay put, and a view taller than the window scrolls inside itself. Flex's notification
 * bar lies over the top of the views area; the view's heading starts below it.
 */

test.use({ viewport: { width: 1280, height: 800 } });

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
};

test('many rows: the page stays still and the view scrolls inside Flex; the heading clears the notifications', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await resetSandbox(request, { numbers: 240 });
  await openMessagingSetup(page, 'supervisor');
  const view = page.getByTestId('messaging-setup-view');
  const heading = page.getByRole('heading', { level: 1, name: 'Messaging Setup' });

  // The document is exactly the window: nothing but the view scrolls.
  const documentSize = await page.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  expect(documentSize.scroll).toBeLessThanOrEqual(documentSize.client);
  const viewSize = await view.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
  expect(viewSize.scroll, 'the view holds more than the window').toBeGreaterThan(viewSize.client);

  // Below whatever Flex's notification bar shows now (real Flex: at least "Issues detected" or the browser notifications request).
  const bar = await flexNotifications(page).boundingBox();
  // Real Flex always shows one at start here (its request to enable browser notifications): the
  // bar must be where the plugin looks for it, or the plugin's inset silently stops working.
  if (flexHost() === 'real')
    expect(bar?.height ?? 0, "Flex's notification bar (.Twilio-NotificationBar)").toBeGreaterThan(0);
  const headingBox = await heading.boundingBox();
  expect(headingBox).not.toBeNull();
  if (bar && bar.height > 0) expect(headingBox!.y).toBeGreaterThanOrEqual(bar.y + bar.height);
  await page.screenshot({ path: screenshotPath('layout-top.png') });

  // Scrolling the view moves the table, not Flex's header or side bar.
  const headerBefore = await box(page, '[class*="MainHeader"]');
  await view.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect.poll(() => view.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await box(page, '[class*="MainHeader"]')).toEqual(headerBefore);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: screenshotPath('layout-scrolled.png') });
  expect(problems).toEqual([]);
});
