import { flexFunction } from '../http/flexFunction';
import { createAddressConfiguration } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';

/** Creates an SMS or WhatsApp address configuration. Never retried on 5xx (see RetryingRequestClient). */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  run: (input, { client }) => createAddressConfiguration(client, input),
});
