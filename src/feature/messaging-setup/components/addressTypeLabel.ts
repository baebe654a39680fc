import type { AddressType } from '../../../contract/types';
import type { MessagingSetupStringKey, MessagingSetupStrings } from '../strings';

const TYPE_LABEL_KEY: Record<AddressType, MessagingSetupStringKey> = {
  sms: 'MessagingSetupTypeSms',
  whatsapp: 'MessagingSetupTypeWhatsApp',
  chat: 'MessagingSetupTypeChat',
  messenger: 'MessagingSetupTypeMessenger',
};

/** The address field's label per type: what the address is of. */
export const ADDRESS_FIELD_KEY: Record<AddressType, MessagingSetupStringKey> = {
  sms: 'MessagingSetupFieldPhoneNumber',
  whatsapp: 'MessagingSetupFieldSender',
  chat: 'MessagingSetupFieldChatAddress',
  messenger: 'MessagingSetupFieldPage',
};

/** Whether Messaging Setup manages addresses of this type (the others are shown read-only). */
export const isManagedType = (type: string): type is AddressType =>
  Object.prototype.hasOwnProperty.call(TYPE_LABEL_KEY, type);

/** How the view names an address's channel: "SMS", "WhatsApp"; a type it does not manage, as Twilio names it. */
export const addressTypeLabel = (type: string, strings: MessagingSetupStrings): string =>
  isManagedType(type) ? strings[TYPE_LABEL_KEY[type]] : type;
