import type { ContractChannel } from './channel';

/**
 * An email address as an `email` Address Configuration holds it: one mailbox, `local@domain`, at
 * most 254 characters (RFC 5321's path limit). Twilio accepts only a domain the account has
 * authenticated (Flex › Manage › Email; twilio.com/docs/flex/admin-guide/setup/email/address-creation);
 * that check is Twilio's, and the backend answers its refusal as a 400 naming the domain.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** The domain of an email address (after the last `@`), lower-cased. */
export const emailDomainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

export const emailChannel: ContractChannel<'email'> = {
  type: 'email',
  example: 'support@example.com',
  isValidAddress: (address) => address.length <= 254 && EMAIL.test(address),
  addressRule: 'MessagingSetupRuleAddressEmail',
  identityNoun: 'MessagingSetupRuleIdentityEmail',
  // Email in Flex is a Conversations channel: an inbound email is a message of `Source` EMAIL from
  // the customer's `email` binding, and its Interaction channel type is `email` (Interactions API
  // Channel.Type: sms, email, chat, whatsapp, web, messenger, gbm). Flex's email task channel is `email`.
  inbound: { source: 'EMAIL', interactionType: 'email', defaultTaskChannel: 'email', customerBy: 'binding' },
  // Legacy Flex Flows had no email channel (web, sms, facebook, whatsapp, line, custom).
  flexFlowChannelType: null,
};
