import type { ContractChannel } from './channel';

export const MESSENGER_PREFIX = 'messenger:';
/** A Facebook Page's address: `messenger:` and the page's numeric ID (CONTRACTS.md §1.2). */
const MESSENGER = /^messenger:\d{5,20}$/;

export const messengerChannel: ContractChannel<'messenger'> = {
  type: 'messenger',
  example: 'messenger:106932781234567',
  isValidAddress: (address) => MESSENGER.test(address),
  addressRule: 'MessagingSetupRuleAddressMessenger',
  identityNoun: 'MessagingSetupRuleIdentityMessenger',
  inbound: { source: 'MESSENGER', interactionType: 'messenger', defaultTaskChannel: 'chat', customerBy: 'binding' },
  flexFlowChannelType: 'facebook',
};
