import { ADDRESS_TYPES, type AddressSummary } from '../../../src/contract/types';
import { flexFunction } from '../http/flexFunction';
import { decodeCursor, encodeCursor } from '../lib/cursor';
import { parseListAddressesRequest } from '../lib/parseRequests';
import { summariseAddress } from '../lib/summaries';

/**
 * Twilio serves addresses 50 a page at most, one page after another, so a large account's list is
 * a long chain. Each call follows up to this many of Twilio's pages (while time allows), so the
 * chain pays the plugin-to-backend round trip once per five pages instead of once per page.
 */
const TWILIO_PAGES_PER_CALL = 5;
/** Stop following pages after this long: far inside Twilio Functions' 10 s limit. */
const TIME_BUDGET_MS = 3000;

/**
 * SMS and WhatsApp address configurations. With `type` the list is filtered by Twilio; without it,
 * other address types (webchat, email…) are left out here.
 */
export const handler = flexFunction<'list-addresses'>({
  name: 'list-addresses',
  parse: parseListAddressesRequest,
  async run({ cursor, type }, { client }) {
    const started = Date.now();
    let page = await client.conversations.v1.addressConfigurations.page({
      pageSize: 50,
      ...(type ? { type } : {}),
      ...decodeCursor(cursor),
    });
    const items: AddressSummary[] = [];
    for (let pages = 1; ; pages += 1) {
      for (const a of page.instances) {
        if (ADDRESS_TYPES.includes(a.type as (typeof ADDRESS_TYPES)[number])) items.push(summariseAddress(a));
      }
      if (!page.nextPageUrl || pages >= TWILIO_PAGES_PER_CALL || Date.now() - started > TIME_BUDGET_MS) break;
      // Twilio's own next-page link, followed inside this call (cursors never carry URLs).
      const next = await page.nextPage();
      if (!next) break;
      page = next as typeof page;
    }
    return { items, nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
