/**
 * The strings of setting a number or sender aside as not for Flex (issue #26): its diagnosis
 * level, the dialog's section, the notifications. Spread into the view's strings (strings.ts), so
 * an account rewords them under the same keys.
 */
export const setAsideStrings = {
  MessagingSetupSourceSetAsides: 'numbers set aside as not for Flex',
  MessagingSetupDiagnosisSetAside: 'Not for Flex',
  MessagingSetupDiagnosisSetAsideSummary:
    'Set aside as not for Flex, so it is left out of the counts of what needs attention. If it were for Flex, this would stand in the way:',
  MessagingSetupDiagnosisSetAsideAllGood:
    'Set aside as not for Flex, though nothing stands in the way: inbound messages to {{address}} would reach Flex agents.',
  MessagingSetupSetAsideHeading: 'Not for Flex?',
  MessagingSetupSetAsideExplain:
    'If {{address}} serves something else (another app, texts that are sent only), set it aside: it leaves the Broken and Warning counts and is listed under "Not for Flex". Nothing changes on Twilio; every supervisor sees the mark, it is recorded in the change history, and you can bring it back at any time.',
  MessagingSetupSetAsideStart: 'Set aside as not for Flex',
  MessagingSetupSetAsideReason: 'Reason (optional)',
  MessagingSetupSetAsideReasonHelp: 'What it is for instead, so other supervisors know (at most {{max}} characters).',
  MessagingSetupSetAsideConfirm: 'Set aside',
  MessagingSetupSetAsideMarked: 'Set aside as not for Flex by {{by}}, {{when}}.',
  MessagingSetupSetAsideMarkedReason: 'Reason: {{reason}}',
  MessagingSetupSetAsideClear: 'Bring back to Flex',
  MessagingSetupSetAsideClearExplain:
    'Bringing it back puts it in the counts again with its diagnosis; nothing changes on Twilio.',
  MessagingSetupSetAsideNotChanged: 'Not changed: {{error}}',
  MessagingSetupSetAsideDone: '{{address}} is set aside as not for Flex.',
  MessagingSetupSetAsideCleared: '{{address}} is back among what is for Flex.',
  MessagingSetupSetAsideFailed: 'Could not change whether {{address}} is for Flex: {{error}}',
};
