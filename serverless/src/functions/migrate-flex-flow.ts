import type { AddressSummary, FlexFlowSummary } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { flexFlowResource } from '../history/resources';
import { migrateFlexFlow } from '../lib/migrateFlexFlow';
import { parseMigrateFlexFlowRequest } from '../lib/parseRequests';

/**
 * Replaces a legacy SMS/WhatsApp Flex Flow with a Conversations Address (same number, Studio flow
 * and retry count; Flex's conversation service). 409 when the flow cannot be migrated
 * automatically; otherwise 200 with the outcome and every step, also when a step failed.
 * One history entry about the flow: before, the flow (and the number's address, when the
 * migration brought an existing one to the flow's settings); after, the address.
 */
export const handler = flexFunction<'migrate-flex-flow'>({
  name: 'migrate-flex-flow',
  parse: parseMigrateFlexFlowRequest,
  run: (input, deps) =>
    recordChange(
      deps,
      { kind: 'migrate-flex-flow', resource: { type: 'flex-flow', sid: input.sid, address: null } },
      async (tracked) => {
        const seen: { flow?: FlexFlowSummary; replacedAddress?: AddressSummary } = {};
        const track = () => {
          if (!seen.flow) return;
          tracked.resource = flexFlowResource(seen.flow);
          tracked.before = {
            flexFlow: seen.flow,
            ...(seen.replacedAddress ? { address: seen.replacedAddress } : {}),
          };
        };
        let migration;
        try {
          migration = await migrateFlexFlow(deps.client, input, seen);
        } finally {
          track();
        }
        const { answer: result, said } = migration;
        const after = result.address ? { address: result.address } : null;
        if (result.outcome === 'migrated') return { result, after };
        // Undone (`unchanged`) or left half-way (`needs_attention`): not the change asked for.
        return { result, after: result.outcome === 'unchanged' ? tracked.before : after, failed: said };
      },
    ),
});
