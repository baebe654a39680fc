import type { ContractChannel } from './channel';

/**
 * A chat address's name: Twilio's spec sets no format for it (Webchat reaches the address by its
 * SID), so one without spaces that fits in a URL path segment, as `{Sid}` may be the address.
 */
const CHAT_ADDRESS = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,255}$/;

export const chatChannel: ContractChannel<'chat'> = {
  type: 'chat',
  example: 'web-chat-main',
  isValidAddress: (address) => CHAT_ADDRESS.test(address),
  addressRule: 'MessagingSetupRuleAddressChat',
  identityNoun: 'MessagingSetupRuleIdentityChat',
  // A Webchat customer writes through the SDK, as an agent does: the handler tells them apart by
  // the conversation's participants (serverless/src/inbound/chatCustomer.ts).
  inbound: { source: 'SDK', interactionType: 'chat', defaultTaskChannel: 'chat', customerBy: 'participants' },
  flexFlowChannelType: 'web',
};
