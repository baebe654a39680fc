import { summarisePhoneNumber } from '../../lib/summaries';
import { numberInboundOf } from '../resources';
import { cannotRevert, fetchOrUndefined, type RevertHandler } from './handler';

/** A number's inbound handlers are reverted by setting them to what they were ("" clears one). */
export const updateNumberInboundRevert: RevertHandler = {
  async changesSince(client, { after, resource }) {
    if (after === null || !('numberInbound' in after)) return [];
    const number = await fetchOrUndefined(() => client.incomingPhoneNumbers(resource.sid ?? '').fetch());
    if (!number) return [`number ${resource.sid} is no longer on the account`];
    const now = numberInboundOf(summarisePhoneNumber(number)).numberInbound;
    const differences: string[] = [];
    if (now.smsUrl !== after.numberInbound.smsUrl) differences.push(`its SMS URL is ${now.smsUrl ?? 'not set'}`);
    if (now.smsApplicationSid !== after.numberInbound.smsApplicationSid) {
      differences.push(`its SMS application is ${now.smsApplicationSid ?? 'not set'}`);
    }
    return differences;
  },
  async apply(client, { before, resource }) {
    if (before === null || !('numberInbound' in before)) throw cannotRevert();
    const number = await client.incomingPhoneNumbers(resource.sid ?? '').update({
      smsUrl: before.numberInbound.smsUrl ?? '',
      smsApplicationSid: before.numberInbound.smsApplicationSid ?? '',
    });
    return numberInboundOf(summarisePhoneNumber(number));
  },
};
