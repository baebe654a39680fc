import { flexFunction } from '../http/flexFunction';
import { createAddressConfiguration } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';

/**
 * Creates an SMS or WhatsApp address configuration. Never re-sent on 5xx or a lost answer (see
 * RetryingRequestClient); createAddressConfiguration looks instead, and an identical address that
 * already exists is the result, so a retry or a bulk re-run is never a failure or a duplicate.
 */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  run: async (input, { client }) => (await createAddressConfiguration(client, input)).address,
});
