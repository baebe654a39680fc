/**
 * The channel registry's contract half: every channel Flex routes, by its address type. Adding a
 * channel is one file beside this one and a line here (plus the plugin's descriptor).
 */
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

export type { ContractChannel, InboundMapping } from './channel';
export { READ_ONLY_ADDRESS_TYPES, type ReadOnlyAddressType } from './readOnly';
export { emailDomainOf } from './email';
export { MESSENGER_PREFIX } from './messenger';
export { WHATSAPP_PREFIX } from './whatsapp';
