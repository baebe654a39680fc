import { NON_PHONE_ADDRESS_TYPES, type AddressSummary } from '../../../src/contract/types';
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
 * Address configurations. With `type` the list is filtered by Twilio, page by page; with the
 * `non-phone` group, every type but SMS and WhatsApp is listed side by side, all of it in one
 * answer; with neither, every address on the account, page by page.
 */
export const handler = flexFunction<'list-addresses'>({
  name: 'list-addresses',
  parse: parseListAddressesRequest,
  async run({ cursor, type, group }, { client }) {
    if (group === 'non-phone') {
      const lists = await Promise.all(
        NON_PHONE_ADDRESS_TYPES.map((t) =>
          client.conversations.v1.addressConfigurations.list({ type: t, pageSize: 50 }),
        ),
      );
      return { items: lists.flat().map(summariseAddress), nextCursor: null };
    }
    const started = Date.now();
    let page = await client.conversations.v1.addressConfigurations.page({
      pageSize: 50,
      ...(type ? { type } : {}),
      ...decodeCursor(cursor),
    });
    const items: AddressSummary[] = [];
    for (let pages = 1; ; pages += 1) {
      items.push(...page.instances.map(summariseAddress));
      if (!page.nextPageUrl || pages >= TWILIO_PAGES_PER_CALL || Date.now() - started > TIME_BUDGET_MS) break;
      // Twilio's own next-page link, followed inside this call (cursors never carry URLs).
      const next = await page.nextPage();
      if (!next) break;
      page = next as typeof page;
    }
    return { items, nextCursor: encodeCursor(page.nextPageUrl) };
  },
});
