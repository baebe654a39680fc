import type { AddressType } from '../../../contract/types';
import type { MessagingSetupStringKey, MessagingSetupStrings } from '../strings';

const TYPE_LABEL_KEY: Record<AddressType, MessagingSetupStringKey> = {
  sms: 'MessagingSetupTypeSms',
  whatsapp: 'MessagingSetupTypeWhatsApp',
};

const isKnown = (type: string): type is AddressType => Object.prototype.hasOwnProperty.call(TYPE_LABEL_KEY, type);

/** How the view names an address's channel: "SMS", "WhatsApp"; a type it does not manage, as Twilio names it. */
export const addressTypeLabel = (type: string, strings: MessagingSetupStrings): string =>
  isKnown(type) ? strings[TYPE_LABEL_KEY[type]] : type;
