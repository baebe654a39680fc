import { expect, test } from '@playwright/test';

import { collectPageProblems, pathnameOf, screenshotPath, sideLink, signIn } from './flexHost';

for (const role of ['supervisor', 'admin'] as const) {
  test(`${role}: the side nav opens the Messaging Setup view`, async ({ page }) => {
    const problems = collectPageProblems(page);
    await signIn(page, role);

    const link = sideLink(page, 'Messaging Setup');
    await expect(link).toBeVisible();
    await expect(link).not.toHaveAttribute('aria-current', 'true');
    await link.click();

    await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
    await expect(link).toHaveAttribute('aria-current', 'true');
    await expect.poll(() => pathnameOf(page)).toBe('/messaging-setup');

    await page.screenshot({ path: screenshotPath(`navigation-${role}.png`), fullPage: true });
    expect(problems).toEqual([]);
  });
}

test('agent: no Messaging Setup link, and its route falls back to the Agent Desktop', async ({ page }) => {
  const problems = collectPageProblems(page);
  await signIn(page, 'agent', '/messaging-setup');

  await expect(sideLink(page, 'Agent Desktop')).toHaveAttribute('aria-current', 'true');
  await expect(sideLink(page, 'Messaging Setup')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Messaging Setup' })).toHaveCount(0);
  // Real Flex names its default view's heading "Agent Desktop View" (the stand-in, "Agent Desktop").
  await expect(page.getByRole('heading', { level: 1, name: /^Agent Desktop/ })).toBeVisible();
  // Flex sends a route no view of the user answers to its default view.
  await expect.poll(() => pathnameOf(page)).toBe('/agent-desktop');

  await page.screenshot({ path: screenshotPath('navigation-agent.png'), fullPage: true });
  expect(problems).toEqual([]);
});
