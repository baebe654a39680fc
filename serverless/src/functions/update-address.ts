import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { addressSettingsParams } from '../lib/addressParams';
import { parseUpdateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';
import { summariseAddress } from '../lib/summaries';

/**
 * Changes an address configuration's settings (its type and address cannot change); the Studio
 * flow and conversation service it names must exist (400 otherwise). Reads it first, for the
 * history entry's before-state.
 */
export const handler = flexFunction<'update-address'>({
  name: 'update-address',
  parse: parseUpdateAddress,
  run: ({ sid, ...settings }, deps) =>
    recordChange(
      deps,
      { kind: 'update-address', resource: { type: 'address', sid, address: null } },
      async (tracked) => {
        const address = deps.client.conversations.v1.addressConfigurations(sid);
        const before = summariseAddress(await address.fetch());
        tracked.resource = addressResource(before);
        tracked.before = { address: before };
        await assertReferencesExist(deps.client, settings);
        const updated = summariseAddress(await address.update(addressSettingsParams(settings)));
        return { result: updated, after: { address: updated } };
      },
    ),
});
