import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListRequest } from '../lib/parseRequests';
import { summariseFlexFlow } from '../lib/summaries';

/** Legacy Flex Flows (Flex UI 1.x messaging handlers), 1000 a page. */
export const handler = flexFunction<'list-flex-flows'>({
  name: 'list-flex-flows',
  parse: parseListRequest,
  async run({ cursor }, { client }) {
    const page = await client.flexApi.v1.flexFlow.page({ pageSize: 1000, ...decodeCursor(cursor) });
    return { items: page.instances.map(summariseFlexFlow), nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
