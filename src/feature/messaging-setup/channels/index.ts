/**
 * The channel registry: every channel Flex routes, one descriptor file each, in the order the view
 * shows them. A new channel is one descriptor here (plus its contract twin in src/contract/channels/
 * and its strings); the view, health banner, rows, dialog and diagnosis map over this list.
 */
import { isAddressType, type AddressType } from '../../../contract/types';
import type { MessagingSetupStrings } from '../strings';
import { chatChannel } from './chat';
import type { ChannelDescriptor, ChannelTab } from './ChannelDescriptor';
import { emailChannel } from './email';
import { messengerChannel } from './messenger';
import { READ_ONLY_CHANNELS, isReadOnlyType } from './readOnly';
import { smsChannel } from './sms';
import { whatsappChannel } from './whatsapp';

export const CHANNELS: Record<AddressType, ChannelDescriptor> = {
  sms: smsChannel,
  whatsapp: whatsappChannel,
  messenger: messengerChannel,
  chat: chatChannel,
  email: emailChannel,
};

/** In the order the view shows them: the tabs, the banner's lines, the type choices. */
export const CHANNEL_LIST: readonly ChannelDescriptor[] = Object.values(CHANNELS);

/** The channels with a tab of their own (numbers, senders, pages). */
export const CHANNELS_WITH_TABS = CHANNEL_LIST.filter(
  (channel): channel is ChannelDescriptor & { tab: ChannelTab } => channel.tab !== undefined,
);

/** How the view names an address's channel: "SMS", "Email"; a read-only type by its own name; any other as Twilio names it. */
export function channelLabel(type: string, strings: MessagingSetupStrings): string {
  if (isAddressType(type)) return strings[CHANNELS[type].label];
  return isReadOnlyType(type) ? strings[READ_ONLY_CHANNELS[type].label] : type;
}

export type { ChannelDescriptor, ChannelRowBase, ChannelTab } from './ChannelDescriptor';
export { READ_ONLY_CHANNELS, isReadOnlyType } from './readOnly';
export { TAB } from './tabIds';
