import { READ_ONLY_ADDRESS_TYPES, type ReadOnlyAddressType } from '../../../contract/channels';
import type { MessagingSetupStringKey } from '../strings';

/**
 * The address types Twilio holds that Flex does not route, each with what Twilio's docs support
 * saying of it (docs/SANDBOX.md, "Channels: what each rests on"): listed read-only.
 */
export const READ_ONLY_CHANNELS: Record<
  ReadOnlyAddressType,
  { label: MessagingSetupStringKey; note: MessagingSetupStringKey }
> = {
  rcs: { label: 'MessagingSetupTypeRcs', note: 'MessagingSetupReadOnlyRcs' },
  apple: { label: 'MessagingSetupTypeApple', note: 'MessagingSetupReadOnlyApple' },
  gbm: { label: 'MessagingSetupTypeGbm', note: 'MessagingSetupReadOnlyGbm' },
};

export const isReadOnlyType = (type: string): type is ReadOnlyAddressType =>
  (READ_ONLY_ADDRESS_TYPES as readonly string[]).includes(type);
