import { flexFunction } from '../http/flexFunction';
import { addressSettingsParams } from '../lib/addressParams';
import { parseUpdateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';
import { summariseAddress } from '../lib/summaries';

/**
 * Changes an address configuration's settings (its type and address cannot change); the Studio
 * flow and conversation service it names must exist (400 otherwise).
 */
export const handler = flexFunction<'update-address'>({
  name: 'update-address',
  parse: parseUpdateAddress,
  async run({ sid, ...settings }, { client }) {
    await assertReferencesExist(client, settings);
    const updated = await client.conversations.v1.addressConfigurations(sid).update(addressSettingsParams(settings));
    return summariseAddress(updated);
  },
});
