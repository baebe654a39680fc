import type { ContractProblem } from '../../../src/contract/messages';
import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { createAddressConfiguration } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';

/**
 * Creates an address configuration of any type Flex routes (contract/channels/). Never re-sent on
 * 5xx or a lost answer (see RetryingRequestClient); createAddressConfiguration looks instead, and
 * an identical address that already exists is the result, so a retry or a bulk re-run is never a
 * failure or a duplicate. The Studio flow, conversation service and SMS number it names must exist
 * (400 otherwise); an email address's domain must be one the account has authenticated (Twilio's
 * check, answered as a 400 naming the domain). One history entry; none when an identical address
 * was already there (nothing changed).
 */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  run: ({ bulk, ...input }, deps) =>
    recordChange(
      deps,
      { kind: 'create-address', resource: { type: 'address', sid: null, address: input.address }, bulk },
      async (tracked) => {
        await assertReferencesExist(deps.client, input);
        const { address, alreadyExisted } = await createAddressConfiguration(deps.client, input);
        tracked.resource = addressResource(address);
        // Nothing changed: nothing to record, and the receipt says why.
        const unrecorded: ContractProblem = {
          key: 'MessagingSetupRefusalAddressAlreadyThere',
          values: { address: address.address, sid: address.sid },
        };
        return { result: address, after: { address }, ...(alreadyExisted ? { unrecorded } : {}) };
      },
    ),
});
