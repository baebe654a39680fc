import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { numberInboundOf, numberResource } from '../history/resources';
import { parseUpdateNumberInbound } from '../lib/parseRequests';
import { summarisePhoneNumber } from '../lib/summaries';

/**
 * Sets or clears a number's own inbound handlers ("A message comes in" URL, SMS application),
 * which run in parallel with its Conversations address. Answers the previous values so the view
 * can offer undo: nothing is lost. An update whose answer was lost is settled by reading the
 * number: the asked-for values there → it happened (recorded); otherwise, as unknown, nothing is.
 */
export const handler = flexFunction<'update-number-inbound'>({
  name: 'update-number-inbound',
  parse: parseUpdateNumberInbound,
  run: ({ sid, smsUrl, smsApplicationSid }, deps) =>
    recordChange(
      deps,
      {
        kind: 'update-number-inbound',
        resource: { type: 'phone-number', sid, address: null },
        look: async (tracked) => {
          const number = summarisePhoneNumber(await deps.client.incomingPhoneNumbers(sid).fetch());
          // "" clears a handler, which Twilio then reads back as null.
          const is = (asked: string | undefined, now: string | null) => asked === undefined || (asked || null) === now;
          const earlier = tracked.before !== null && 'numberInbound' in tracked.before ? tracked.before : undefined;
          if (!earlier || !is(smsUrl, number.smsUrl) || !is(smsApplicationSid, number.smsApplicationSid)) {
            throw new Error('cannot tell');
          }
          const { smsUrl: previousUrl, smsApplicationSid: previousApplication } = earlier.numberInbound;
          return {
            applied: true,
            done: {
              result: { previous: { smsUrl: previousUrl, smsApplicationSid: previousApplication }, number },
              after: numberInboundOf(number),
            },
          };
        },
      },
      async (tracked) => {
        const before = summarisePhoneNumber(await deps.client.incomingPhoneNumbers(sid).fetch());
        tracked.resource = numberResource(before);
        tracked.before = numberInboundOf(before);
        const after = summarisePhoneNumber(
          await deps.client.incomingPhoneNumbers(sid).update({
            ...(smsUrl !== undefined ? { smsUrl } : {}),
            ...(smsApplicationSid !== undefined ? { smsApplicationSid } : {}),
          }),
        );
        return {
          result: { previous: { smsUrl: before.smsUrl, smsApplicationSid: before.smsApplicationSid }, number: after },
          after: numberInboundOf(after),
        };
      },
    ),
});
