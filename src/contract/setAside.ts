/**
 * Where a set-aside mark ("not for Flex") lives, so the backend that writes the marks, the
 * sandbox that seeds a demo account's and the plugin that matches rows to them agree on one key.
 */
import type { SetAsideChannel } from './types';

/** The Sync Map, by unique name in the backend's own service (beside the history), that holds the marks. */
export const SET_ASIDE_MAP_NAME = 'messaging-setup-set-aside';

/**
 * The item key of a number's or sender's mark: its channel and the E.164 digits (`sms-14155550100`,
 * `whatsapp-14155550100`), so the key holds neither `+` nor `:` and is the same however the
 * address reached us. The backend checks the address (parseSetNumberAside) before a key is made of it.
 */
export const setAsideKeyOf = (channel: SetAsideChannel, address: string): string =>
  `${channel}-${address.replace(/^whatsapp:/, '').replace(/^\+/, '')}`;
