import { expect, test } from '@playwright/test';

import { collectPageProblems } from '../flexHost';
import { bootRealFlex, REQUIRED_STARTUP_ENDPOINTS, startupLog } from '../realFlex';

/**
 * The real Flex UI's start-up against the host's answers: the contract a Flex upgrade may break.
 * When it does, these tests fail naming the endpoint (see e2e/realFlex.ts), not with a timeout.
 */

test('Flex starts on the answers the host gives, and asks for nothing it does not answer', async ({ page }) => {
  const problems = collectPageProblems(page);
  const started = Date.now();
  await bootRealFlex(page, 'admin');
  test.info().annotations.push({ type: 'boot', description: `real Flex booted in ${Date.now() - started} ms` });

  // A clean start: every SDK connected (the host answers twilsock and TaskRouter), so nothing is left
  // to time out. Flex's SDK start-up timeouts are 20 s; past them, Flex is still not in degraded mode
  // (which it logs, failing `problems`) and shows no "Issues detected" over the views.
  await page.waitForTimeout(Math.max(0, started + 21_000 - Date.now()));
  await expect(page.getByText('Issues detected.')).toHaveCount(0);

  const log = await startupLog(page);
  const unanswered = [...new Set(log.filter((entry) => entry.endpoint === null).map((e) => `${e.method} ${e.url}`))];
  expect(unanswered, 'Twilio requests of Flex that the host has no answer for').toEqual([]);
  for (const name of REQUIRED_STARTUP_ENDPOINTS) {
    const answers = log.filter((entry) => entry.endpoint === name);
    expect(answers.length, `Flex asked for ${name}`).toBeGreaterThan(0);
    expect(
      answers.map((entry) => entry.status).filter((status) => status !== 200),
      `answers of ${name}`,
    ).toEqual([]);
  }

  // What Flex made of the answers: the sandbox's account and user, and our plugin from the list.
  const seen = await page.evaluate(() => {
    const manager = (
      window as unknown as {
        flexManager: {
          user: { identity: string; roles: string[] };
          serviceConfiguration: { account_sid: string; ui_attributes: { messagingSetup?: { backendUrl?: string } } };
        };
      }
    ).flexManager;
    return {
      identity: manager.user.identity,
      roles: manager.user.roles,
      account: manager.serviceConfiguration.account_sid,
      backendUrl: manager.serviceConfiguration.ui_attributes.messagingSetup?.backendUrl,
    };
  });
  expect(seen).toMatchObject({ identity: 'demo.admin@owl.example', roles: ['admin'] });
  expect(seen.account).toMatch(/^AC[0-9a-f]{32}$/);
  expect(seen.backendUrl).toMatch(/^http:\/\/localhost:\d+$/);
  expect(problems).toEqual([]);
});

test('the plugin is loaded by Flex’s plugin loader, and its backend calls carry manager.user.token', async ({
  page,
}) => {
  const tokens: string[] = [];
  page.on('request', (sent) => {
    if (sent.method() !== 'POST' || !/^http:\/\/localhost:\d+\/list-/.test(sent.url())) return;
    tokens.push(new URLSearchParams(sent.postData() ?? '').get('Token') ?? '(none)');
  });
  await bootRealFlex(page, 'supervisor', '/messaging-setup');
  await expect(page.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeVisible();
  await expect(page.getByText(/^Loading /)).toHaveCount(0, { timeout: 20_000 });

  const loaded = await page.evaluate(() => {
    const flex = (
      window as unknown as {
        Twilio: { Flex: { Plugins: { plugins: { name: string; src: string; state: string }[] } } };
      }
    ).Twilio.Flex;
    return {
      plugins: flex.Plugins.plugins.map(({ name, src, state }) => ({ name, src, state })),
      // The host page itself loads no plugin: only Flex's loader adds the bundle's <script>.
      scripts: Array.from(document.scripts)
        .map((script) => script.getAttribute('src'))
        .filter(Boolean),
      token: (window as unknown as { flexManager: { user: { token: string } } }).flexManager.user.token,
    };
  });
  expect(loaded.plugins).toEqual([
    {
      name: 'plugin-messaging-setup',
      src: expect.stringMatching(/\/plugins\/plugin-messaging-setup\.js$/),
      state: 'Initialized',
    },
  ]);
  expect(loaded.scripts).toContain(loaded.plugins[0].src);
  expect(tokens.length, 'list calls the view made').toBeGreaterThanOrEqual(5);
  expect(new Set(tokens)).toEqual(new Set([loaded.token]));
});

test('a start-up answer Flex rejects fails the boot naming that endpoint', async ({ page }) => {
  // As a Flex upgrade that needs another Configuration field would: the answer lacks one Flex requires.
  await page.context().route(/\/_flex\/http\/flex-api\.twilio\.com\/v1\/Configuration/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ui_attributes: Record<string, unknown> };
    delete body.ui_attributes.version_compatibility;
    await route.fulfill({ response, json: body });
  });
  const failure = await bootRealFlex(page, 'admin').then(
    () => 'booted',
    (error: Error) => error.message,
  );
  expect(failure).toContain('Flex rejected the answer of GET https://flex-api.twilio.com/v1/Configuration');
});
