import path from 'node:path';

import { expect, test, type Locator, type Page } from '@playwright/test';

import { bootRealFlex, isFlexOwnConsoleError } from './realFlex';

/**
 * The Flex a test runs in: the Playwright project says (`real-flex` boots the real Flex UI
 * runtime; every other project our stand-in). The specs are the same for both.
 */
export type FlexHost = 'standin' | 'real';
export const flexHost = (): FlexHost => (test.info().project.name === 'real-flex' ? 'real' : 'standin');

/** Where a spec saves a screenshot, per Flex host: e2e/screenshots/<host>/<name>. */
export const screenshotPath = (name: string) => path.join(__dirname, 'screenshots', flexHost(), name);

/**
 * Console errors and uncaught exceptions of the page, collected for one assertion at the end. In
 * real Flex, Flex's own complaints about the offline services it misses are left out: what is
 * collected is what the plugin causes.
 */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  const real = flexHost() === 'real';
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (real && isFlexOwnConsoleError(message.text(), message.location().url)) return;
    problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/**
 * Opens the Flex host page as a role and waits until Flex has loaded the plugin and rendered;
 * `user` (stand-in only) signs in as another demo user of that role, `<user>@owl.example`.
 */
export async function signIn(page: Page, role: string, pathname = '/', user?: string) {
  if (flexHost() === 'real') {
    if (user) throw new Error('The real-Flex host signs in as the demo user of a role only.');
    await bootRealFlex(page, role, pathname);
    const identity = await page.evaluate(
      () => (window as unknown as { flexManager?: { user?: { identity?: string } } }).flexManager?.user?.identity,
    );
    expect(identity).toBe(`demo.${role}@owl.example`);
    return;
  }
  await page.goto(`${pathname}?role=${role}${user ? `&user=${encodeURIComponent(user)}` : ''}`);
  await expect(page.locator('[data-flex-host="ready"]')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(user ? `${user}@owl.example` : `demo.${role}@owl.example`);
}

/**
 * Reloads the page as a user would. Real Flex then starts again, with the SDK timeouts moved on
 * as in {@link signIn}; it signs in with the same role.
 */
export async function reloadFlex(page: Page, role: string) {
  if (flexHost() === 'real') return bootRealFlex(page, role, pathnameOf(page) || '/');
  await page.reload();
}

/** Flex's side navigation (real Flex names it "Side bar"; its entries are links). */
export const sideNav = (page: Page) => page.getByRole('navigation', { name: 'Side bar' });
export const sideLink = (page: Page, name: string) => sideNav(page).getByRole('link', { name, exact: true });

/** Flex's notification bar (the same class name in real Flex and in the stand-in). */
export const flexNotifications = (page: Page) => page.locator('.Twilio-NotificationBar');

/** The path of the page (the sign-in query is not part of it: real Flex's has the token). */
export const pathnameOf = (page: Page) => new URL(page.url()).pathname.replace(/\/$/, '');

/** Signs in, opens Messaging Setup from the side nav and waits until every list has loaded. */
export async function openMessagingSetup(page: Page, role: 'supervisor' | 'admin', user?: string) {
  await signIn(page, role, '/', user);
  await sideLink(page, 'Messaging Setup').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);
}

/** The tab panel on show. */
export const activePanel = (page: Page) => page.getByRole('tabpanel');

/** The count the health banner shows of phone numbers at a level (0 when its button is not shown). */
export async function healthCount(page: Page, level: string): Promise<number> {
  const button = page
    .getByRole('region', { name: 'Account health' })
    .getByRole('button', { name: new RegExp(`^Show the \\d+ phone numbers that are ${level}$`) });
  if ((await button.count()) === 0) return 0;
  const name = (await button.getAttribute('aria-label')) ?? '';
  return Number(/(\d+)/.exec(name)?.[1]);
}

/** A row of the Addresses tab (already shown), by its address. */
export const addressRow = (page: Page, address: string) =>
  activePanel(page).getByTestId('address-row').filter({ hasText: address });

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

/** Opens "Create address" on the Addresses tab (already shown) and picks a type; returns the dialog. */
export async function startCreateAddress(page: Page, type: string): Promise<Locator> {
  // The toolbar's (a row's is named for its row: "Create address for …").
  await activePanel(page).getByRole('button', { name: 'Create address', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Create address' });
  await dialog.getByLabel('Type').selectOption({ label: type });
  return dialog;
}

/** Elements of the view wider than their box that scroll or clip sideways: none may be, but a truncated cell. */
export async function sidewaysScrollers(page: Page): Promise<string[]> {
  return page.getByTestId('messaging-setup-view').evaluate((view) => {
    const found: string[] = [];
    for (const el of [view, ...Array.from(view.querySelectorAll<HTMLElement>('*'))]) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return found;
  });
}
