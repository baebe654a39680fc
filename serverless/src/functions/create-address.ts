import { flexFunction } from '../http/flexFunction';
import { createAddressConfiguration } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';

/**
 * Creates an SMS or WhatsApp address configuration. Never re-sent on 5xx or a lost answer (see
 * RetryingRequestClient); createAddressConfiguration looks instead, and an identical address that
 * already exists is the result, so a retry or a bulk re-run is never a failure or a duplicate.
 * The Studio flow, conversation service and SMS number it names must exist (400 otherwise).
 */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  async run(input, { client }) {
    await assertReferencesExist(client, input);
    return (await createAddressConfiguration(client, input)).address;
  },
});
