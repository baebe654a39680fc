import { expect, type Locator, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions of the page, collected for one assertion at the end. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** Opens the Flex host page as a role and waits until Flex has loaded the plugin and rendered. */
export async function signIn(page: Page, role: string, pathname = '/') {
  await page.goto(`${pathname}?role=${role}`);
  await expect(page.locator('[data-flex-host="ready"]')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(`demo.${role}@owl.example`);
}

export const sideNav = (page: Page) => page.getByRole('navigation', { name: 'Side navigation' });

/** Signs in, opens Messaging Setup from the side nav and waits until every list has loaded. */
export async function openMessagingSetup(page: Page, role: 'supervisor' | 'admin') {
  await signIn(page, role);
  await sideNav(page).getByRole('button', { name: 'Messaging Setup' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);
}

/** The tab panel on show. */
export const activePanel = (page: Page) => page.getByRole('tabpanel');

/** Shows one tab and narrows its table to one number or sender with the Search box; returns its row. */
export async function findConnectionRow(
  page: Page,
  tab: 'Phone numbers' | 'WhatsApp senders',
  address: string,
): Promise<Locator> {
  await page.getByRole('tab', { name: tab }).click();
  await activePanel(page).getByRole('searchbox', { name: 'Search' }).fill(address);
  const rows = activePanel(page).getByTestId('connection-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().locator('td[data-column="address"]')).toHaveText(address);
  return rows.first();
}
