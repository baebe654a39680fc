import { ADDRESS_TYPES } from '../../../src/feature/messaging-setup/api/types';
import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListAddressesRequest } from '../lib/parseRequests';
import { summariseAddress } from '../lib/summaries';

/**
 * SMS and WhatsApp address configurations, 50 a page (the API's maximum). With `type` the list is
 * filtered by Twilio; without it, other address types (webchat, email…) are left out here.
 */
export const handler = flexFunction<'list-addresses'>({
  name: 'list-addresses',
  parse: parseListAddressesRequest,
  async run({ cursor, type }, { client }) {
    const page = await client.conversations.v1.addressConfigurations.page({
      pageSize: 50,
      ...(type ? { type } : {}),
      ...decodeCursor(cursor),
    });
    const items = page.instances
      .filter((a) => ADDRESS_TYPES.includes(a.type as (typeof ADDRESS_TYPES)[number]))
      .map(summariseAddress);
    return { items, nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
