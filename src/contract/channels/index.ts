/**
 * The channel registry's contract half: every channel Flex routes, by its address type. Adding a
 * channel is one file beside this one and a line here (plus the plugin's descriptor).
 */
import type { TraceCustomerKind } from '../types';
import type { ContractChannel } from './channel';
import { chatChannel } from './chat';
import { emailChannel } from './email';
import { messengerChannel } from './messenger';
import { smsChannel } from './sms';
import { whatsappChannel } from './whatsapp';

export const CONTRACT_CHANNELS = {
  sms: smsChannel,
  whatsapp: whatsappChannel,
  chat: chatChannel,
  messenger: messengerChannel,
  email: emailChannel,
} as const satisfies Record<string, ContractChannel>;

/**
 * A customer's channel by the shape of their address — the shapes our own addresses have — and
 * otherwise a chat identity (a Webchat customer has no address, only the identity Flex gave them).
 */
export function customerKindOf(customer: string): TraceCustomerKind {
  for (const kind of ['whatsapp', 'sms', 'messenger', 'email'] as const) {
    if (CONTRACT_CHANNELS[kind].isValidAddress(customer)) return kind;
  }
  return 'chat';
}

export type { ContractChannel, InboundMapping } from './channel';
export { READ_ONLY_ADDRESS_TYPES, type ReadOnlyAddressType } from './readOnly';
export { emailDomainOf } from './email';
export { MESSENGER_PREFIX } from './messenger';
export { WHATSAPP_PREFIX } from './whatsapp';
