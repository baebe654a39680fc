/**
 * The channel registry: every channel Flex routes, one descriptor file each, in the order the view
 * shows them. A new channel is one descriptor here (plus its contract twin in src/contract/channels/
 * and its strings); the view, health banner, rows, dialog and diagnosis map over this list.
 */
import type { AddressType } from '../../../contract/types';
import { diagnosisOf, type Diagnosis, type DiagnosisContext } from '../diagnostics/diagnose';
import { messagingSetupStrings, type MessagingSetupStrings } from '../strings';
import { chatChannel } from './chat';
import type { ChannelDescriptor } from './ChannelDescriptor';
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
export const CHANNELS_WITH_TABS = CHANNEL_LIST.filter((channel) => channel.tab);

/** How the view names an address's channel: "SMS", "Email"; a read-only type by its own name; any other as Twilio names it. */
export function channelLabel(type: string, strings: MessagingSetupStrings): string {
  if (Object.prototype.hasOwnProperty.call(CHANNELS, type)) return strings[CHANNELS[type as AddressType].label];
  return isReadOnlyType(type) ? strings[READ_ONLY_CHANNELS[type].label] : type;
}

/** One row's diagnosis on a channel's own tab (a number, a sender, a page), by its descriptor. */
export function diagnoseChannelRow(
  channel: ChannelDescriptor,
  subject: unknown,
  ctx: DiagnosisContext,
  strings: MessagingSetupStrings = messagingSetupStrings,
): Diagnosis {
  const tab = channel.tab;
  if (!tab) throw new Error(`${channel.type} has no tab of its own`);
  return diagnosisOf(tab.findings(subject, tab.row(subject, strings), ctx));
}

export type { ChannelDescriptor, ChannelRowBase, ChannelTab } from './ChannelDescriptor';
export { READ_ONLY_CHANNELS, isReadOnlyType } from './readOnly';
export { TAB } from './tabIds';
