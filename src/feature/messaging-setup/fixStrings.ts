/**
 * The diagnosis dialog's fix buttons (issue #27, "every fix one click"; diagnostics/fixes.ts) and
 * its count of findings, one key per plural form. Spread into the view's strings (strings.ts), so
 * an account rewords them under the same keys. A button that opens a dialog ends in "…".
 */
export const fixStrings = {
  MessagingSetupDiagnosisSummaryOne: '1 finding, which makes it {{level}}.',
  MessagingSetupFixEditAutoCreation: 'Turn auto-creation on…',
  MessagingSetupFixEditStudioFlow: 'Choose a Studio flow…',
  MessagingSetupFixEditWebhookUrl: 'Set the webhook URL…',
  MessagingSetupFixEditBuiltIn: 'Use "Flex webhook (built in)" again…',
  MessagingSetupFixEditFlexService: "Use Flex's conversation service…",
  MessagingSetupFixCreate: 'Create address for {{address}}…',
  MessagingSetupFixMigrate: 'Migrate the Flex Flow "{{name}}"…',
  MessagingSetupFixDeleteFlexFlow: 'Delete the Flex Flow "{{name}}"…',
  MessagingSetupFixDefaultService: "Make Flex's service the account's default…",
  MessagingSetupFixSetAside: 'Mark {{address}} as not for Flex…',
};
