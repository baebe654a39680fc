import type { ContractChannel } from './channel';

/** E.164, as Twilio keys a phone number (CONTRACTS.md §1.2). */
export const E164 = /^\+[1-9]\d{1,14}$/;

export const smsChannel: ContractChannel<'sms'> = {
  type: 'sms',
  example: '+14155550123',
  isValidAddress: (address) => E164.test(address),
  addressRule: 'MessagingSetupRuleAddressSms',
  identityNoun: 'MessagingSetupRuleIdentitySms',
  inbound: { source: 'SMS', interactionType: 'sms', defaultTaskChannel: 'sms', customerBy: 'binding' },
  flexFlowChannelType: 'sms',
};
