import { expect, type Page } from '@playwright/test';

/**
 * Booting the real Flex UI runtime (the host's `?flex=real` page) in a test, and saying clearly why
 * when it does not start: which start-up request Flex made that the host does not answer, which one
 * it no longer makes, and what Flex itself reported. A new `@twilio/flex-ui` that changes a start-up
 * endpoint fails here with that endpoint's name, not with a timeout.
 */

/** A boot must take under this (the budget); past it the boot fails with a diagnosis. */
export const REAL_FLEX_BOOT_BUDGET_MS = 15_000;

interface StartupLogEntry {
  at: string;
  method: string;
  url: string;
  endpoint: string | null;
  status: number;
}

/** Start-up requests Flex 2.17.1 makes on every boot (see sandbox/host/real-flex/startupAnswers.ts). */
export const REQUIRED_STARTUP_ENDPOINTS = [
  'GET https://flex-api.twilio.com/v1/Configuration',
  'POST https://flex-api.twilio.com/v1/Accounts/{AccountSid}/Tokens/Info',
  'GET https://flex.twilio.com/plugins',
];

/**
 * What Flex says when it rejects a start-up answer, and the answer it means (measured with 2.17.1:
 * each message was produced by removing or breaking that answer).
 */
const KNOWN_REJECTIONS: { sign: RegExp; endpoint: string }[] = [
  { sign: /Service version is not compatible/i, endpoint: 'GET https://flex-api.twilio.com/v1/Configuration' },
];

export async function startupLog(page: Page): Promise<StartupLogEntry[]> {
  const response = await page.request.get('/_flex/requests');
  return ((await response.json()) as { requests: StartupLogEntry[] }).requests;
}

/** The failure message for a boot that did not finish: every clue, each naming its endpoint. */
export function diagnoseStartup(log: StartupLogEntry[], flexSays: string[], waitedFor: string): string {
  const lines = [`Real Flex did not start within ${REAL_FLEX_BOOT_BUDGET_MS / 1000} s (waited for ${waitedFor}).`];
  const unanswered = [...new Set(log.filter((entry) => entry.endpoint === null).map((e) => `${e.method} ${e.url}`))];
  if (unanswered.length > 0) lines.push(`Flex asked for what the host does not answer: ${unanswered.join('; ')}.`);
  const failed = [
    ...new Set(
      log
        .filter((e) => e.endpoint !== null && e.status >= 400 && e.status !== 404)
        .map((e) => `${e.endpoint} (${e.status})`),
    ),
  ];
  if (failed.length > 0) lines.push(`Start-up answers that failed: ${failed.join('; ')}.`);
  const asked = new Set(log.map((entry) => entry.endpoint));
  const notAsked = REQUIRED_STARTUP_ENDPOINTS.filter((name) => !asked.has(name));
  if (notAsked.length > 0) lines.push(`Flex never asked for: ${notAsked.join('; ')} (did the endpoint change?).`);
  for (const said of flexSays) {
    const known = KNOWN_REJECTIONS.find((rejection) => rejection.sign.test(said));
    lines.push(known ? `Flex rejected the answer of ${known.endpoint}: "${said}".` : `Flex said: "${said}".`);
  }
  return lines.join('\n');
}

/** Flex's own start-up errors (console), shortened; and the host page's fatal message, if any. */
function watchFlexErrors(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') said.push(message.text().split('\n')[0].slice(0, 300));
  });
  page.on('pageerror', (error) => said.push(error.message.slice(0, 300)));
  return said;
}

const clockInstalled = new WeakSet<Page>();

/**
 * Opens `pathname` in the real Flex UI as `role` and waits until Flex has started and its plugin
 * loader has initialised our plugin. Twilio's sockets are answered by the host (see
 * sandbox/host/real-flex/sockets/) where it can; the clock is moved on during the boot so the SDK
 * start-up timeouts Flex waits out pass at once instead of in ~30 s.
 */
export async function bootRealFlex(page: Page, role: string, pathname = '/'): Promise<void> {
  // The Flex UI runtime is bundled when the host starts; wait for it before timing the boot.
  expect((await page.request.get('/_flex/runtime', { timeout: 120_000 })).ok(), 'the bundled Flex UI runtime').toBe(
    true,
  );
  await page.request.delete('/_flex/requests');
  const said = watchFlexErrors(page);
  if (!clockInstalled.has(page)) {
    await page.clock.install();
    clockInstalled.add(page);
  }
  let booting = true;
  const fastForward = (async () => {
    while (booting) {
      await page.waitForTimeout(500);
      if (booting) await page.clock.fastForward(5000).catch(() => undefined);
    }
  })();
  const started = Date.now();
  let waitedFor = 'the page';
  try {
    await page.goto(`${pathname}?role=${role}&flex=real`);
    waitedFor = 'Manager.create and RootContainer';
    await page.waitForFunction(
      () =>
        document.documentElement.dataset.realFlex !== 'booting' &&
        document.documentElement.dataset.realFlex !== undefined,
      null,
      {
        timeout: Math.max(1000, REAL_FLEX_BOOT_BUDGET_MS - (Date.now() - started)),
      },
    );
    if ((await page.getAttribute('html', 'data-real-flex')) === 'failed')
      throw new Error('the host page reports a failed boot');
    waitedFor = "Flex's plugin loader to initialise plugin-messaging-setup";
    await page.waitForFunction(
      () => {
        const plugins = (
          window as unknown as { Twilio?: { Flex?: { Plugins?: { plugins?: { name: string; state: string }[] } } } }
        ).Twilio?.Flex?.Plugins?.plugins;
        return (
          Array.isArray(plugins) &&
          plugins.some((plugin) => plugin.name === 'plugin-messaging-setup' && plugin.state === 'Initialized')
        );
      },
      null,
      { timeout: Math.max(1000, REAL_FLEX_BOOT_BUDGET_MS - (Date.now() - started)) },
    );
  } catch {
    booting = false;
    await fastForward;
    const fatal = await page
      .locator('.real-flex-fatal')
      .textContent()
      .catch(() => null);
    throw new Error(diagnoseStartup(await startupLog(page), fatal ? [fatal, ...said] : said, waitedFor));
  }
  booting = false;
  await fastForward;
}

/**
 * Console errors that are Flex's own on an offline sandbox (services the host does not stand in
 * for), not the plugin's: leaving them out, what remains is caused by the plugin or by Flex acting
 * on the plugin's behalf.
 */
const FLEX_OWN_CONSOLE_ERRORS: RegExp[] = [
  /FlexClientManager/,
  /Degraded mode/i,
  /Timeout Util/,
  /initFlexSDK|initSyncSDK|initConversationsSDK|Insights SDK/,
  /Failed to fetch feature flag configuration/,
  /Fetching (Teams context|email provision) status failed/,
  /GetPausedEmailConversations/,
];

/** Whether a console error is Flex's own (see above), given where it came from. */
export function isFlexOwnConsoleError(text: string, sourceUrl: string): boolean {
  // Chromium's line for an answer of a Twilio host (the 404s of services Flex carries on without).
  if (text.startsWith('Failed to load resource') && /^https:\/\/[\w.-]*twilio\.com\//.test(sourceUrl)) return true;
  return FLEX_OWN_CONSOLE_ERRORS.some((pattern) => pattern.test(text));
}
