import { flexFunction } from '../http/flexFunction';
import { addressSettingsParams } from '../lib/addressParams';
import { parseCreateAddress } from '../lib/parseRequests';
import { summariseAddress } from '../lib/summaries';

/** Creates an SMS or WhatsApp address configuration. Never retried on 5xx (see RetryingRequestClient). */
export const handler = flexFunction<'create-address'>({
  name: 'create-address',
  parse: parseCreateAddress,
  async run(input, { client }) {
    const created = await client.conversations.v1.addressConfigurations.create({
      type: input.type,
      address: input.address,
      ...addressSettingsParams(input),
    });
    return summariseAddress(created);
  },
});
