import type { Finding } from '../../diagnostics/diagnose';
import { fill, type MessagingSetupStrings } from '../../strings';

/** A finding in the view's words (the account's, where it reworded them): what happens, and the fix. */
export function wordFinding(finding: Finding, strings: MessagingSetupStrings): { explanation: string; fix: string } {
  return {
    explanation: fill(strings[finding.text], finding.values),
    fix: fill(strings[`${finding.text}Fix`], finding.values),
  };
}
