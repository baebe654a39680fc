import type { AddressSummary, FlexFlowSummary, HistoryResource, PhoneNumberSummary } from '../../../src/contract/types';

/** What each kind of resource is called in a history entry (`address`: what filters match). */
export const addressResource = (address: Pick<AddressSummary, 'sid' | 'address'>): HistoryResource => ({
  type: 'address',
  sid: address.sid,
  address: address.address,
});

export const numberResource = (number: Pick<PhoneNumberSummary, 'sid' | 'phoneNumber'>): HistoryResource => ({
  type: 'phone-number',
  sid: number.sid,
  address: number.phoneNumber,
});

export const CONVERSATIONS_CONFIGURATION: HistoryResource = {
  type: 'conversations-configuration',
  sid: null,
  address: null,
};

export const flexFlowResource = (flow: Pick<FlexFlowSummary, 'sid' | 'contactIdentity'>): HistoryResource => ({
  type: 'flex-flow',
  sid: flow.sid,
  address: flow.contactIdentity,
});

export const numberInboundOf = (number: PhoneNumberSummary) => ({
  numberInbound: { smsUrl: number.smsUrl, smsApplicationSid: number.smsApplicationSid },
});

/** A customer's conversation: by its SID, and the customer's address (or chat identity) for the filters. */
export const conversationResource = (sid: string, customer: string | null): HistoryResource => ({
  type: 'conversation',
  sid,
  address: customer,
});

/** A phone number or WhatsApp sender, by its address (and its PN…/XE… SID when the account has it): what a set-aside mark is about. */
export const senderResource = (address: string, sid: string | null): HistoryResource => ({
  type: 'sender',
  sid,
  address,
});
