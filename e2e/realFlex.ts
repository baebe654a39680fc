import { expect, type Page } from '@playwright/test';

import { REQUIRED_STARTUP_ENDPOINTS, type StartupLogEntry } from '../sandbox/host/real-flex/startupAnswers';

export { REQUIRED_STARTUP_ENDPOINTS };

/**
 * Booting the real Flex UI runtime (the host's `?flex=real` page) in a test, and saying clearly why
 * when it does not start: which start-up request Flex made that the host does not answer, which one
 * it no longer makes, and what Flex itself reported. A new `@twilio/flex-ui` that changes a start-up
 * endpoint fails here with that endpoint's name, not with a timeout.
 */

/** A boot must take under this (the budget); past it the boot fails with a diagnosis. */
export const REAL_FLEX_BOOT_BUDGET_MS = 15_000;

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

/**
 * Opens `pathname` in the real Flex UI as `role` and waits until Flex has started and its plugin
 * loader has initialised our plugin — within {@link REAL_FLEX_BOOT_BUDGET_MS}, in real time: the host
 * answers Flex's sockets (sandbox/host/real-flex/sockets/), so no SDK waits out a timeout.
 */
export async function bootRealFlex(page: Page, role: string, pathname = '/'): Promise<void> {
  // The Flex UI runtime is bundled when the host starts; wait for it before timing the boot.
  expect((await page.request.get('/_flex/runtime', { timeout: 120_000 })).ok(), 'the bundled Flex UI runtime').toBe(
    true,
  );
  await page.request.delete('/_flex/requests');
  const said = watchFlexErrors(page);
  const started = Date.now();
  const left = () => Math.max(1000, REAL_FLEX_BOOT_BUDGET_MS - (Date.now() - started));
  let waitedFor = 'the page';
  try {
    await page.goto(`${pathname}?role=${role}&flex=real`, { timeout: left() });
    waitedFor = 'Manager.create and RootContainer';
    await page.waitForFunction(
      () => !['booting', undefined].includes(document.documentElement.dataset.realFlex),
      null,
      { timeout: left() },
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
      { timeout: left() },
    );
  } catch {
    const fatal = await page
      .locator('.real-flex-fatal')
      .textContent()
      .catch(() => null);
    throw new Error(diagnoseStartup(await startupLog(page), fatal ? [fatal, ...said] : said, waitedFor));
  }
}

/**
 * Console errors that are Flex's own on the sandbox (services the host answers as absent), not the
 * plugin's: leaving them out, what remains is caused by the plugin or by Flex acting on the plugin's
 * behalf. Degraded mode is not among them: a boot that degrades fails the tests.
 */
const FLEX_OWN_CONSOLE_ERRORS: RegExp[] = [
  // Services the host answers as not enabled on the account (Teams, the email channel).
  /Fetching (Teams context|email provision) status failed/,
  /Error in action GetPausedEmailConversations/,
];

/** Whether a console error is Flex's own (see above), given where it came from. */
export function isFlexOwnConsoleError(text: string, sourceUrl: string): boolean {
  // Chromium's line for an answer of a Twilio host (the 404s of services Flex carries on without).
  if (text.startsWith('Failed to load resource') && /^https:\/\/[\w.-]*twilio\.com\//.test(sourceUrl)) return true;
  return FLEX_OWN_CONSOLE_ERRORS.some((pattern) => pattern.test(text));
}
