import { isAddressType, type AddressType } from '../../../contract/types';
import type { MessagingSetupStringKey, MessagingSetupStrings } from '../strings';

const TYPE_LABEL_KEY: Record<AddressType, MessagingSetupStringKey> = {
  sms: 'MessagingSetupTypeSms',
  whatsapp: 'MessagingSetupTypeWhatsApp',
  chat: 'MessagingSetupTypeChat',
  messenger: 'MessagingSetupTypeMessenger',
  email: 'MessagingSetupTypeEmail',
};

/** The address field's label per type: what the address is of. */
export const ADDRESS_FIELD_KEY: Record<AddressType, MessagingSetupStringKey> = {
  sms: 'MessagingSetupFieldPhoneNumber',
  whatsapp: 'MessagingSetupFieldSender',
  chat: 'MessagingSetupFieldChatAddress',
  messenger: 'MessagingSetupFieldPage',
  email: 'MessagingSetupFieldEmailAddress',
};

/** How the view names an address's channel: "SMS", "WhatsApp"; a type it does not manage, as Twilio names it. */
export const addressTypeLabel = (type: string, strings: MessagingSetupStrings): string =>
  isAddressType(type) ? strings[TYPE_LABEL_KEY[type]] : type;
