import type { ContractChannel } from './channel';
import { E164 } from './sms';

export const WHATSAPP_PREFIX = 'whatsapp:';

export const whatsappChannel: ContractChannel<'whatsapp'> = {
  type: 'whatsapp',
  example: 'whatsapp:+14155550123',
  isValidAddress: (address) => address.startsWith(WHATSAPP_PREFIX) && E164.test(address.slice(WHATSAPP_PREFIX.length)),
  addressRule: 'MessagingSetupRuleAddressWhatsApp',
  identityNoun: 'MessagingSetupRuleIdentityWhatsApp',
  inbound: { source: 'WHATSAPP', interactionType: 'whatsapp', defaultTaskChannel: 'chat', customerBy: 'binding' },
  flexFlowChannelType: 'whatsapp',
};
