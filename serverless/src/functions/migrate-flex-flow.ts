import { flexFunction } from '../http/flexFunction';
import { migrateFlexFlow } from '../lib/migrateFlexFlow';
import { parseMigrateFlexFlowRequest } from '../lib/parseRequests';

/**
 * Replaces a legacy SMS/WhatsApp Flex Flow with a Conversations Address (same number, Studio flow
 * and retry count; Flex's conversation service). 409 when the flow cannot be migrated
 * automatically; otherwise 200 with the outcome and every step, also when a step failed.
 */
export const handler = flexFunction<'migrate-flex-flow'>({
  name: 'migrate-flex-flow',
  parse: parseMigrateFlexFlowRequest,
  run: (input, { client }) => migrateFlexFlow(client, input),
});
