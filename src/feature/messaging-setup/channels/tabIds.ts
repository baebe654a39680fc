/** The view's tabs, by the ids their panels are labelled with (stable: tests and links use them). */
export const TAB = {
  numbers: 'messaging-setup-numbers',
  senders: 'messaging-setup-senders',
  pages: 'messaging-setup-pages',
  addresses: 'messaging-setup-addresses',
  flexFlows: 'messaging-setup-flex-flows',
  history: 'messaging-setup-history',
} as const;
