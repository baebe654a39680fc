import { addressMismatches } from '../../../src/contract/flexFlowMigration';
import type { ContractProblem } from '../../../src/contract/messages';
import type { AddressSummary } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { createFoundDone } from '../history/foundDone';
import { recordChange, SETTLED_BY_LOOKING } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { createAddressConfiguration, findAddressConfiguration } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';

const alreadyThere = (address: AddressSummary): ContractProblem => ({
  key: 'MessagingSetupRefusalAddressAlreadyThere',
  values: { address: address.address, sid: address.sid },
});

/**
 * Creates an address configuration of any type Flex routes (contract/channels/). Never re-sent on
 * 5xx or a lost answer (see RetryingRequestClient); createAddressConfiguration looks instead, and
 * an identical address that already exists is the result, so a retry or a bulk re-run is never a
 * failure or a duplicate. The Studio flow, conversation service and SMS number it names must exist
 * (400 otherwise); an email address's domain must be one the account has authenticated (Twilio's
 * check, answered as a 400 naming the domain). One history entry; none when an identical address
 * was already there and an entry records it (nothing changed). One made a moment ago that no entry
 * records (an earlier try whose answer was lost) is recorded now, with a note (history/foundDone.ts).
 */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  run: ({ bulk, ...input }, deps) =>
    recordChange(
      deps,
      {
        kind: 'create-address',
        resource: { type: 'address', sid: null, address: input.address },
        bulk,
        // The create may land after "cannot tell": an identical address found now is it.
        look: async (tracked) => {
          const found = await findAddressConfiguration(deps.client, input.address);
          if (!found || addressMismatches(input, found).length > 0) return { applied: false };
          return {
            applied: true,
            done: await createFoundDone(deps, tracked, found, alreadyThere(found), SETTLED_BY_LOOKING),
          };
        },
      },
      async (tracked) => {
        await assertReferencesExist(deps.client, input);
        const { address, alreadyExisted } = await createAddressConfiguration(deps.client, input);
        if (alreadyExisted) return createFoundDone(deps, tracked, address, alreadyThere(address));
        tracked.resource = addressResource(address);
        return { result: address, after: { address } };
      },
    ),
});
