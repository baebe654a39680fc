/**
 * The strings every permitted user's Flex start needs before the view's code has loaded: the side
 * link, the notifications' templates, and what the view says while its code loads or when it cannot.
 * They are part of the view's strings too (strings.ts spreads them in), so an account rewords them
 * under the same keys in one place.
 */
export const registrationStrings = {
  MessagingSetupNavLabel: 'Messaging Setup',
  MessagingSetupTitle: 'Messaging Setup',
  MessagingSetupNotifySuccess: '{{message}}',
  MessagingSetupNotifyError: '{{message}}',
  MessagingSetupNoBackend:
    'The Messaging Setup backend URL is not configured. Set ui_attributes.messagingSetup.backendUrl in the Flex configuration, or build the plugin with FLEX_APP_MESSAGING_SETUP_BACKEND_URL.',
  MessagingSetupViewCodeLoading: 'Loading Messaging Setup…',
  MessagingSetupViewCodeFailed:
    "The Messaging Setup view's code did not load from {{url}}. The backend serves it: check that the backend is reachable, and that it was deployed from the same build as this plugin (npm run deploy:backend, then npm run deploy:plugin).",
  MessagingSetupViewCodeRetry: 'Try again',
};

export type RegistrationStrings = typeof registrationStrings;

/** `defaults` overlaid with the account's strings of the same keys (the others are not ours). */
export function overlayAccountStrings<T extends Record<string, string>>(
  defaults: T,
  accountStrings: object | undefined,
): T {
  const overrides = (accountStrings ?? {}) as Record<string, unknown>;
  const resolved: Record<string, string> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const value = overrides[key];
    if (typeof value === 'string') resolved[key] = value;
  }
  return resolved as T;
}
