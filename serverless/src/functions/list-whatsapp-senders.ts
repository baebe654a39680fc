import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListRequest } from '../lib/parseRequests';
import { summariseSender } from '../lib/summaries';

/** The account's WhatsApp senders (Senders API v2), 1000 a page. */
export const handler = flexFunction<'list-whatsapp-senders'>({
  name: 'list-whatsapp-senders',
  parse: parseListRequest,
  async run({ cursor }, { client }) {
    const page = await client.messaging.v2.channelsSenders.page({
      channel: 'whatsapp',
      pageSize: 1000,
      ...decodeCursor(cursor),
    });
    return { items: page.instances.map(summariseSender), nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
