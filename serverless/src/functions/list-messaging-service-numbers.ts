import { flexFunction } from '../http/flexFunction';
import { parseNothing } from '../lib/parseRequests';

/** How many services are read at once: a few parallel lists, never a burst that draws 429s. */
const CONCURRENCY = 4;

/** Which numbers sit in which Messaging Service (their inbound settings override the number's). */
export const handler = flexFunction<'list-messaging-service-numbers'>({
  name: 'list-messaging-service-numbers',
  parse: parseNothing,
  async run(_input, { client }) {
    const services = await client.messaging.v1.services.list({ pageSize: 1000 });
    const result: { sid: string; friendlyName: string; phoneNumberSids: string[] }[] = [];
    for (let i = 0; i < services.length; i += CONCURRENCY) {
      const batch = services.slice(i, i + CONCURRENCY);
      const numbers = await Promise.all(
        batch.map((s) => client.messaging.v1.services(s.sid).phoneNumbers.list({ pageSize: 1000 })),
      );
      batch.forEach((s, j) =>
        result.push({ sid: s.sid, friendlyName: s.friendlyName, phoneNumberSids: numbers[j].map((n) => n.sid) }),
      );
    }
    return { services: result };
  },
});
