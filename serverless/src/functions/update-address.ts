import { addressMismatches } from '../../../src/contract/flexFlowMigration';
import { flexFunction } from '../http/flexFunction';
import { addressInputOf } from '../history/kinds/addresses';
import { recordChange } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { addressSettingsParams, findAddressConfiguration } from '../lib/addressParams';
import { parseUpdateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';
import { summariseAddress } from '../lib/summaries';

/**
 * Changes an address configuration's settings (its type and address cannot change); the Studio
 * flow and conversation service it names must exist (400 otherwise). Reads it first, for the
 * history entry's before-state. An update whose answer was lost is settled by reading the address:
 * the asked-for settings are there → it happened; its earlier settings → it did not; anything
 * else (someone else changed it meanwhile) cannot be told, and nothing is recorded.
 */
export const handler = flexFunction<'update-address'>({
  name: 'update-address',
  parse: parseUpdateAddress,
  run: ({ sid, ...settings }, deps) =>
    recordChange(
      deps,
      {
        kind: 'update-address',
        resource: { type: 'address', sid, address: null },
        look: async (tracked) => {
          const earlier = tracked.before !== null && 'address' in tracked.before ? tracked.before.address : undefined;
          const now = await findAddressConfiguration(deps.client, sid);
          if (!earlier || !now) throw new Error('cannot tell');
          const asked = { ...addressInputOf(earlier), ...settings };
          if (addressMismatches(asked, now).length === 0) {
            return { applied: true, done: { result: now, after: { address: now } } };
          }
          if (addressMismatches(addressInputOf(earlier), now).length === 0) return { applied: false };
          throw new Error('cannot tell');
        },
      },
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
