import type { Finding } from '../../diagnostics/diagnose';
import type { AddressCorrection, FindingFix } from '../../diagnostics/fixes';
import { fill, type MessagingSetupStringKey, type MessagingSetupStrings } from '../../strings';

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

const EDIT_LABEL: Record<AddressCorrection, MessagingSetupStringKey> = {
  'auto-creation-on': 'MessagingSetupFixEditAutoCreation',
  'studio-flow': 'MessagingSetupFixEditStudioFlow',
  'webhook-url': 'MessagingSetupFixEditWebhookUrl',
  'built-in-webhook': 'MessagingSetupFixEditBuiltIn',
  'flex-service': 'MessagingSetupFixEditFlexService',
};

/** A fix's button, in the view's words: what it does, to what (`address`: the row's). */
export function wordFix(fix: FindingFix, address: string, strings: MessagingSetupStrings): string {
  switch (fix.kind) {
    case 'edit':
      return strings[EDIT_LABEL[fix.correction]];
    case 'create':
      return fill(strings.MessagingSetupFixCreate, { address });
    case 'clear-inbound':
      return fix.field === 'smsUrl' ? strings.MessagingSetupClearWebhook : strings.MessagingSetupClearApplication;
    case 'migrate':
      return fill(strings.MessagingSetupFixMigrate, { name: fix.name });
    case 'delete-flex-flow':
      return fill(strings.MessagingSetupFixDeleteFlexFlow, { name: fix.name });
    case 'fix-default-service':
      return strings.MessagingSetupFixDefaultService;
    case 'set-aside':
      return fill(strings.MessagingSetupFixSetAside, { address });
  }
}
