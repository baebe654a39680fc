import type { Finding } from '../../diagnostics/diagnose';
import { fill, type MessagingSetupStrings } from '../../strings';

/** A finding in the view's words (the account's, where it reworded them): what happens, and the fix. */
export function wordFinding(finding: Finding, strings: MessagingSetupStrings): { explanation: string; fix: string } {
  const worded = Object.fromEntries(
    Object.entries(finding.wordedValues ?? {}).map(([name, key]) => [name, strings[key]]),
  );
  const values = { ...finding.values, ...worded };
  return {
    explanation: fill(strings[finding.text], values),
    fix: fill(strings[`${finding.text}Fix`], values),
  };
}
