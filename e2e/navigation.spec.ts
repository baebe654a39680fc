import path from 'node:path';

import { expect, test, type Page } from '@playwright/test';

const SCREENSHOTS = path.join(__dirname, 'screenshots');

/** Console errors and uncaught exceptions of the page, collected for one assertion at the end. */
function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** Opens the host page as a role and waits until Flex has loaded the plugin and rendered. */
async function signIn(page: Page, role: string, pathname = '/') {
  await page.goto(`${pathname}?role=${role}`);
  await expect(page.locator('[data-flex-host="ready"]')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`demo.${role}@owl.example`);
}

const sideNav = (page: Page) => page.getByRole('navigation', { name: 'Side navigation' });

for (const role of ['supervisor', 'admin'] as const) {
  test(`${role}: the side nav opens the Messaging Setup view`, async ({ page }) => {
    const problems = collectPageProblems(page);
    await signIn(page, role);

    const link = sideNav(page).getByRole('button', { name: 'Messaging Setup' });
    await expect(link).toBeVisible();
    await expect(link).not.toHaveAttribute('aria-current', 'page');
    await link.click();

    await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveURL(new RegExp(`/messaging-setup\\?role=${role}$`));

    await page.screenshot({ path: path.join(SCREENSHOTS, `navigation-${role}.png`), fullPage: true });
    expect(problems).toEqual([]);
  });
}

test('agent: no Messaging Setup link, and its route falls back to the Agent Desktop', async ({ page }) => {
  const problems = collectPageProblems(page);
  await signIn(page, 'agent', '/messaging-setup');

  await expect(sideNav(page).getByRole('button', { name: 'Agent Desktop' })).toHaveAttribute('aria-current', 'page');
  await expect(sideNav(page).getByRole('button', { name: 'Messaging Setup' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Messaging Setup' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Agent Desktop' })).toBeVisible();

  await page.screenshot({ path: path.join(SCREENSHOTS, 'navigation-agent.png'), fullPage: true });
  expect(problems).toEqual([]);
});
