import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules axe runs. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The plugin's own DOM: its view, and the dialog Paste renders in a portal outside it. */
export const VIEW_SELECTOR = '[data-testid="messaging-setup-view"]';
export const MODAL_SELECTOR = '[data-paste-element="MODAL_OVERLAY"]';

const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** One line per violation: rule, impact, what it asks, where. */
export const describeViolation = (v: Violation) =>
  `${v.id} (${v.impact ?? 'no impact'}): ${v.help} — ${v.nodes.map((n) => n.target.map(String).join(' ')).join(', ')}`;

/**
 * Runs axe on the plugin's DOM (the view, plus the open dialog if there is one) with the WCAG 2
 * A/AA rules. Serious and critical violations fail the test (softly: every scan of the test still
 * runs and reports); minor and moderate ones are printed and kept as annotations.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS).include(VIEW_SELECTOR);
  if ((await page.locator(MODAL_SELECTOR).count()) > 0) builder = builder.include(MODAL_SELECTOR);
  const { violations } = await builder.analyze();
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const others = violations.filter((v) => !FAILING_IMPACTS.has(v.impact ?? ''));
  for (const v of others) {
    const line = `${what}: ${describeViolation(v)}`;
    console.log(`axe (not failing): ${line}`);
    test.info().annotations.push({ type: 'axe', description: line });
  }
  expect.soft(failing.map(describeViolation), `serious or critical axe violations in ${what}`).toEqual([]);
}
