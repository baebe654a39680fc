/**
 * The accessible names of a row's buttons (issue #27): each names what it acts on, so a screen
 * reader going down a table hears "Edit address for +14155550100 (Sales line)", not "Edit address"
 * 25 times. The visible labels stay short; these extend them. Spread into the view's strings
 * (strings.ts), so an account rewords them under the same keys; `{{action}}` is the button's own
 * words (the account's, where it reworded them).
 */
export const rowActionStrings = {
  MessagingSetupRowActionFor: '{{action}} for {{target}}',
  /** The description of a row's primary button: the fix its diagnosis recommends. */
  MessagingSetupRowActionRecommended: 'Recommended',
  /** A row's target with its name, when it has one other than the address. */
  MessagingSetupRowTargetNamed: '{{address}} ({{name}})',
  /** A channel's or address's row: its legacy Flex Flow migrated from there. */
  MessagingSetupMigrateRowLabel: '{{action}} the Flex Flow "{{flow}}" for {{target}}',
  /** The Legacy Flex Flows tab: its rows' Migrate and Delete Flex Flow. */
  MessagingSetupFlexFlowActionFor: '{{action}} "{{flow}}"',
  MessagingSetupFlexFlowActionForIdentity: '{{action}} "{{flow}}" for {{identity}}',
  /** The Stuck conversations tab: a row's Close, when our side of the conversation is known. */
  MessagingSetupStuckCloseRowLabelWith: 'Close the conversation of {{customer}} with {{address}}',
};
