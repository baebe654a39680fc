import { flexFunction } from '../http/flexFunction';
import { parseFlexFlowRequest } from '../lib/parseRequests';

/** Deletes a legacy Flex Flow: its contact identity stops creating Flex UI 1.x tasks. */
export const handler = flexFunction<'delete-flex-flow'>({
  name: 'delete-flex-flow',
  parse: parseFlexFlowRequest,
  async run({ sid }, { client }) {
    await client.flexApi.v1.flexFlow(sid).remove();
    return { deleted: sid };
  },
});
