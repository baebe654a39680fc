import type { ContractProblem } from '../../../../src/contract/messages';
import { summarisePhoneNumber } from '../../lib/summaries';
import { numberInboundOf } from '../resources';
import { cannotRevert, fetchOrUndefined, reversed, type RevertHandler } from './handler';

/** A number's inbound handlers are reverted by setting them to what they were ("" clears one). */
export const updateNumberInboundRevert: RevertHandler = {
  async landed(client, entry, _tracked, config) {
    if ((await this.changesSince(client, reversed(entry), config)).length === 0) {
      const number = await client.incomingPhoneNumbers(entry.resource.sid ?? '').fetch();
      return { after: numberInboundOf(summarisePhoneNumber(number)) };
    }
    if ((await this.changesSince(client, entry, config)).length === 0) return undefined;
    throw new Error('cannot tell');
  },
  async changesSince(client, { after, resource }) {
    if (after === null || !('numberInbound' in after)) return [];
    const number = await fetchOrUndefined(() => client.incomingPhoneNumbers(resource.sid ?? '').fetch());
    if (!number) return [{ key: 'MessagingSetupRefusalDiffNumberGone', values: { sid: String(resource.sid) } }];
    const now = numberInboundOf(summarisePhoneNumber(number)).numberInbound;
    const differences: ContractProblem[] = [];
    if (now.smsUrl !== after.numberInbound.smsUrl) {
      differences.push(
        now.smsUrl === null
          ? { key: 'MessagingSetupRefusalDiffNoSmsUrl' }
          : { key: 'MessagingSetupRefusalDiffSmsUrl', values: { value: now.smsUrl } },
      );
    }
    if (now.smsApplicationSid !== after.numberInbound.smsApplicationSid) {
      const application = now.smsApplicationSid;
      differences.push(
        application === null
          ? { key: 'MessagingSetupRefusalDiffNoSmsApplication' }
          : { key: 'MessagingSetupRefusalDiffSmsApplication', values: { value: application } },
      );
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
