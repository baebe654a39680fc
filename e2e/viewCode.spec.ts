import { expect, test, type Page } from '@playwright/test';

import { collectPageProblems, pathnameOf, screenshotPath, sideLink, signIn } from './flexHost';
import { BACKEND_URL } from './twilioSandbox';

/** The view's code, as the backend serves it (webpack.config.js, VIEW_CODE_FOLDER). */
const VIEW_CODE = /\/messaging-setup-view\/view\.[0-9a-f]{16}\.js$/;
const PLUGIN_BUNDLE = /\/plugin-messaging-setup\.js$/;

/** Every request of the page from now on, by URL. */
function requestLog(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

const count = (urls: string[], pattern: RegExp) => urls.filter((url) => pattern.test(url)).length;

test("agent: Flex's start loads the plugin's registration and none of the view's code", async ({ page }) => {
  const problems = collectPageProblems(page);
  const urls = requestLog(page);
  await signIn(page, 'agent');
  await expect(page.getByRole('heading', { level: 1, name: /^Agent Desktop/ })).toBeVisible();
  await page.waitForLoadState('networkidle');

  expect(count(urls, PLUGIN_BUNDLE)).toBe(1);
  expect(urls.filter((url) => VIEW_CODE.test(url))).toEqual([]);
  expect(problems).toEqual([]);
});

test("supervisor: the view's code loads on the first open only, and the view works", async ({ page }) => {
  const problems = collectPageProblems(page);
  const urls = requestLog(page);
  await signIn(page, 'supervisor');
  await page.waitForLoadState('networkidle');
  // Signed in, on another view: nothing of the view's code yet.
  expect(count(urls, VIEW_CODE)).toBe(0);

  await sideLink(page, 'Messaging Setup').click();
  await expect(page.getByRole('tab', { name: /^Phone numbers/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  expect(count(urls, VIEW_CODE)).toBe(1);
  const [loaded] = urls.filter((url) => VIEW_CODE.test(url));
  // From the backend's public assets, not beside the plugin bundle.
  expect(loaded.startsWith(`${BACKEND_URL}/`)).toBe(true);
  await expect(page.getByRole('row', { name: /\+14152000000/ })).toBeVisible();

  // Away and back: the view opens at once from the code already here, with no second download.
  await sideLink(page, 'Agent Desktop').click();
  await expect.poll(() => pathnameOf(page)).toBe('/agent-desktop');
  await sideLink(page, 'Messaging Setup').click();
  await expect(page.getByRole('tab', { name: /^Phone numbers/ })).toBeVisible();
  await expect(page.getByTestId('messaging-setup-view-loading')).toHaveCount(0);
  expect(count(urls, VIEW_CODE)).toBe(1);

  await page.screenshot({ path: screenshotPath('view-code-reopened.png') });
  expect(problems).toEqual([]);
});

test('the view says what to check when its code cannot load, and Try again loads it', async ({ page }) => {
  const problems = collectPageProblems(page);
  let refuse = true;
  await page.route(VIEW_CODE, (route) => (refuse ? route.abort('connectionrefused') : route.continue()));
  await signIn(page, 'admin');
  await sideLink(page, 'Messaging Setup').click();

  const alert = page.getByRole('alert').filter({ hasText: "The Messaging Setup view's code did not load" });
  await expect(alert).toContainText('/messaging-setup-view/');
  await expect(alert).toContainText('deployed from the same build as this plugin');
  await page.screenshot({ path: screenshotPath('view-code-failed.png') });

  refuse = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('tab', { name: /^Phone numbers/ })).toBeVisible({ timeout: 20_000 });
  // The refused download is the browser's own console error; nothing else may go wrong.
  expect(
    problems.filter(
      (problem) => !/messaging-setup-view|ERR_CONNECTION_REFUSED|ChunkLoadError|Loading chunk/.test(problem),
    ),
  ).toEqual([]);
});
