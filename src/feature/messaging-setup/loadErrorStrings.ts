/**
 * The strings of saying a failure once (issue #27): the lists that could not load, grouped by
 * their cause; the health line's checks that could not run ("could not be checked", never 0); and
 * a write that is being sent again. Spread into the view's strings (strings.ts), so an account
 * rewords them under the same keys.
 */
export const loadErrorStrings = {
  /** Every list the view loads failed for one cause. */
  MessagingSetupLoadFailedAll: 'Could not load any list: {{error}}',
  /** Lists failed for different causes: one alert, one line per cause, one Try again for all. */
  MessagingSetupLoadProblemsTitle: 'Some lists could not be loaded',
  /** The backend could not ask Twilio IAM about the Flex token (503 token_check_unavailable). */
  MessagingSetupProblemTokenCheckTitle: 'Twilio could not check your Flex sign-in',
  MessagingSetupProblemTokenCheck: '{{error}} Twilio IAM was busy or failing; nothing was changed.',
  /** The health line, of a check whose list did not load: unknown, never a count of 0. */
  MessagingSetupHealthServiceNotChecked: "The account's default Conversations service could not be checked.",
  MessagingSetupHealthNotChecked: 'could not be checked',
  MessagingSetupHealthChecking: 'checking…',
  MessagingSetupHealthNone: 'none',
  /** A channel's table whose list did not load: not "the account has none", which it does not know. */
  MessagingSetupTableNotLoaded: 'This list could not be loaded (see the alert above): Try again there.',
  /** A write the client is sending again (Twilio answered 429), said beside its dialog's buttons. */
  MessagingSetupRetryingRateLimited:
    'Twilio is rate-limiting the account: retrying (attempt {{attempt}} of {{attempts}})…',
  MessagingSetupRetrying: 'No answer yet: retrying (attempt {{attempt}} of {{attempts}})…',
};
