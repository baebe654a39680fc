import { CONTRACT_CHANNELS } from '../../../contract/channels';
import { CHAT_FLOW_NAMES } from '../constants';
import type { ChannelDescriptor } from './ChannelDescriptor';

/** A chat address belongs to nothing the account lists: it stands on its own row of the Addresses tab. */
export const chatChannel: ChannelDescriptor = {
  type: 'chat',
  contract: CONTRACT_CHANNELS.chat,
  label: 'MessagingSetupTypeChat',
  addressField: 'MessagingSetupFieldChatAddress',
  studioFlowNames: CHAT_FLOW_NAMES,
  health: { heading: 'MessagingSetupHealthCountsChat', countLabel: 'MessagingSetupHealthCountLabelChat' },
};
