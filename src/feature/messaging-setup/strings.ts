/**
 * Every user-facing string Flex renders for the feature, keyed for Flex's `manager.strings` so an
 * account can translate or reword them (Flex templates are Handlebars: `{{name}}` placeholders).
 */
export const messagingSetupStrings = {
  MessagingSetupNavLabel: 'Messaging Setup',
  MessagingSetupTitle: 'Messaging Setup',
  MessagingSetupIntro:
    'Connect phone numbers and WhatsApp senders to Flex with Conversations Addresses, and see why a number would not deliver messages to agents.',
  MessagingSetupNotifySuccess: '{{message}}',
  MessagingSetupNotifyError: '{{message}}',
  MessagingSetupNoBackend:
    'The Messaging Setup backend URL is not configured. Set ui_attributes.messagingSetup.backendUrl in the Flex configuration, or build the plugin with FLEX_APP_MESSAGING_SETUP_BACKEND_URL.',
};

export type MessagingSetupStrings = typeof messagingSetupStrings;

/** Our defaults overlaid with whatever the account already defines under the same keys. */
export function resolveStrings(accountStrings: object | undefined): MessagingSetupStrings {
  const overrides = (accountStrings ?? {}) as Partial<Record<keyof MessagingSetupStrings, unknown>>;
  const resolved = { ...messagingSetupStrings };
  for (const key of Object.keys(resolved) as (keyof MessagingSetupStrings)[]) {
    const value = overrides[key];
    if (typeof value === 'string') resolved[key] = value;
  }
  return resolved;
}
