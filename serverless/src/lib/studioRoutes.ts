import { studioConversationRoute, type StudioConversationRoute } from '../../../src/contract/studioFlowRoute';
import { inGroups } from '../evidence/inGroups';
import type { TwilioClient } from '../twilio/clientFactory';

/** Definitions fetched at once: Twilio answers a few requests at once best. */
const FETCHES_AT_ONCE = 6;

/**
 * The conversation route of each published flow among `flows` (the first `max` of them), read from
 * its definition; a flow whose fetch fails is `unknown`, never a failed call: the list still answers.
 */
export async function studioRoutesOf(
  client: TwilioClient,
  flows: readonly { sid: string; status: string }[],
  max: number,
): Promise<Map<string, StudioConversationRoute>> {
  const published = flows.filter((flow) => flow.status === 'published').slice(0, max);
  const routes = await inGroups(published, FETCHES_AT_ONCE, async (flow) => {
    try {
      const fetched = await client.studio.v2.flows(flow.sid).fetch();
      return [flow.sid, studioConversationRoute(fetched.definition)] as const;
    } catch {
      return [flow.sid, 'unknown' as const] as const;
    }
  });
  return new Map(routes);
}
