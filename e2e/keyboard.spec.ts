import { expect, test, type Locator, type Page } from '@playwright/test';

import { activePanel, collectPageProblems, sideLink, signIn } from './flexHost';
import {
  fetchAddressConfiguration,
  readSeededAccount,
  resetSandbox,
  SANDBOX_URL,
  type SeededAccount,
} from './twilioSandbox';

/**
 * Create, edit and delete an address with the keyboard alone: after the page has loaded, only
 * Tab, Shift+Tab, Enter, Space, Escape, arrow keys and typing — no mouse, no `click()`, no `fill()`.
 */

let seeded: SeededAccount;

test.beforeEach(async ({ page, request }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await resetSandbox(request);
  seeded = await readSeededAccount(request);
});

/** What has focus, for failure messages: its role-ish tag, name and label. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? (el as HTMLElement).innerText?.slice(0, 40) ?? '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${name.trim()}"`;
  });

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab (Shift+Tab with `back`) until `target` has focus; fails listing where focus went. */
async function tabTo(page: Page, target: Locator, { back = false, max = 60, visuallyHidden = false } = {}) {
  // A Paste checkbox's input is visually hidden (its box is drawn beside it): attached is enough.
  if (visuallyHidden) await expect(target).toBeAttached();
  else await expect(target).toBeVisible();
  const path: string[] = [];
  for (let presses = 0; presses <= max; presses += 1) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    path.push(await describeFocus(page));
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} did not reach ${String(target)} in ${max} presses: ${path.join(' → ')}`,
  );
}

/** Replaces a focused text or number field's value by typing. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

test('supervisor: create, edit and delete an address with the keyboard only; Escape changes nothing', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  const number = seeded.numberWithoutAddress;
  await signIn(page, 'supervisor');

  // The side nav opens the view.
  const link = sideLink(page, 'Messaging Setup');
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  await expect(link).toHaveAttribute('aria-current', 'true');

  // The tab list takes arrow keys: over to WhatsApp senders and back to Phone numbers.
  const numbersTab = page.getByRole('tab', { name: 'Phone numbers' });
  await tabTo(page, numbersTab);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'WhatsApp senders' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'WhatsApp senders' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(numbersTab).toBeFocused();
  await expect(numbersTab).toHaveAttribute('aria-selected', 'true');

  // Search narrows the table to the number; its row says "Not connected".
  const panel = activePanel(page);
  await tabTo(page, panel.getByRole('searchbox', { name: 'Search' }));
  await page.keyboard.type(number);
  const row = panel.getByTestId('connection-row');
  await expect(row).toHaveCount(1);
  await expect(row.locator('td[data-column="address"]')).toHaveText(number);
  await expect(row.getByText('Not connected')).toBeVisible();

  // Create: Studio flow chosen with the arrow keys, retry count typed, saved with Space on Create.
  const createButton = row.getByRole('button', { name: 'Create address' });
  await tabTo(page, createButton);
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create address' });
  await expect(create.getByLabel('Friendly name')).toBeFocused();
  await tabTo(page, create.getByLabel('Integration'));
  await expect(create.getByLabel('Integration')).toHaveValue('studio');
  const flow = create.getByLabel('Studio flow');
  await tabTo(page, flow);
  await page.keyboard.press('Home');
  await expect(flow).toHaveValue('');
  for (let presses = 0; presses < 20; presses += 1) {
    if ((await flow.inputValue()) === seeded.messagingFlowSid) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(flow).toHaveValue(seeded.messagingFlowSid);
  await tabTo(page, create.getByLabel('Retry count'));
  await retype(page, '2');
  await tabTo(page, create.getByRole('button', { name: 'Create', exact: true }));
  await page.keyboard.press('Space');
  await expect(create).toHaveCount(0);
  await expect(row.getByText('Studio: Messaging Flow · retry 2')).toBeVisible();
  expect(await fetchAddressConfiguration(request, number)).toMatchObject({
    type: 'sms',
    address: number,
    auto_creation: { enabled: true, type: 'studio', studio_flow_sid: seeded.messagingFlowSid, studio_retry_count: 2 },
  });
  // The Create button went with the change: focus is on the row's next action, not lost to the page.
  const editButton = row.getByRole('button', { name: 'Edit address' });
  await expect(editButton).toBeFocused();

  // Edit: Enter in the retry count field saves.
  await page.keyboard.press('Enter');
  const edit = page.getByRole('dialog', { name: 'Edit address' });
  await expect(edit.getByLabel('Friendly name')).toBeFocused();
  await tabTo(page, edit.getByLabel('Retry count'));
  await expect(edit.getByLabel('Retry count')).toHaveValue('2');
  await retype(page, '1');
  await page.keyboard.press('Enter');
  await expect(edit).toHaveCount(0);
  await expect(row.getByText('Studio: Messaging Flow · retry 1')).toBeVisible();
  expect((await fetchAddressConfiguration(request, number))?.auto_creation.studio_retry_count).toBe(1);
  await expect(editButton).toBeFocused();

  // Escape closes the edit dialog without saving what was typed.
  await page.keyboard.press('Enter');
  await tabTo(page, edit.getByLabel('Retry count'));
  await retype(page, '0');
  await page.keyboard.press('Escape');
  await expect(edit).toHaveCount(0);
  await expect(editButton).toBeFocused();
  await expect(row.getByText('Studio: Messaging Flow · retry 1')).toBeVisible();
  expect((await fetchAddressConfiguration(request, number))?.auto_creation.studio_retry_count).toBe(1);

  // Delete: Escape on the confirmation keeps the address; then Delete confirms with Enter.
  const deleteButton = row.getByRole('button', { name: 'Delete address' });
  await tabTo(page, deleteButton);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: `Delete address ${number}?` });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  expect(await fetchAddressConfiguration(request, number)).not.toBeNull();

  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveCount(0);
  await expect(row.getByText('Not connected')).toBeVisible();
  expect(await fetchAddressConfiguration(request, number)).toBeNull();
  // Edit and Delete went with the address: focus is on the row's Create address again.
  await expect(createButton).toBeFocused();

  expect(problems).toEqual([]);
});

test('a Create that Twilio refuses keeps focus in its dialog: on the error, and Escape closes the dialog', async ({
  page,
  request,
}) => {
  const number = seeded.numberWithoutAddress;
  await signIn(page, 'admin');
  const link = sideLink(page, 'Messaging Setup');
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });
  const panel = activePanel(page);
  await tabTo(page, panel.getByRole('searchbox', { name: 'Search' }));
  await page.keyboard.type(number);
  const row = panel.getByTestId('connection-row');
  await expect(row).toHaveCount(1);
  // Every address write Twilio gets from now on fails.
  const faults = await request.post(`${SANDBOX_URL}/_sandbox/faults`, {
    data: { rate500: 1, products: ['conversations'], methods: ['POST'] },
  });
  expect(faults.ok()).toBe(true);

  const createButton = row.getByRole('button', { name: `Create address for ${number}` });
  await tabTo(page, createButton);
  await page.keyboard.press('Enter');
  const create = page.getByRole('dialog', { name: 'Create address' });
  await tabTo(page, create.getByRole('button', { name: 'Create', exact: true }));
  await page.keyboard.press('Enter');
  // The submit disabled itself while the request ran; focus did not fall to the page's body.
  const error = create.locator('[data-dialog-error]');
  await expect(error).toContainText('The address was not created.', { timeout: 30_000 });
  await expect(error).toBeFocused();
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);

  await page.keyboard.press('Escape');
  await expect(create).toHaveCount(0);
  await expect(createButton).toBeFocused();
  expect(await fetchAddressConfiguration(request, number)).toBeNull();
});

/**
 * A dialog walked with the keyboard: opened with Enter on its opener, every Tab and Shift+Tab
 * stays inside it (Paste's focus lock), Escape closes it and focus is back on the opener.
 */
async function walkDialog(page: Page, opener: Locator, dialogName: string | RegExp, { back = false } = {}) {
  await tabTo(page, opener, { back });
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  const inDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  await expect.poll(inDialog).toBe(true);
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    expect(await inDialog(), `${key} left the dialog "${String(dialogName)}": ${await describeFocus(page)}`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
}

test('every other dialog with the keyboard only: diagnosis, migrate, delete Flex Flow, bulk create, close a stuck conversation', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await resetSandbox(request, { evidence: true });
  await signIn(page, 'admin');
  await tabTo(page, sideLink(page, 'Messaging Setup'));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });

  // A row's diagnosis.
  const panel = activePanel(page);
  const diagnosis = panel.getByRole('button', { name: /^Diagnosis for \+16282000001: / });
  await walkDialog(page, diagnosis, 'Diagnosis for +16282000001');

  // Bulk create: a row ticked with Space, then its button.
  const tick = panel.getByRole('checkbox', { name: /^Select \+16282000001/ });
  await tabTo(page, tick, { back: true, visuallyHidden: true });
  await page.keyboard.press('Space');
  await expect(tick).toBeChecked();
  await walkDialog(
    page,
    panel.getByRole('button', { name: 'Create addresses for selected (1)' }),
    /^Create 1 address/,
    {
      back: true,
    },
  );

  // The Legacy Flex Flows tab: migrate, then delete.
  const tabs = page.getByRole('tablist');
  await tabTo(page, tabs.getByRole('tab', { selected: true }), { back: true });
  for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Legacy Flex Flows' })).toHaveAttribute('aria-selected', 'true');
  const flows = activePanel(page);
  await walkDialog(page, flows.getByRole('button', { name: /^Migrate "Flex SMS Channel Flow 1"/ }), /^Migrate /);
  await walkDialog(
    page,
    flows.getByRole('button', { name: /^Delete Flex Flow "Flex SMS Channel Flow 1"/ }),
    /^Delete /,
  );

  // Stuck conversations: close one.
  await tabTo(page, page.getByRole('tab', { name: 'Legacy Flex Flows' }), { back: true });
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Stuck conversations' })).toHaveAttribute('aria-selected', 'true');
  const close = activePanel(page)
    .getByRole('button', { name: /^Close the conversation/ })
    .first();
  await walkDialog(page, close, /close/i);
  expect(problems).toEqual([]);
});
