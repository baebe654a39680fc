import { CONTRACT_CHANNELS } from '../../../contract/channels';
import { CHAT_FLOW_NAMES } from '../constants';
import { isLoaded } from '../state/setupData';
import type { ChannelDescriptor } from './ChannelDescriptor';

/** A chat address belongs to nothing the account lists: it stands on its own row of the Addresses tab. */
export const chatChannel: ChannelDescriptor = {
  type: 'chat',
  contract: CONTRACT_CHANNELS.chat,
  label: 'MessagingSetupTypeChat',
  addressField: 'MessagingSetupFieldChatAddress',
  studioFlowNames: CHAT_FLOW_NAMES,
  health: { heading: 'MessagingSetupHealthCountsChat', countLabel: 'MessagingSetupHealthCountLabelChat' },
  // Webchat needs a chat address now that legacy Flex Flows no longer deliver: say so when the
  // account had webchat (a web Flex Flow) and has no chat address — once both lists are in.
  advice: {
    text: 'MessagingSetupNoChatAddress',
    applies: (data) =>
      isLoaded(data, 'addresses') &&
      isLoaded(data, 'flexFlows') &&
      data.flexFlows.some((flow) => flow.channelType === CONTRACT_CHANNELS.chat.flexFlowChannelType) &&
      ![...data.addresses.values()].some((a) => a.type === 'chat'),
  },
};
