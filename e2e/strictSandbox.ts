/**
 * Playwright's global setup (playwright.config.ts): the browser tests' harness hook for the strict
 * sandbox. `npm start` runs the sandbox with SANDBOX_STRICT_RESPONSES=1 (set by the config's
 * webServer), so it checks each answer against Twilio's spec and records undeclared request
 * parameters; this clears what an earlier run left, and after the last test fails the run on any
 * violation, naming each request. The browser tests cannot fail one test for it (the sandbox does
 * not know which test asked), so each violation carries its time and request to find the test by.
 */
import { SANDBOX_URL } from './twilioSandbox';
import type { Violation } from '../sandbox/server/requestLog';

async function violations(): Promise<{ strict: boolean; count: number; violations: Violation[] }> {
  const response = await fetch(`${SANDBOX_URL}/_sandbox/violations`);
  if (!response.ok) throw new Error(`GET /_sandbox/violations answered ${response.status}`);
  return (await response.json()) as { strict: boolean; count: number; violations: Violation[] };
}

export default async function setUpStrictSandbox(): Promise<() => Promise<void>> {
  const before = await violations();
  if (!before.strict) {
    const message =
      'The sandbox under test is not strict (SANDBOX_STRICT_RESPONSES=1): answers are not checked against the specs. ' +
      'A stack started by hand without it is being reused.';
    if (process.env.CI) throw new Error(message);
    console.warn(`!!! ${message}`);
  }
  const response = await fetch(`${SANDBOX_URL}/_sandbox/violations`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /_sandbox/violations answered ${response.status}`);

  return async () => {
    const after = await violations();
    if (after.count === 0) return;
    const lines = after.violations.map(
      (v) => `${v.at} ${v.method} ${v.product}${v.path} → ${v.status}: ${v.kind}: ${v.detail}`,
    );
    throw new Error(
      `The sandbox recorded ${after.count} answers or requests outside Twilio's spec during the browser tests:\n  ${lines.join('\n  ')}`,
    );
  };
}
