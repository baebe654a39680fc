/** The Flex view name; also the route (`/messaging-setup`) Flex gives the view. */
export const MESSAGING_SETUP_VIEW = 'messaging-setup';

/** Flex's out-of-the-box Studio flow for messaging; the default for new addresses. */
export const MESSAGING_FLOW_NAME = 'Messaging Flow';
/** The Studio flow every Flex account gets for chat, under either of its names (Flex docs, chat addresses). */
export const CHAT_FLOW_NAMES: readonly string[] = ['Chat Flow', 'Webchat Flow'];

/**
 * Email's: Twilio recommends a Studio flow of its own for email (Flex email admin guide); without one
 * "Messaging Flow" serves, as it sends new conversations to Flex.
 */
export const EMAIL_FLOW_NAMES: readonly string[] = ['Email Flow', MESSAGING_FLOW_NAME];

/** Notifications registered with Flex's Notifications API. */
export const NOTIFICATION_IDS = { success: 'MessagingSetupSuccess', error: 'MessagingSetupError' } as const;
