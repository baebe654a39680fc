import { flexFunction } from '../http/flexFunction';
import { parseUpdateNumberInbound } from '../lib/parseRequests';
import { summarisePhoneNumber } from '../lib/summaries';

/**
 * Sets or clears a number's own inbound handlers ("A message comes in" URL, SMS application),
 * which run in parallel with its Conversations address. Answers the previous values so the view
 * can offer undo: nothing is lost.
 */
export const handler = flexFunction<'update-number-inbound'>({
  name: 'update-number-inbound',
  parse: parseUpdateNumberInbound,
  async run({ sid, smsUrl, smsApplicationSid }, { client }) {
    const before = summarisePhoneNumber(await client.incomingPhoneNumbers(sid).fetch());
    const after = await client.incomingPhoneNumbers(sid).update({
      ...(smsUrl !== undefined ? { smsUrl } : {}),
      ...(smsApplicationSid !== undefined ? { smsApplicationSid } : {}),
    });
    return {
      previous: { smsUrl: before.smsUrl, smsApplicationSid: before.smsApplicationSid },
      number: summarisePhoneNumber(after),
    };
  },
});
