/** The Flex view name; also the route (`/messaging-setup`) Flex gives the view. */
export const MESSAGING_SETUP_VIEW = 'messaging-setup';
