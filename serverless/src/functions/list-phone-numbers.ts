import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListRequest } from '../lib/parseRequests';
import { summarisePhoneNumber } from '../lib/summaries';

/** The account's phone numbers, 1000 a page (API 2010's maximum). */
export const handler = flexFunction<'list-phone-numbers'>({
  name: 'list-phone-numbers',
  parse: parseListRequest,
  async run({ cursor }, { client }) {
    const page = await client.incomingPhoneNumbers.page({ pageSize: 1000, ...decodeCursor(cursor) });
    return { items: page.instances.map(summarisePhoneNumber), nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
