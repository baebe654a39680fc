import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { parseDeleteAddress } from '../lib/parseRequests';
import { summariseAddress } from '../lib/summaries';

/**
 * Deletes an address configuration: new messages stop creating conversations; open ones stay.
 * Reads it first, so its history entry holds what was deleted (and a revert can make it again).
 */
export const handler = flexFunction<'delete-address'>({
  name: 'delete-address',
  parse: parseDeleteAddress,
  run: ({ sid }, deps) =>
    recordChange(
      deps,
      { kind: 'delete-address', resource: { type: 'address', sid, address: null } },
      async (tracked) => {
        const address = deps.client.conversations.v1.addressConfigurations(sid);
        const before = summariseAddress(await address.fetch());
        tracked.resource = addressResource(before);
        tracked.before = { address: before };
        await address.remove();
        return { result: { deleted: sid }, after: null };
      },
    ),
});
