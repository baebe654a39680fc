import { flexFunction } from '../http/flexFunction';
import { parseDeleteAddress } from '../lib/parseRequests';

/** Deletes an address configuration: new messages stop creating conversations; open ones stay. */
export const handler = flexFunction<'delete-address'>({
  name: 'delete-address',
  parse: parseDeleteAddress,
  async run({ sid }, { client }) {
    await client.conversations.v1.addressConfigurations(sid).remove();
    return { deleted: sid };
  },
});
