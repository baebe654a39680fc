import { CONTRACT_CHANNELS } from '../../../contract/channels';
import { EMAIL_FLOW_NAMES } from '../constants';
import type { ChannelDescriptor } from './ChannelDescriptor';

/**
 * Email in Flex (Flex UI 2.5+): an `email` address per mailbox, on a domain the account has
 * authenticated, routed like the other channels. Twilio lists no mailboxes or domains we could show
 * as rows, so each address stands on its own row of the Addresses tab, as chat's do.
 */
export const emailChannel: ChannelDescriptor = {
  type: 'email',
  contract: CONTRACT_CHANNELS.email,
  label: 'MessagingSetupTypeEmail',
  addressField: 'MessagingSetupFieldEmailAddress',
  studioFlowNames: EMAIL_FLOW_NAMES,
  health: { heading: 'MessagingSetupHealthCountsEmail', countLabel: 'MessagingSetupHealthCountLabelEmail' },
};
