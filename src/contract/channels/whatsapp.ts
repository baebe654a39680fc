import type { ContractChannel } from './channel';
import { E164 } from './sms';

export const WHATSAPP_PREFIX = 'whatsapp:';

export const whatsappChannel: ContractChannel<'whatsapp'> = {
  type: 'whatsapp',
  example: 'whatsapp:+14155550123',
  isValidAddress: (address) => address.startsWith(WHATSAPP_PREFIX) && E164.test(address.slice(WHATSAPP_PREFIX.length)),
  addressRule: 'Enter the sender as whatsapp: followed by the E.164 number, for example {example}.',
  identityNoun: 'WhatsApp sender',
  inbound: { source: 'WHATSAPP', interactionType: 'whatsapp', defaultTaskChannel: 'chat', customerBy: 'binding' },
  flexFlowChannelType: 'whatsapp',
};
