/**
 * Address types Twilio's spec has that Flex does not route, listed read-only so nothing on the
 * account is invisible. Each says only what Twilio's docs support (docs/SANDBOX.md, "Channels").
 */
export const READ_ONLY_ADDRESS_TYPES = ['rcs', 'apple', 'gbm'] as const;
export type ReadOnlyAddressType = (typeof READ_ONLY_ADDRESS_TYPES)[number];
