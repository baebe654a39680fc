/**
 * The stuck conversations screen's strings (issue #26): its tab, table, bulk close and banner line.
 * Spread into the view's strings (strings.ts), so an account rewords them under the same keys.
 */
export const stuckStrings = {
  MessagingSetupTabStuck: 'Stuck conversations',
  MessagingSetupStuckIntro:
    "Conversations that hold a customer away from an agent, across the account: open in Flex's conversation service with no open task, or open in a service that is not Flex's with one of our addresses (what an address pointed at another service leaves behind). Observed: read from Twilio when this tab opens or you reload it, newest activity first.",
  MessagingSetupStuckReload: 'Reload',
  MessagingSetupStuckLoading: 'Reading the open conversations and their tasks…',
  MessagingSetupStuckLoadFailed: 'Could not list the stuck conversations: {{error}}',
  MessagingSetupStuckEmpty: 'No stuck conversations.',
  MessagingSetupStuckNotRead: 'The list has not been read.',
  MessagingSetupStuckCountOne: '1 stuck conversation.',
  MessagingSetupStuckCount: '{{count}} stuck conversations.',
  MessagingSetupStuckCountShown: '{{count}} stuck conversations; the newest {{shown}} are listed.',
  MessagingSetupStuckTruncated:
    'More may exist than were read (each service’s first 1,000 open conversations per state are read): close these, then reload.',
  MessagingSetupStuckSearchPlaceholder: 'Customer, address or SID',
  MessagingSetupStuckColumnCustomer: 'Customer',
  MessagingSetupStuckColumnOurAddress: 'Our address',
  MessagingSetupStuckColumnChannel: 'Channel',
  MessagingSetupStuckColumnState: 'State',
  MessagingSetupStuckColumnAge: 'Age',
  MessagingSetupStuckColumnWhy: 'Why it is stuck',
  MessagingSetupStuckColumnSid: 'Conversation SID',
  MessagingSetupStuckUnknown: '—',
  MessagingSetupStuckNoCustomer: 'no customer found',
  MessagingSetupStuckNoOurAddress: 'none (chat)',
  MessagingSetupStuckStarted: 'started {{age}}',
  MessagingSetupStuckLastActivity: 'last activity {{age}}',
  MessagingSetupStuckWhyNoOpenTask: 'Its task is over (or never came): new messages from this customer reach nobody.',
  MessagingSetupStuckWhyOtherService:
    "It is in a Conversations service that is not Flex's: no Flex task can come of it, so this customer's messages to this address reach nobody.",
  MessagingSetupStuckSelectRow: 'Select the conversation of {{customer}}',
  MessagingSetupStuckSelectAll: 'Select all {{count}} matching conversations',
  MessagingSetupStuckCloseSelected: 'Close selected ({{count}})',
  MessagingSetupStuckCloseRow: 'Close',
  MessagingSetupStuckCloseRowLabel: 'Close the conversation of {{customer}}',
  // The bulk close dialog.
  MessagingSetupStuckCloseTitleOne: 'Close the conversation of {{customer}}?',
  MessagingSetupStuckCloseTitle: 'Close {{count}} conversations?',
  MessagingSetupStuckCloseFinal:
    "Closed is final: Twilio cannot reopen a closed conversation, so this cannot be reverted from the change history. Its messages stay readable. Each customer's next message starts a new conversation, which our address hands to Flex as a new task.",
  MessagingSetupStuckCloseHow:
    'A conversation whose task opened meanwhile is not closed (an agent may be working on it). Each close is recorded in the change history.',
  MessagingSetupStuckCloseListLabel: 'The conversations to close',
  MessagingSetupStuckCloseItem: '{{customer}} → {{ourAddress}} ({{sid}})',
  MessagingSetupStuckCloseConfirmOne: 'Close conversation',
  MessagingSetupStuckCloseConfirm: 'Close {{count}} conversations',
  MessagingSetupStuckClosingTitleOne: 'Closing the conversation of {{customer}}',
  MessagingSetupStuckClosingTitle: 'Closing {{count}} conversations',
  MessagingSetupStuckCloseProgress: 'Closed {{closed}} of {{total}}',
  MessagingSetupStuckCloseProgressLabel: 'Conversations closed',
  MessagingSetupStuckCloseResultsLabel: 'What happened to each conversation',
  MessagingSetupStuckResultClosed: 'closed',
  MessagingSetupStuckResultAlreadyClosed: 'already closed (nothing changed)',
  MessagingSetupStuckResultTaskOpen: 'not closed: a task of it is open now ({{error}})',
  MessagingSetupStuckResultFailed: 'failed: {{error}}',
  MessagingSetupStuckResultCancelled: 'not tried (stopped)',
  MessagingSetupStuckResultPending: 'waiting…',
  MessagingSetupStuckCloseSummary:
    '{{closed}} closed, {{alreadyClosed}} already closed, {{refused}} refused because a task is open, {{failed}} failed.',
  MessagingSetupStuckCloseStop: 'Stop after these',
  MessagingSetupStuckCloseNotify:
    'Stuck conversations: {{closed}} closed, {{alreadyClosed}} already closed, {{refused}} refused because a task is open, {{failed}} failed.',
  // The health banner's line.
  MessagingSetupStuckBannerHeading: 'Customers held away from agents:',
  MessagingSetupStuckBannerOne: '1 stuck conversation',
  MessagingSetupStuckBannerMany: '{{count}} stuck conversations',
  MessagingSetupStuckBannerAtLeast: 'at least {{count}} stuck conversations',
  MessagingSetupStuckBannerLabel: 'Show {{count}}',
  // After an address's fix: the conversations it leaves in the service it pointed at before.
  MessagingSetupLeftBehindTitle: 'Conversations left behind by this change',
  MessagingSetupLeftBehindOne:
    "{{address}} now hands new conversations to Flex, but 1 customer still has an open conversation with it in {{services}}. That customer's next message joins that conversation and reaches nobody until it is closed.",
  MessagingSetupLeftBehindMany:
    "{{address}} now hands new conversations to Flex, but {{count}} customers still have an open conversation with it in {{services}}. Each of those customers' next message joins that conversation and reaches nobody until it is closed.",
  MessagingSetupLeftBehindConfirm: 'Review and close them',
};
