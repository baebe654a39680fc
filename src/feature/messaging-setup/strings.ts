import { createContext, useContext } from 'react';

import { RULE_MESSAGES } from '../../contract/ruleMessages';
import { fillTemplate } from '../../contract/wording';
import { registrationStrings } from './registration/registrationStrings';
import { rowActionStrings } from './rowActionStrings';
import { fixStrings } from './fixStrings';
import { historyStrings } from './historyStrings';
import { loadErrorStrings } from './loadErrorStrings';
import { setAsideStrings } from './setAsideStrings';
import { stuckStrings } from './stuckStrings';
import { webchatStrings } from './webchatStrings';

/**
 * Every user-facing string of the view, keyed for Flex's `manager.strings` so an account can
 * translate or reword them. Placeholders are Flex-template style: `{{name}}` (see `fill`).
 * The sentences of the rules both sides share are the contract's (contract/ruleMessages.ts),
 * spread in here: the view words their problems with these strings. The backend's answers come in
 * English with their keys (contract/backendMessages.ts, not in this bundle): an account that sets
 * one of those keys has its words shown (see resolveStrings), else the backend's English shows.
 */
export const messagingSetupStrings = {
  ...RULE_MESSAGES,
  ...registrationStrings,
  ...stuckStrings,
  ...setAsideStrings,
  ...rowActionStrings,
  ...webchatStrings,
  ...loadErrorStrings,
  ...historyStrings,
  ...fixStrings,
  // The backend client's own errors (the backend's come worded, with their keys).
  MessagingSetupErrorHttp: 'The Messaging Setup backend answered with HTTP {{status}}.',
  MessagingSetupErrorNoServiceList: 'The backend answered without a list of services.',
  MessagingSetupErrorUnreachableRead:
    'Could not reach the Messaging Setup backend. Check your connection and the backend URL.',
  MessagingSetupErrorUnreachableWrite:
    'Could not reach the Messaging Setup backend; the change may not have been made. Reload to check.',
  MessagingSetupIntro:
    'Connect numbers, senders, chat, Messenger and email to Flex, and see why a message would not reach an agent.',

  MessagingSetupTabsLabel: 'Messaging Setup sections',
  MessagingSetupTabNumbers: 'Phone numbers',
  MessagingSetupTabSenders: 'WhatsApp senders',
  MessagingSetupTabAddresses: 'Addresses',
  MessagingSetupTabPages: 'Facebook pages',
  MessagingSetupColumnPage: 'Facebook Page',
  MessagingSetupPagesIntro:
    'Facebook Pages connected to this account (Twilio Console › Channels › Facebook Messenger), each with its Messenger address. Twilio lists no connected pages of its own, so a page shows here once a Messenger address or a legacy Flex Flow names it; to add another, use Create address on the Addresses tab with its page ID.',
  MessagingSetupNoPages:
    'No Facebook Page is known yet: none has a Messenger address or a legacy Flex Flow. Connect the page in the Twilio Console, then create its Messenger address on the Addresses tab.',
  MessagingSetupLoadingPages: 'Loading Facebook Pages…',
  MessagingSetupNotePageFromFlexFlow: 'Named by the legacy Flex Flow "{{name}}"',
  MessagingSetupLoadingTitle: 'Loading',
  MessagingSetupLoading: 'Loading {{sources}}… ({{numbers}} numbers, {{addresses}} addresses so far)',
  MessagingSetupLoadFailed: 'Could not load {{source}}: {{error}}',
  MessagingSetupTryAgain: 'Try again',
  MessagingSetupProblemUnreachableTitle: 'The Messaging Setup backend does not answer',
  MessagingSetupProblemUnreachable:
    'Nothing came back from {{url}}. Check that the backend is deployed there (npm run deploy:backend prints its URL), that the Flex configuration (ui_attributes.messagingSetup.backendUrl) or the plugin build names that URL, and, if Flex does not run on https://flex.twilio.com, that the backend lists {{origin}} in MESSAGING_SETUP_ALLOWED_ORIGINS.',
  MessagingSetupProblemSignInTitle: 'Your Flex sign-in has expired',
  MessagingSetupProblemSignIn: '{{error}} Reload Flex to sign in again; nothing was changed.',
  MessagingSetupProblemForbiddenTitle: 'Your Flex role cannot use Messaging Setup',
  MessagingSetupProblemForbidden: '{{error}} Ask a Flex admin for one of them, or for the backend to allow your role.',
  MessagingSetupProblemCredentialsTitle: 'Twilio refused the backend’s credentials',
  MessagingSetupProblemCredentials:
    '{{error}} The backend’s ACCOUNT_SID and AUTH_TOKEN come from its Twilio Functions service: redeploy it on this account (npm run deploy:backend).',
  MessagingSetupSourceNumbers: 'phone numbers',
  MessagingSetupSourceSenders: 'WhatsApp senders',
  MessagingSetupSourceAddresses: 'addresses',
  MessagingSetupSourceStudioFlows: 'Studio flows',
  MessagingSetupSourceFlexConfiguration: 'the Flex configuration',
  MessagingSetupSourceMessagingServiceNumbers: 'Messaging Service numbers',
  MessagingSetupSourceFlexFlows: 'legacy Flex Flows',

  MessagingSetupSearch: 'Search',
  MessagingSetupSearchPlaceholder: 'Number, name, SID or flow',
  MessagingSetupStatusFilter: 'Status',
  MessagingSetupAllStatuses: 'All statuses',
  MessagingSetupShowing: 'Showing {{shown}} of {{total}}',
  MessagingSetupStatusConnected: 'Connected',
  MessagingSetupStatusNotConnected: 'Not connected',
  MessagingSetupStatusProblem: 'Problem',

  MessagingSetupColumnPhoneNumber: 'Phone number',
  MessagingSetupColumnSender: 'WhatsApp sender',
  MessagingSetupColumnAddress: 'Address',
  MessagingSetupColumnType: 'Type',
  MessagingSetupColumnName: 'Name',
  MessagingSetupColumnFriendlyName: 'Friendly name',
  MessagingSetupColumnStatus: 'Status',
  MessagingSetupColumnRouting: 'Routing',
  MessagingSetupColumnAddressSid: 'Address SID',
  MessagingSetupColumnActions: 'Actions',
  MessagingSetupNoNumbers:
    'This account has no phone numbers. Buy or port one in the Twilio Console (Phone Numbers › Manage › Buy a number), then reload this view to connect it.',
  MessagingSetupLoadingNumbers: 'Loading phone numbers…',
  MessagingSetupNoSenders:
    'This account has no WhatsApp senders. Register one in the Twilio Console (Messaging › Senders › WhatsApp senders), then reload this view to connect it.',
  MessagingSetupLoadingSenders: 'Loading WhatsApp senders…',
  MessagingSetupNoAddresses: 'This account has no Conversations addresses yet.',
  MessagingSetupNoMatches: 'Nothing matches the search and filter.',
  MessagingSetupNotOnAccount: 'Not a number or sender of this account',
  MessagingSetupTypeSms: 'SMS',
  MessagingSetupTypeChat: 'Chat',
  MessagingSetupTypeMessenger: 'Facebook Messenger',
  MessagingSetupTypeEmail: 'Email',
  MessagingSetupTypeFilter: 'Type',
  MessagingSetupAllTypes: 'All types',
  MessagingSetupOtherTypes: 'Other (read-only)',
  MessagingSetupReadOnlyType: 'Read-only: Messaging Setup does not manage {{type}} addresses.',
  MessagingSetupTypeRcs: 'RCS',
  MessagingSetupTypeApple: 'Apple Messages for Business',
  MessagingSetupTypeGbm: 'Google Business Messages',
  MessagingSetupReadOnlyRcs:
    'Read-only: Flex Interactions have no RCS channel, so Messaging Setup does not route RCS addresses to agents.',
  MessagingSetupReadOnlyApple:
    'Read-only: Flex Interactions have no Apple Messages for Business channel, so Messaging Setup does not route these addresses to agents.',
  MessagingSetupReadOnlyGbm:
    'Read-only: Google ended Google Business Messages in 2024, so no customer message reaches this address any more.',
  MessagingSetupTypeWhatsApp: 'WhatsApp',

  MessagingSetupCreateAddress: 'Create address',
  MessagingSetupEditAddress: 'Edit address',
  MessagingSetupDeleteAddress: 'Delete address',
  MessagingSetupEdit: 'Edit',
  MessagingSetupCopy: 'Copy',
  MessagingSetupCopied: 'Copied',
  MessagingSetupCopySid: 'Copy address SID of {{address}}',
  MessagingSetupPreviousPage: 'Previous page',
  MessagingSetupNextPage: 'Next page',
  MessagingSetupPageOf: 'Page {{page}} of {{pages}}',

  MessagingSetupDialogCreateTitle: 'Create address',
  MessagingSetupDialogEditTitle: 'Edit address',
  MessagingSetupFieldType: 'Type',
  MessagingSetupFieldAddress: 'Address',
  MessagingSetupFieldPhoneNumber: 'Phone number',
  MessagingSetupFieldSender: 'WhatsApp sender',
  MessagingSetupFieldPage: 'Facebook Page',
  MessagingSetupFieldChatAddress: 'Chat address',
  MessagingSetupFieldEmailAddress: 'Email address',
  MessagingSetupFieldFriendlyName: 'Friendly name',
  MessagingSetupFieldAutoCreation: 'Create a conversation for each new inbound message (auto-creation)',
  MessagingSetupFieldIntegration: 'Integration',
  MessagingSetupIntegrationStudio: 'Studio flow',
  MessagingSetupIntegrationWebhook: 'Webhook',
  MessagingSetupIntegrationDefault: 'Default (no integration)',
  MessagingSetupFieldStudioFlow: 'Studio flow',
  MessagingSetupChooseFlow: 'Choose a flow',
  MessagingSetupDraftFlow: '{{name}} (draft — publish it before use)',
  MessagingSetupFieldRetryCount: 'Retry count',
  MessagingSetupFieldWebhookUrl: 'Webhook URL',
  MessagingSetupFieldMethod: 'Method',
  MessagingSetupFieldFilters: 'Webhook filters',
  MessagingSetupFieldService: 'Conversation service',
  MessagingSetupAccountDefault: 'Account default',
  MessagingSetupFlexService: '{{name}} (Flex)',
  MessagingSetupCancel: 'Cancel',
  MessagingSetupCreate: 'Create',
  MessagingSetupSave: 'Save',
  MessagingSetupNotCreated: 'The address was not created.',
  MessagingSetupNotSaved: 'The changes were not saved.',

  MessagingSetupNoChatAddress:
    'Webchat has no chat address: this account has a legacy web Flex Flow, which no longer delivers messages, and no Conversations chat address. Migrate the web flow on the Legacy Flex Flows tab, or create a chat address to "Chat Flow" on the Addresses tab.',
  MessagingSetupDeleteTitle: 'Delete address {{address}}?',
  MessagingSetupDeleteConsequence:
    'New {{channel}} messages to {{address}} will no longer create conversations in Flex, so they will not reach agents. Conversations that are already open stay open.',
  MessagingSetupDeleteNotKept: 'Its settings ({{details}}) are not kept; you can create the address again later.',
  MessagingSetupDelete: 'Delete',
  MessagingSetupNotDeleted: 'The address was not deleted.',

  MessagingSetupColumnDiagnosis: 'Diagnosis',
  MessagingSetupDiagnosisFilter: 'Diagnosis',
  MessagingSetupDiagnosisAll: 'All',
  MessagingSetupDiagnosisAttention: 'Needs attention',
  MessagingSetupDiagnosisReady: 'Ready',
  MessagingSetupDiagnosisWarning: 'Warning',
  MessagingSetupDiagnosisBroken: 'Broken',
  MessagingSetupDiagnosisUnknown: 'Unknown',
  MessagingSetupDiagnosisInactive: 'Not in use',
  MessagingSetupDiagnosisVoiceOnly: 'Voice only',
  MessagingSetupDiagnosisInReview: 'In review',
  MessagingSetupStatusReadOnly: 'Read only',
  MessagingSetupDiagnosisFor: 'Diagnosis for {{address}}: {{level}}',
  MessagingSetupDiagnosisTitle: 'Diagnosis for {{address}}',
  MessagingSetupDiagnosisAllGood:
    'Nothing stands in the way: inbound messages to {{address}} create conversations that reach Flex agents.',
  MessagingSetupDiagnosisSummary: '{{count}} findings; the most serious makes it {{level}}.',
  MessagingSetupFindingFix: 'Fix:',
  MessagingSetupClose: 'Close',
  MessagingSetupClearWebhook: 'Clear webhook',
  MessagingSetupClearApplication: 'Remove SMS application',
  MessagingSetupClearWebhookConfirm:
    'Clear the "A message comes in" URL of {{address}}? Messages will then only go through the address. The current value is:',
  MessagingSetupClearApplicationConfirm:
    'Remove the SMS application of {{address}}? Messages will then only go through the address. The current value is:',
  MessagingSetupCopyValue: 'Copy the current value',
  MessagingSetupClear: 'Clear',
  MessagingSetupNotCleared: 'Nothing was changed.',
  MessagingSetupCleared: '{{what}} of {{address}} cleared (it was {{previous}}).',
  MessagingSetupWebhookWhat: 'The "A message comes in" URL',
  MessagingSetupApplicationWhat: 'The SMS application',
  MessagingSetupUndo: 'Undo',
  MessagingSetupRestored: '{{what}} of {{address}} restored to {{previous}}.',
  MessagingSetupClearFailed: '{{address}} was not changed: {{error}}',

  MessagingSetupHealthLabel: 'Account health',
  MessagingSetupHealthy:
    'Flex\'s conversation service "{{flex}}" is the account\'s default Conversations service, as Flex requires.',
  MessagingSetupUnhealthy:
    'The account\'s default Conversations service is "{{current}}", not Flex\'s "{{flex}}". Flex only uses the default service, so conversations may never reach agents.',
  MessagingSetupHealthUnknown: "Checking the account's default Conversations service…",
  MessagingSetupNoDefaultService: 'none',
  MessagingSetupFix: 'Fix',
  MessagingSetupFixDefaultTitle: "Make Flex's service the default?",
  MessagingSetupFixDefaultBody:
    'The account\'s default Conversations service changes from "{{current}}" ({{currentSid}}) to Flex\'s "{{flex}}" ({{flexSid}}). Conversations created with the default service then reach Flex.',
  MessagingSetupFixDefaultConfirm: 'Set as default',
  MessagingSetupFixDefaultFailed: 'The default Conversations service was not changed: {{error}}',
  MessagingSetupFixDefaultDone: '"{{flex}}" is now the default Conversations service (it was {{previous}}).',
  MessagingSetupHealthCounts: 'Phone numbers by diagnosis:',
  MessagingSetupHealthCount: '{{count}} {{level}}',
  MessagingSetupHealthCountLabel: 'Show the {{count}} phone numbers that are {{level}}',
  MessagingSetupHealthCountsSenders: 'WhatsApp senders:',
  MessagingSetupHealthCountLabelSenders: 'Show the {{count}} WhatsApp senders that are {{level}}',
  MessagingSetupHealthCountsPages: 'Facebook Pages:',
  MessagingSetupHealthCountLabelPages: 'Show the {{count}} Facebook Pages that are {{level}}',
  MessagingSetupHealthCountsChat: 'Chat addresses:',
  MessagingSetupHealthCountLabelChat: 'Show the {{count}} chat addresses that are {{level}}',
  MessagingSetupHealthCountsEmail: 'Email addresses:',
  MessagingSetupHealthCountLabelEmail: 'Show the {{count}} email addresses that are {{level}}',

  MessagingSetupTabHistory: 'History',
  MessagingSetupHistoryIntro:
    'Every change made in Messaging Setup, newest first: who made it, when, and what it was before and after. Revert undoes one change, after checking that nobody changed the same thing since.',
  MessagingSetupHistoryFilterPerson: 'Person',
  MessagingSetupHistoryFilterKind: 'Kind of change',
  MessagingSetupHistoryAllKinds: 'All changes',
  MessagingSetupHistoryApply: 'Show changes',
  MessagingSetupHistoryLoading: 'Loading the change history…',
  MessagingSetupHistoryEmpty: 'No change recorded yet.',
  MessagingSetupHistoryEmptyFiltered: 'No change matches these filters.',
  MessagingSetupHistoryLoadFailed: 'Could not load the change history: {{error}}',
  MessagingSetupHistoryLoadMore: 'Load older changes',
  MessagingSetupHistoryColumnWhen: 'When',
  MessagingSetupHistoryColumnWho: 'Who',
  MessagingSetupHistoryColumnChange: 'Change',
  MessagingSetupHistoryColumnOutcome: 'Outcome',
  MessagingSetupHistorySucceeded: 'Done',
  MessagingSetupHistoryFailed: 'Failed',
  MessagingSetupHistoryDetails: 'Before and after',
  MessagingSetupHistoryChangedFields: 'Fields changed',
  MessagingSetupHistoryBefore: 'Before',
  MessagingSetupHistoryAfter: 'After',
  MessagingSetupHistoryNothing: 'nothing (it did not exist)',
  MessagingSetupHistorySummarised: 'Summarised: the full states did not fit in one history entry.',
  MessagingSetupHistoryBulk: 'bulk',
  MessagingSetupHistoryRevert: 'Revert',
  MessagingSetupHistoryRevertLabel: 'Revert: {{summary}}',
  MessagingSetupHistoryRevertTitle: 'Revert this change?',
  MessagingSetupHistoryRevertBody:
    '{{summary}}. Reverting puts back what was there before. Messaging Setup first checks that nobody changed it since; if someone did, nothing changes and you are told who.',
  MessagingSetupHistoryRevertConfirm: 'Revert',
  MessagingSetupHistoryRevertFailed: 'Not reverted: {{error}}',
  MessagingSetupHistoryReverted: 'Reverted: {{summary}}.',
  MessagingSetupHistoryNotRecorded: 'The change was made, but the change history could not record it: {{message}}',
  // The history's chain (list-history's integrity) and the items that are not entries.
  MessagingSetupHistoryIntact: 'History intact',
  MessagingSetupHistoryIntactChecked:
    'Entries {{oldest}} to {{newest}}, the ones loaded, match what Messaging Setup wrote',
  MessagingSetupHistoryIntactCheckedOne: 'Entry {{newest}}, the one loaded, matches what Messaging Setup wrote',
  MessagingSetupHistoryIntactNothing: 'No entry loaded to check',
  MessagingSetupHistoryCarriedOverThrough:
    "entries up to {{id}} were carried over from the account's default Sync service",
  MessagingSetupHistoryStartsAfterGap: 'older entries have expired',
  MessagingSetupHistoryBroken: 'History does not match',
  MessagingSetupHistoryBrokenFirst: 'Entry {{id}} does not match: {{problem}}.',
  MessagingSetupHistoryBrokenOthersOne: '1 other entry does not match either.',
  MessagingSetupHistoryBrokenOthers: '{{count}} other entries do not match either.',
  MessagingSetupHistoryBrokenNotRevertible: 'An entry that does not match cannot be reverted.',
  MessagingSetupHistoryChainAltered: 'its content was changed outside Messaging Setup',
  MessagingSetupHistoryChainUnsigned: 'it was not written by Messaging Setup',
  MessagingSetupHistoryChainMisplaced: 'it is not at its own place in the history',
  MessagingSetupHistoryChainLink: 'it does not follow the entry before it',
  MessagingSetupHistoryChainMissing: 'an entry before it was deleted',
  MessagingSetupHistoryChainUnknown: 'it is not what Messaging Setup wrote',
  MessagingSetupHistoryChainFailed: 'Does not match the history',
  MessagingSetupHistoryChainFailedWhy: 'Not revertible: {{problem}}.',
  MessagingSetupHistoryCarriedOver: 'Carried over',
  MessagingSetupHistoryCarriedOverWhy:
    "Copied from the account's default Sync service (where it was entry {{id}}) when the history moved; vouched for only since then.",
  MessagingSetupHistoryUnreadable: 'Entry {{id}} could not be read (field {{field}})',
  MessagingSetupHistoryUnreadableWhole: 'Entry {{id}} could not be read',
  MessagingSetupHistoryStateUnreadable: 'settings that cannot be read',
  MessagingSetupHistoryUnknownKind:
    '{{who}} made a change of {{address}} that Messaging Setup cannot describe ({{kind}})',
  MessagingSetupRecentChanges: 'Recent changes',
  MessagingSetupRecentChangesNone: 'No change of this address recorded.',
  MessagingSetupRecentChangesLoading: 'Loading recent changes…',
  MessagingSetupRecentChangesFailed: 'Recent changes could not be loaded: {{error}}',
  MessagingSetupRecentChangesNoneInNewest: 'No change in the newest {{count}} entries.',
  MessagingSetupRecentChangesNoneSoFar: 'No change in the newest entries read so far.',
  MessagingSetupRecentChangesShowOlder: 'Show older changes',
  // The diagnosis dialog's Debugger alerts (components/dialogs/RowAlerts.tsx): observed, not inferred.
  MessagingSetupRowAlerts: 'Alerts Twilio logged',
  MessagingSetupRowAlertsObserved:
    'Observed: these are the errors and warnings Twilio logged in its Debugger about this row in the last {{days}} days. The findings above are inferred from its configuration.',
  MessagingSetupRowAlertsLoading: 'Loading the alerts Twilio logged…',
  MessagingSetupRowAlertsNone: 'No alerts in the last {{days}} days.',
  MessagingSetupRowAlertsFailed: 'The alerts Twilio logged could not be loaded: {{error}}',
  MessagingSetupRowAlertsTryAgain: 'Try again',
  MessagingSetupRowAlertsCode: '{{level}} {{code}}',
  MessagingSetupRowAlertsLevelError: 'Error',
  MessagingSetupRowAlertsLevelWarning: 'Warning',
  MessagingSetupRowAlertsLevelNotice: 'Notice',
  MessagingSetupRowAlertsLevelDebug: 'Debug',
  MessagingSetupRowAlertsNoDescription: 'Twilio’s page for this code says what it means.',
  MessagingSetupRowAlertsOnce: 'Logged once, {{when}} ({{age}})',
  MessagingSetupRowAlertsTimes: 'Logged {{count}} times, last {{when}} ({{age}})',
  MessagingSetupRowAlertsViewInConsole: 'View in Console',
  MessagingSetupRowAlertsAboutCode: 'About error {{code}}',
  MessagingSetupRowAlertsTruncated:
    'More than {{count}} alerts were logged in these days; only the newest {{count}} were read, so older ones may be missing here.',
  MessagingSetupHistoryKindCreateAddress: 'Address created',
  MessagingSetupHistoryKindUpdateAddress: 'Address changed',
  MessagingSetupHistoryKindDeleteAddress: 'Address deleted',
  MessagingSetupHistoryKindUpdateNumberInbound: "Number's inbound handler",
  MessagingSetupHistoryKindSetDefaultService: 'Default Conversations service',
  MessagingSetupHistoryKindMigrateFlexFlow: 'Flex Flow migrated',
  MessagingSetupHistoryKindDeleteFlexFlow: 'Flex Flow deleted',
  MessagingSetupHistoryKindCloseConversation: 'Conversation closed',
  MessagingSetupHistoryKindSetAside: 'Set aside (not for Flex)',
  MessagingSetupHistoryKindRevert: 'Revert',
  MessagingSetupHistoryCreated: '{{who}} created {{address}}: {{after}}',
  MessagingSetupHistoryChanged: '{{who}} changed {{address}} from {{before}} to {{after}}',
  MessagingSetupHistoryDeleted: '{{who}} deleted {{address}} ({{before}})',
  MessagingSetupHistoryInbound:
    '{{who}} changed the "A message comes in" handler of {{address}} from {{before}} to {{after}}',
  MessagingSetupHistoryDefaultService: '{{who}} changed the default Conversations service from {{before}} to {{after}}',
  MessagingSetupHistoryMigrated: '{{who}} migrated the Flex Flow {{before}} to {{address}}: {{after}}',
  MessagingSetupHistoryFlexFlowDeleted: '{{who}} deleted the Flex Flow {{before}}',
  MessagingSetupHistoryReverts: '{{who}} reverted a change of {{address}}: now {{after}}',
  MessagingSetupHistoryConversationClosed: '{{who}} closed the conversation of {{address}} ({{before}})',
  MessagingSetupHistoryConversationState: '{{state}}, through {{ourAddress}}',
  MessagingSetupHistorySetAside: '{{who}} marked {{address}} {{after}} (before: {{before}})',
  MessagingSetupHistoryForFlex: 'for Flex',
  MessagingSetupHistoryNotForFlex: 'not for Flex',
  MessagingSetupHistoryNotForFlexBecause: 'not for Flex ({{reason}})',
  MessagingSetupHistoryFailedPrefix: 'Failed: ',
  MessagingSetupHistoryNoHandler: 'none',
  MessagingSetupHistoryNoService: 'none',
  MessagingSetupHistoryAutoCreationOff: ' (auto-creation off)',
  // The Trace tab (issue #26): what Twilio holds of one customer, and where it stopped.
  MessagingSetupTabTrace: 'Trace',
  MessagingSetupTraceIntro:
    "A customer says they wrote and nobody answered? Trace them: what Twilio holds of their recent messages, newest first — the messages Twilio received or sent, the conversations they are in with each one's tasks — and where it stopped.",
  MessagingSetupTraceCustomer: 'Customer',
  MessagingSetupTraceCustomerHint:
    '+15551234567, whatsapp:+15551234567, messenger:<id>, an email address or a chat identity',
  MessagingSetupTraceCustomerRequired: "Enter the customer's address or chat identity.",
  MessagingSetupTraceOurAddress: 'Our address',
  MessagingSetupTraceOurAddressHint: 'Optional: one of our numbers or addresses, to trace only what passed through it.',
  MessagingSetupTraceSubmit: 'Trace',
  MessagingSetupTraceLoading: 'Tracing {{customer}}…',
  MessagingSetupTraceFailed: 'Could not trace {{customer}}: {{error}}',
  MessagingSetupTraceResultHeading: '{{customer}} ({{kind}})',
  MessagingSetupTraceThrough: 'Only what passed through {{address}}.',
  MessagingSetupTraceKindSms: 'SMS',
  MessagingSetupTraceKindWhatsapp: 'WhatsApp',
  MessagingSetupTraceKindMessenger: 'Facebook Messenger',
  MessagingSetupTraceKindEmail: 'Email',
  MessagingSetupTraceKindChat: 'Chat',
  MessagingSetupTraceInferred: 'Inferred from what Twilio holds',
  MessagingSetupTraceObserved: 'Observed',
  MessagingSetupTraceStoppedHeading: 'Where it stopped',
  MessagingSetupTraceStoppedIn: 'The conversation their next message joins:',
  MessagingSetupTraceFixLabel: 'What to do:',
  MessagingSetupTraceStoppedTaskCompleted:
    'This conversation is still {{state}} but its task was completed {{age}}, so new messages from this customer reach nobody.',
  MessagingSetupTraceStoppedTaskCanceled:
    'This conversation is still {{state}} but its task was canceled {{age}}, so new messages from this customer reach nobody.',
  MessagingSetupTraceStoppedTaskEnded:
    'This conversation is still {{state}} but its task is over ({{status}}), so new messages from this customer reach nobody.',
  MessagingSetupTraceFixTaskEnded:
    "Close the conversation: the customer's next message then starts a new one, which Flex routes as a new task.",
  MessagingSetupTraceStoppedNoTask:
    "This conversation is {{state}} in Flex's conversation service, but no task was ever made for it, so this customer's messages reach nobody.",
  MessagingSetupTraceFixNoTask:
    "Check what hands our address's conversations to Flex (its Studio flow's Send to Flex widget, or its webhook), then close the conversation so the customer's next message starts a new one.",
  MessagingSetupTraceStoppedOtherService:
    "This conversation is {{state}} in another service (not Flex's), so no Flex task can come of it and this customer's messages reach nobody.",
  MessagingSetupTraceFixOtherService:
    "Point our address at Flex's conversation service, then close the conversation: the customer's next message then starts a new one in Flex's service.",
  MessagingSetupTraceStoppedWaiting: "This conversation's task is waiting in queue {{queue}} for an agent.",
  MessagingSetupTraceStoppedWaitingNoQueue: "This conversation's task is waiting for an agent.",
  MessagingSetupTraceFixWaiting: 'Nothing to fix: an agent of the queue gets it when one is free.',
  MessagingSetupTraceStoppedWithAgent: "This conversation is with an agent: this customer's messages reach them.",
  MessagingSetupTraceStoppedClosed:
    "This conversation is closed: this customer's next message starts a new conversation.",
  MessagingSetupTraceStoppedLastClosed:
    "Their last conversation ({{sid}}) was closed {{age}}: this customer's next message starts a new conversation.",
  MessagingSetupTraceStoppedNoConversationSeen:
    'Twilio received messages from this customer, but none of them is in an open conversation, so no agent has them.',
  MessagingSetupTraceFixNoConversationSeen:
    "Check the address they wrote to (its tab shows its diagnosis): it needs auto-creation on and an integration that hands conversations to Flex. The customer's next message then starts a new conversation.",
  MessagingSetupTraceStoppedNoConversationUnseen:
    'Twilio received no recent message from this customer and holds no open conversation of theirs.',
  MessagingSetupTraceFixNoConversationUnseen:
    'Check the address as the customer writes from (with its channel prefix, e.g. whatsapp:+15551234567) and which of our addresses they wrote to: their message may never have reached Twilio.',
  MessagingSetupTraceStoppedNoConversationUnlogged:
    "Twilio holds no open conversation of this customer. Messages on this channel are not in Twilio's message log, so whether any arrived cannot be checked here.",
  MessagingSetupTraceVerdictWithAgent: 'With an agent',
  MessagingSetupTraceVerdictWaiting: 'Waiting for an agent',
  MessagingSetupTraceVerdictTaskEnded: 'Reaches nobody: its task ended',
  MessagingSetupTraceVerdictNoTask: 'Reaches nobody: no task',
  MessagingSetupTraceVerdictOtherService: "Reaches nobody: not Flex's service",
  MessagingSetupTraceVerdictClosed: 'Closed',
  MessagingSetupTraceConversationsHeading: 'Conversations, newest first',
  MessagingSetupTraceNoConversations: 'No conversation of this customer.',
  MessagingSetupTraceConversationNamed: 'Conversation "{{name}}"',
  MessagingSetupTraceConversationUnnamed: 'Conversation',
  MessagingSetupTraceStateActive: 'active',
  MessagingSetupTraceStateInactive: 'inactive',
  MessagingSetupTraceStateClosed: 'closed',
  MessagingSetupTraceFieldState: 'State',
  MessagingSetupTraceFieldService: 'Service',
  MessagingSetupTraceFieldOurAddress: 'Our address',
  MessagingSetupTraceFieldStarted: 'Started',
  MessagingSetupTraceFieldUpdated: 'Last activity',
  MessagingSetupTraceFieldTasks: 'Tasks',
  MessagingSetupTraceServiceFlex: "Flex's conversation service",
  MessagingSetupTraceServiceOther: "another service (not Flex's)",
  MessagingSetupTraceNoOurAddress: 'none (a chat conversation)',
  MessagingSetupTraceTaskPending: 'waiting in queue {{queue}}',
  MessagingSetupTraceTaskPendingNoQueue: 'waiting in a queue',
  MessagingSetupTraceTaskReserved: 'being offered to an agent',
  MessagingSetupTraceTaskAssigned: 'with an agent',
  MessagingSetupTraceTaskWrapping: 'with an agent, wrapping up',
  MessagingSetupTraceTaskCompleted: 'completed {{age}}',
  MessagingSetupTraceTaskCanceled: 'canceled {{age}}',
  MessagingSetupTraceTaskOther: 'TaskRouter status "{{status}}"',
  MessagingSetupTraceNoTask: 'No task was made for it.',
  MessagingSetupTraceTasksNotReadClosed: 'Closed: its tasks were not looked up.',
  MessagingSetupTraceTasksNotReadOtherService: "No Flex task: it is not in Flex's conversation service.",
  MessagingSetupTraceMessagesHeading: 'Messages Twilio received or sent, newest first',
  MessagingSetupTraceNoMessages: 'Twilio holds no recent message of this customer.',
  MessagingSetupTraceMessagesUnlogged:
    "Twilio's message log covers SMS and WhatsApp only: there are no messages to show for this channel.",
  MessagingSetupTraceColumnWhen: 'When',
  MessagingSetupTraceColumnDirection: 'Direction',
  MessagingSetupTraceColumnFromTo: 'From → to',
  MessagingSetupTraceColumnStatus: 'Status',
  MessagingSetupTraceColumnSid: 'SID',
  MessagingSetupTraceInbound: 'From the customer',
  MessagingSetupTraceOutbound: 'To the customer',
  MessagingSetupTraceFromTo: '{{from}} → {{to}}',
  MessagingSetupTraceMessageReceived: 'received',
  MessagingSetupTraceMessageReceiving: 'being received',
  MessagingSetupTraceMessageAccepted: 'accepted',
  MessagingSetupTraceMessageScheduled: 'scheduled',
  MessagingSetupTraceMessageQueued: 'queued',
  MessagingSetupTraceMessageSending: 'sending',
  MessagingSetupTraceMessageSent: 'sent',
  MessagingSetupTraceMessageDelivered: 'delivered',
  MessagingSetupTraceMessageUndelivered: 'not delivered',
  MessagingSetupTraceMessageFailed: 'failed',
  MessagingSetupTraceMessageRead: 'read',
  MessagingSetupTraceMessageCanceled: 'canceled',
  MessagingSetupTraceMessageOther: 'status "{{status}}"',
  MessagingSetupTraceWhen: '{{age}} ({{local}})',
  MessagingSetupTraceWhenUnknown: 'at an unknown time',
  MessagingSetupTraceTruncated:
    'Older conversations or messages exist that were not read: this shows at most the newest {{conversations}} conversations and {{messages}} messages.',
  MessagingSetupTraceCopyConversationSid: 'Copy the conversation SID {{sid}}',
  MessagingSetupTraceCopyServiceSid: 'Copy the service SID {{sid}}',
  MessagingSetupTraceCopyTaskSid: 'Copy the task SID {{sid}}',
  MessagingSetupTraceCopyMessageSid: 'Copy the message SID {{sid}}',
  MessagingSetupTraceCloseConversation: 'Close the conversation',
  MessagingSetupTraceCloseTitle: 'Close the conversation of {{customer}}?',
  MessagingSetupTraceCloseBody:
    "Conversation {{sid}} is closed for good: Twilio cannot reopen a closed conversation, so this cannot be reverted. Its messages stay readable. The customer's next message starts a new conversation, which our address hands to Flex as a new task.",
  MessagingSetupTraceCloseConfirm: 'Close conversation',
  MessagingSetupTraceCloseFailed: 'Could not close the conversation of {{address}}: {{error}}',
  MessagingSetupTraceClosed: 'Closed the conversation of {{customer}}.',
  MessagingSetupTabFlexFlows: 'Legacy Flex Flows',
  MessagingSetupFlexFlowsIntro:
    'Legacy messaging (Programmable Chat for Flex) ended on 1 June 2026: these Flex Flows no longer deliver messages. Migrate each one to a Conversations Address — SMS and WhatsApp flows to an address for their number, web flows to a chat address, Facebook flows to a Messenger address — with the same Studio flow and retry count, then nothing is left behind.',
  MessagingSetupNoFlexFlows: 'This account has no legacy Flex Flows: nothing to migrate.',
  MessagingSetupLoadingFlexFlows: 'Loading legacy Flex Flows…',
  MessagingSetupFlexFlowSearchPlaceholder: 'Name, number, SID or integration',
  MessagingSetupColumnChannel: 'Channel',
  MessagingSetupColumnContactIdentity: 'Contact identity',
  MessagingSetupColumnIntegration: 'Integration',
  MessagingSetupColumnRetryCount: 'Retry count',
  MessagingSetupColumnEnabled: 'Enabled',
  MessagingSetupColumnLongLived: 'Long-lived',
  MessagingSetupColumnJanitor: 'Janitor',
  MessagingSetupColumnSettings: 'Settings',
  MessagingSetupColumnMigration: 'Migration',
  MessagingSetupYes: 'Yes',
  MessagingSetupNo: 'No',
  MessagingSetupSelectFlexFlow: 'Select {{name}}',
  MessagingSetupCopyFlexFlowSid: 'Copy Flex Flow SID of {{name}}',
  MessagingSetupFlexFlowStudio: 'Studio: {{flow}}',
  MessagingSetupFlexFlowUrl: 'URL: {{url}}',
  MessagingSetupFlexFlowTask: 'Task: workflow {{workflow}} · channel {{channel}}',
  MessagingSetupFlexFlowDefaultChannel: 'default',
  MessagingSetupMigrateWarnFlowMissing:
    'Its Studio flow {{sid}} no longer exists: the address will not route until you pick one.',
  MessagingSetupMigrateWarnFlowDraft:
    'Its Studio flow "{{name}}" is not published: publish it, or messages will not route.',
  MessagingSetupMigrateWarnExistingDiffers:
    '{{address}} already has address {{sid}} ({{differences}}): migrating changes that address to the settings above, then deletes the Flex Flow.',
  MessagingSetupMigrateWarnExistingSame:
    '{{address}} already has address {{sid}} with these settings: migrating keeps it and deletes the Flex Flow.',
  MessagingSetupMigrateWarnDisabled:
    'This Flex Flow is disabled; the new address will take messages as soon as it exists.',
  MessagingSetupSelectAllFlexFlows: 'Select every Flex Flow that can be migrated',
  MessagingSetupCanMigrate: 'Can be migrated',
  MessagingSetupCannotMigrate: 'Cannot be migrated automatically',
  MessagingSetupMigrate: 'Migrate',
  MessagingSetupMigrateSelected: 'Migrate selected ({{count}})',
  MessagingSetupDeleteFlexFlow: 'Delete Flex Flow',
  MessagingSetupMigrateTitle: 'Migrate {{name}} to an address',
  MessagingSetupMigrateBulkTitle: 'Migrate {{count}} Flex Flows to addresses',
  MessagingSetupMigrateHow:
    'Each Flex Flow is replaced in three steps: the address is created, read back and checked, then the Flex Flow is deleted. If a step fails, the new address is deleted again and the Flex Flow stays as it is.',
  MessagingSetupMigrateBecomes:
    'Becomes {{type}} address {{address}}: Studio flow "{{flow}}", retry count {{retry}}, conversation service "{{service}}", auto-creation on.',
  MessagingSetupMigrateSkip: 'Skipped: {{reason}}',
  MessagingSetupMigrateStart: 'Migrate',
  MessagingSetupMigrateStartBulk: 'Migrate {{count}}',
  MessagingSetupMigrateNothing: 'None of these Flex Flows can be migrated automatically.',
  MessagingSetupMigrateProgress: '{{done}} of {{total}} done',
  MessagingSetupMigrateCurrent: 'Migrating {{name}}…',
  MessagingSetupMigrateStop: 'Stop after this one',
  MessagingSetupMigrateSummary:
    '{{migrated}} migrated, {{unchanged}} unchanged, {{attention}} need attention, {{skipped}} skipped.',
  MessagingSetupMigrateNotify: 'Flex Flow migration finished: {{summary}}',
  MessagingSetupOutcomeMigrated: 'Migrated',
  MessagingSetupOutcomeUnchanged: 'Nothing changed',
  MessagingSetupOutcomeNeedsAttention: 'Needs attention',
  MessagingSetupOutcomeFailed: 'Failed',
  MessagingSetupOutcomeSkipped: 'Skipped',
  MessagingSetupOutcomeStopped: 'Not started (stopped)',
  MessagingSetupMigrateResultsLabel: 'Migration results',
  MessagingSetupDeleteFlexFlowTitle: 'Delete Flex Flow {{name}}?',
  MessagingSetupDeleteFlexFlowCovered:
    'Messages to {{identity}} keep reaching Flex through address {{address}}; this Flex Flow stops handling them too.',
  MessagingSetupDeleteFlexFlowUncovered:
    'No address exists for {{identity}}: after the delete, its messages no longer reach Flex at all. Migrate the Flex Flow instead to keep them coming.',
  MessagingSetupDeleteFlexFlowNoIdentity: 'Whatever uses this {{channel}} Flex Flow stops creating tasks in Flex.',
  MessagingSetupDeleteFlexFlowNotKept: 'Its settings ({{details}}) are not kept.',
  MessagingSetupFlexFlowNotDeleted: 'The Flex Flow was not deleted.',
  MessagingSetupFlexFlowDeleted: 'Flex Flow {{name}} deleted.',
  MessagingSetupFlexFlowDeleteFailed: 'Flex Flow {{address}} was not deleted: {{error}}',
  MessagingSetupIntegrationBuiltIn: 'Flex webhook (built in)',
  MessagingSetupBuiltInHelp:
    'Messaging Setup’s own handler creates a Flex task for each new conversation. Twilio calls {{url}} (POST, onMessageAdded).',

  MessagingSetupSelectRow: 'Select {{address}}',
  MessagingSetupSelectAllMatching: 'Select all {{count}} matching rows without an address',
  MessagingSetupBulkCreate: 'Create addresses for selected ({{count}})',
  MessagingSetupBulkTitle: 'Create {{count}} addresses',
  MessagingSetupBulkSelected: '{{count}} selected ({{first}}…)',
  MessagingSetupBulkContinue: 'Create {{count}} addresses',
  MessagingSetupBulkRunTitle: 'Creating {{count}} addresses',
  MessagingSetupBulkProgress: '{{done}} of {{total}} done: {{created}} created, {{failed}} failed',
  MessagingSetupBulkSlowed: 'Twilio is rate-limiting this account: slowed down and retrying those requests.',
  MessagingSetupBulkCancel: 'Cancel the rest',
  MessagingSetupBulkCancelled: '{{count}} not started (cancelled); the finished ones stay.',
  MessagingSetupBulkRetryFailed: 'Retry failed ({{count}})',
  MessagingSetupBulkFailedHeading: 'Not created',
  MessagingSetupBulkNotify: 'Bulk create finished: {{created}} created, {{failed}} failed, {{cancelled}} cancelled.',

  MessagingSetupCreated: 'Address {{address}} created.',
  MessagingSetupSaved: 'Address {{address}} saved.',
  MessagingSetupDeleted: 'Address {{address}} deleted.',
  MessagingSetupCreateFailed: 'Address {{address}} was not created: {{error}}',
  MessagingSetupSaveFailed: 'Address {{address}} was not saved: {{error}}',
  MessagingSetupDeleteFailed: 'Address {{address}} was not deleted: {{error}}',
  // A row's routing and note (state/addressStatus.ts, state/rows.ts).
  MessagingSetupRoutingStudio: 'Studio: {{flow}} · retry {{retry}}',
  MessagingSetupRoutingBuiltIn: 'Flex webhook (built in): {{method}} {{url}}',
  MessagingSetupRoutingWebhook: 'Webhook: {{method}} {{url}}',
  MessagingSetupNoteNoSms: 'No SMS capability',
  MessagingSetupNoteSender: 'Sender {{status}}',

  // Diagnosis findings (diagnostics/diagnose.ts): what happens to a customer's message, and the fix.
  MessagingSetupFindingNoAddress:
    '{{label}} has no Conversations address, so customer messages to it never become conversations in Flex.',
  MessagingSetupFindingNoAddressFix:
    'Create an address for it, routed to the Studio flow "Messaging Flow" with retry count 3.',
  MessagingSetupFindingAutoCreationOff:
    "Auto-creation is off on {{label}}'s address, so new messages do not create conversations.",
  MessagingSetupFindingAutoCreationOffFix: 'Edit the address and turn auto-creation on.',
  MessagingSetupFindingFlowMissing:
    'The address routes to a Studio flow ({{sid}}) that does not exist, so messages go nowhere.',
  MessagingSetupFindingFlowMissingFix: 'Edit the address and choose an existing, published Studio flow.',
  MessagingSetupFindingFlowUnpublished:
    'The Studio flow "{{name}}" is a draft that was never published, so it does not run.',
  MessagingSetupFindingFlowUnpublishedFix: 'Publish "{{name}}" in Studio, or choose a published flow.',
  MessagingSetupFindingWebhookUrlEmpty:
    'The address uses a webhook but has no webhook URL, so nothing creates the task.',
  MessagingSetupFindingWebhookUrlEmptyFix: 'Edit the address and set the webhook URL.',
  MessagingSetupFindingBuiltInFilterMissing:
    'The address calls the built-in Flex webhook without the onMessageAdded filter, so the handler never hears of a customer message and creates no task.',
  MessagingSetupFindingBuiltInFilterMissingFix:
    'Edit the address and choose "Flex webhook (built in)" again: it sets the onMessageAdded filter.',
  MessagingSetupFindingServiceNotFlex:
    "The address puts conversations in a Conversations service that is not Flex's, so agents never see them.",
  MessagingSetupFindingDefaultServiceNotFlex:
    "The address uses the account's default Conversations service, which is not Flex's, so agents never see them.",
  MessagingSetupFindingServiceNotFlexFix: "Edit the address and choose Flex's conversation service.",
  MessagingSetupFindingDefaultServiceNotFlexFix: "Edit the address and choose Flex's conversation service.",
  MessagingSetupFindingLegacyFlexFlow:
    'The legacy Flex Flow "{{name}}" still holds this address, which can lose or duplicate tasks.',
  MessagingSetupFindingLegacyFlexFlowFix: 'Migrate the Flex Flow to the address (or delete the Flex Flow).',
  MessagingSetupFindingNoSms: 'This number cannot receive SMS at all.',
  MessagingSetupFindingNoSmsFix:
    'Use an SMS-capable number for messaging, or ask Twilio support about enabling SMS on it.',
  MessagingSetupFindingSmsUrlBeside:
    'The number\'s "A message comes in" webhook ({{url}}) runs in parallel with the address for every message.',
  MessagingSetupFindingSmsUrlBesideFix: 'Clear the "A message comes in" URL (it is shown so you can copy it first).',
  MessagingSetupFindingSmsUrlOnly:
    'The number\'s messages go to its "A message comes in" webhook ({{url}}), not to Flex.',
  MessagingSetupFindingSmsUrlOnlyFix: 'Create an address for the number, then clear the "A message comes in" URL.',
  MessagingSetupFindingSmsAppBeside:
    "The number's SMS is handled by a TwiML app ({{sid}}) in parallel with the address.",
  MessagingSetupFindingSmsAppBesideFix: "Remove the number's SMS application.",
  MessagingSetupFindingSmsAppOnly: "The number's SMS is handled by a TwiML app ({{sid}}), not by Flex.",
  MessagingSetupFindingSmsAppOnlyFix: "Create an address for the number, then remove the number's SMS application.",
  MessagingSetupFindingMessagingService:
    'The number is in the Messaging Service "{{name}}", whose inbound settings can take its messages before the address does.',
  MessagingSetupFindingMessagingServiceFix:
    'Remove the number from the Messaging Service, or set the service to defer inbound messages to the number.',
  MessagingSetupFindingSenderOffline:
    'The WhatsApp sender is {{status}}{{reasons}}, so WhatsApp does not deliver messages to it.',
  MessagingSetupFindingSenderOfflineFix:
    'Finish or fix the sender registration in the Twilio Console (Messaging › Senders › WhatsApp senders).',
  MessagingSetupFindingSenderInReview:
    'The WhatsApp sender is not live yet ({{status}}): it receives no messages until WhatsApp and Twilio approve it. Nothing is wrong with it.',
  MessagingSetupFindingSenderInReviewFix:
    'Wait for the review to finish (the Twilio Console shows its progress under Messaging › Senders › WhatsApp senders); then give it an address.',
  MessagingSetupFindingDefaultIntegration:
    "{{label}}'s address only creates the conversation: with no Studio flow or webhook, nothing hands it to Flex, so no agent sees new messages (unless a webhook of the conversation service does, which this view does not check).",
  MessagingSetupFindingDefaultIntegrationFix:
    'Edit the address and route it to the Studio flow "Messaging Flow" (or another flow that sends to Flex), or to the built-in Flex webhook.',
  MessagingSetupFindingFlowNoTrigger:
    'The Studio flow "{{name}}" has no Incoming Conversation trigger, so a new conversation ends the flow at once and never reaches Flex.',
  MessagingSetupFindingFlowNoTriggerFix:
    'Route the address to a flow whose Incoming Conversation trigger leads to a Send to Flex widget, such as "Messaging Flow", or add that path to this flow in Studio.',
  MessagingSetupFindingFlowNoSendToFlex:
    'The Studio flow "{{name}}" starts on an Incoming Conversation, but no path from there reaches a Send to Flex widget, so no task is made.',
  MessagingSetupFindingFlowNoSendToFlexFix:
    'Add a Send to Flex widget to the flow\'s Incoming Conversation path in Studio, or route the address to "Messaging Flow".',
  MessagingSetupFindingFlowUnchecked:
    'Could not read the Studio flow "{{name}}", so whether it sends conversations to Flex is not known.',
  MessagingSetupFindingFlowUncheckedFix:
    'Open the flow in Studio and check that its Incoming Conversation trigger leads to a Send to Flex widget; then reload.',
  MessagingSetupFindingWebhookUnchecked:
    "New conversations go to the webhook {{url}}. Whether that server hands them to Flex cannot be checked from here; Twilio's alerts for it show below.",
  MessagingSetupFindingWebhookUncheckedFix:
    'Play a test message and follow it in the Trace tab, or route the address to the built-in Flex webhook or a Studio flow.',
  MessagingSetupFindingNotCheckedLoading: 'Not checked yet: still loading {{source}}.',
  MessagingSetupFindingNotCheckedLoadingFix: 'Wait for the view to finish loading.',
  MessagingSetupFindingNotCheckedFailed:
    'Could not check this: {{source}} did not load, so what depends on them is unknown, not Ready.',
  MessagingSetupFindingNotCheckedFailedFix: 'Try loading again (the notice above the table says what failed).',
  // A WhatsApp sender's status (Senders v2), in words.
  MessagingSetupSenderCreating: 'being created',
  MessagingSetupSenderOnline: 'online',
  MessagingSetupSenderOffline: 'offline',
  MessagingSetupSenderPendingVerification: 'waiting for verification',
  MessagingSetupSenderVerifying: 'being verified',
  MessagingSetupSenderUpdating: 'online, a change being applied',
  MessagingSetupSenderTwilioReview: 'in review by Twilio',
  MessagingSetupSenderDraft: 'a draft',
  MessagingSetupSenderStubbed: 'a placeholder, not set up',
};

export type MessagingSetupStrings = typeof messagingSetupStrings;
export type MessagingSetupStringKey = keyof MessagingSetupStrings;

/** The namespace of the backend's messages an account may reword (contract/backendMessages.ts). */
const BACKEND_KEY = /^MessagingSetup(Refusal|Migration)\w+$/;

/**
 * Our defaults overlaid with whatever the account already defines under the same keys; and the
 * account's words for the backend's messages, which the view shows instead of the backend's English
 * (kept beside ours at run time: the backend's table itself is not in the bundle).
 */
export function resolveStrings(accountStrings: object | undefined): MessagingSetupStrings {
  const overrides = (accountStrings ?? {}) as Record<string, unknown>;
  const resolved: Record<string, string> = { ...messagingSetupStrings };
  for (const [key, value] of Object.entries(overrides)) {
    if (typeof value !== 'string') continue;
    if (Object.prototype.hasOwnProperty.call(messagingSetupStrings, key) || BACKEND_KEY.test(key))
      resolved[key] = value;
  }
  return resolved as MessagingSetupStrings;
}

/** `{{name}}` placeholders filled from `values`; an unknown placeholder is left as written. */
export const fill: (template: string, values: Readonly<Record<string, string | number>>) => string = fillTemplate;

export const StringsContext = createContext<MessagingSetupStrings>(messagingSetupStrings);

/** The view's strings (the account's, resolved at registration), for any component inside it. */
export function useStrings(): MessagingSetupStrings {
  return useContext(StringsContext);
}
