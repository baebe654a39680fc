import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListRequest } from '../lib/parseRequests';
import { summariseFlow } from '../lib/summaries';

/** Studio flows with their published status, 1000 a page. */
export const handler = flexFunction<'list-studio-flows'>({
  name: 'list-studio-flows',
  parse: parseListRequest,
  async run({ cursor }, { client }) {
    const page = await client.studio.v2.flows.page({ pageSize: 1000, ...decodeCursor(cursor) });
    return { items: page.instances.map(summariseFlow), nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
