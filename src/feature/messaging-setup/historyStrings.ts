/**
 * The strings of a History a supervisor reads (issue #27): an address change in the words of the
 * fields it changed, times relative to today, the filters' date range and one search, and the
 * link from a row's diagnosis to its timeline. Spread into the view's strings (strings.ts), so an
 * account rewords them under the same keys.
 */
export const historyStrings = {
  // An address change, named by the fields that differ, each before → after (state/historyChanges.ts).
  MessagingSetupHistoryChangedWhat: '{{who}} changed {{address}}: {{changes}}',
  MessagingSetupHistoryChangeSeparator: '; ',
  MessagingSetupHistoryChangeRouting: 'routing from {{before}} to {{after}}',
  MessagingSetupHistoryChangeStudioFlow: 'Studio flow from {{before}} to {{after}}',
  MessagingSetupHistoryChangeRetryCount: 'retry count from {{before}} to {{after}}',
  MessagingSetupHistoryChangeWebhookUrl: 'webhook URL from {{before}} to {{after}}',
  MessagingSetupHistoryChangeWebhookMethod: 'webhook method from {{before}} to {{after}}',
  MessagingSetupHistoryChangeWebhookFilters: 'webhook filters from {{before}} to {{after}}',
  MessagingSetupHistoryChangeService: 'conversation service from {{before}} to {{after}}',
  MessagingSetupHistoryChangeAutoCreation: 'auto-creation from {{before}} to {{after}}',
  MessagingSetupHistoryChangeName: 'name from {{before}} to {{after}}',
  MessagingSetupHistoryChangeType: 'type from {{before}} to {{after}}',
  MessagingSetupHistoryEnabled: 'enabled',
  MessagingSetupHistoryDisabled: 'disabled',
  MessagingSetupHistoryNoFilters: 'none',
  MessagingSetupHistoryNoName: 'none',
  MessagingSetupHistoryQuoted: '"{{name}}"',
  MessagingSetupHistoryFlexService: "Flex's service",
  MessagingSetupHistoryAccountDefaultService: "the account's default service",
  // When (state/historyTime.ts): relative to the supervisor's today, in their time zone.
  MessagingSetupHistoryToday: 'today {{time}}',
  MessagingSetupHistoryYesterday: 'yesterday {{time}}',
  // The filters (HistoryFilterForm.tsx): one search, the person, the kind, a range of days.
  MessagingSetupHistorySearch: 'Search changes',
  MessagingSetupHistorySearchHelp: 'Part of an address or number, a person, a SID or a URL, in any case.',
  MessagingSetupHistoryPersonHelp: 'Part of their Flex identity, in any case.',
  MessagingSetupHistoryFilterFrom: 'From',
  MessagingSetupHistoryFilterTo: 'To',
  MessagingSetupHistoryRangeBackwards: 'The first day must not be after the last.',
  MessagingSetupHistoryFilterInvalid: 'Could not show these changes: {{error}}',
  // A row's timeline, opened from its diagnosis (RecentChanges.tsx) and shown on the History tab.
  MessagingSetupHistoryShowTimeline: 'Show every change of {{address}}',
  MessagingSetupHistoryTimelineOf: 'Showing every change of {{address}}.',
  MessagingSetupHistoryShowAll: 'Show all changes',
};
