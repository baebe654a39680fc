import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { numberInboundOf, numberResource } from '../history/resources';
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
  run: ({ sid, smsUrl, smsApplicationSid }, deps) =>
    recordChange(
      deps,
      { kind: 'update-number-inbound', resource: { type: 'phone-number', sid, address: null } },
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
