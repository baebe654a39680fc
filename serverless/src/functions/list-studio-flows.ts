import { STUDIO_DEFINITIONS_READ } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListRequest } from '../lib/parseRequests';
import { summariseFlow } from '../lib/summaries';
import { studioRoutesOf } from '../lib/studioRoutes';

/**
 * Studio flows with their published status, 1000 a page, and for the published ones whether they
 * hand a new conversation to Flex: Twilio's list leaves the definition out, so each is fetched.
 */
export const handler = flexFunction<'list-studio-flows'>({
  name: 'list-studio-flows',
  parse: parseListRequest,
  async run({ cursor }, { client }) {
    const page = await client.studio.v2.flows.page({ pageSize: 1000, ...decodeCursor(cursor) });
    const routes = await studioRoutesOf(client, page.instances, STUDIO_DEFINITIONS_READ);
    return {
      items: page.instances.map((flow) => ({
        ...summariseFlow(flow),
        conversationRoute: routes.get(flow.sid) ?? 'unknown',
      })),
      nextCursor: encodeCursor(page.nextPageUrl),
    };
  },
});
