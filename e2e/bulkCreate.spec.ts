import { expect, test } from '@playwright/test';

import { activePanel, collectPageProblems, openMessagingSetup, screenshotPath } from './flexHost';
import { resetSandbox, SANDBOX_URL, twilioGet, type AddressConfigurationResource } from './twilioSandbox';

test.beforeEach(async ({ request }) => {
  await resetSandbox(request);
});

test('bulk create: every "Not connected" number gets an address, under injected 429s, none twice', async ({
  page,
  request,
}) => {
  const problems = collectPageProblems(page);
  await openMessagingSetup(page, 'admin');
  const panel = activePanel(page);
  await panel.getByLabel('Status').selectOption({ label: 'Not connected' });
  // The rows bulk create can take: those with a check box (a voice-only number has none).
  const selectable = panel.getByTestId('connection-row').filter({ has: page.getByRole('checkbox') });
  const candidates = await selectable.locator('td[data-column="address"]').allTextContents();
  expect(candidates.length).toBeGreaterThan(1);
  // Paste draws its own box and keeps the input itself off screen: click the input as a user's click would.
  const selectAll = panel.getByRole('checkbox', { name: /^Select all \d+ matching rows without an address$/ });
  await selectAll.evaluate((input: HTMLInputElement) => input.click());
  await expect(selectAll).toBeChecked();
  await panel.getByRole('button', { name: `Create addresses for selected (${candidates.length})` }).click();

  const settings = page.getByRole('dialog', { name: `Create ${candidates.length} addresses` });
  await expect(settings).toBeVisible();
  // A third of Twilio's address writes answer 429 from now on: the run must slow down, not fail.
  const faults = await request.post(`${SANDBOX_URL}/_sandbox/faults`, {
    data: { rate429: 0.34, retryAfterSeconds: 1, products: ['conversations'], methods: ['POST'], seed: 4 },
  });
  expect(faults.ok()).toBe(true);
  await settings.getByRole('button', { name: `Create ${candidates.length} addresses` }).click();

  const run = page.getByRole('dialog', { name: `Creating ${candidates.length} addresses` });
  const all = candidates.length;
  await expect(run.getByText(`${all} of ${all} done: ${all} created, 0 failed`)).toBeVisible({ timeout: 45_000 });
  await page.screenshot({ path: screenshotPath('bulk-create-done.png') });
  await run.getByRole('button', { name: 'Close', exact: true }).click();
  await request.post(`${SANDBOX_URL}/_sandbox/faults`, { data: {} });

  const addresses =
    (
      await twilioGet<{ address_configurations: AddressConfigurationResource[] }>(
        request,
        'conversations/v1/Configuration/Addresses?PageSize=50&Type=sms',
      )
    )?.address_configurations ?? [];
  expect(candidates.filter((number) => !addresses.some((a) => a.address === number))).toEqual([]);
  // Twilio holds one address per number: none twice.
  const perNumber = new Map<string, number>();
  for (const a of addresses) perNumber.set(a.address, (perNumber.get(a.address) ?? 0) + 1);
  expect([...perNumber.values()].filter((n) => n > 1)).toEqual([]);
  // The browser logs each 429 the backend passed on (it then retried): expected here, nothing else.
  expect(problems.filter((p) => !/Failed to load resource: .* 429 \(Too Many Requests\)/.test(p))).toEqual([]);
});
