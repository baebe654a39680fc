import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { flexFlowResource } from '../history/resources';
import { parseFlexFlowRequest } from '../lib/parseRequests';
import { summariseFlexFlow } from '../lib/summaries';

/**
 * Deletes a legacy Flex Flow: its contact identity stops creating Flex UI 1.x tasks. Reads it
 * first, so its history entry holds what was deleted.
 */
export const handler = flexFunction<'delete-flex-flow'>({
  name: 'delete-flex-flow',
  parse: parseFlexFlowRequest,
  run: ({ sid }, deps) =>
    recordChange(
      deps,
      { kind: 'delete-flex-flow', resource: { type: 'flex-flow', sid, address: null } },
      async (tracked) => {
        const flow = deps.client.flexApi.v1.flexFlow(sid);
        const before = summariseFlexFlow(await flow.fetch());
        tracked.resource = flexFlowResource(before);
        tracked.before = { flexFlow: before };
        await flow.remove();
        return { result: { deleted: sid }, after: null };
      },
    ),
});
