import type { AddressInput, AddressSummary } from '../../../src/feature/messaging-setup/api/types';
import type { TwilioClient } from '../twilio/clientFactory';
import { summariseAddress } from './summaries';

type Settings = Pick<AddressInput, 'friendlyName' | 'autoCreationEnabled' | 'integration' | 'conversationServiceSid'>;

/** Our address settings → twilio-node's `autoCreation.*` parameters (create and update share them). */
export function addressSettingsParams(settings: Settings) {
  const { integration } = settings;
  return {
    ...(settings.friendlyName !== undefined ? { friendlyName: settings.friendlyName } : {}),
    'autoCreation.enabled': settings.autoCreationEnabled,
    'autoCreation.type': integration.type,
    ...(settings.conversationServiceSid
      ? { 'autoCreation.conversationServiceSid': settings.conversationServiceSid }
      : {}),
    ...(integration.type === 'studio'
      ? {
          'autoCreation.studioFlowSid': integration.studioFlowSid,
          'autoCreation.studioRetryCount': integration.retryCount,
        }
      : {}),
    ...(integration.type === 'webhook'
      ? {
          'autoCreation.webhookUrl': integration.webhookUrl,
          'autoCreation.webhookMethod': integration.webhookMethod.toLowerCase() as 'get' | 'post',
          'autoCreation.webhookFilters': integration.webhookFilters,
        }
      : {}),
  };
}

/** Creates an address configuration (create-address and the Flex Flow migration both use this). */
export async function createAddressConfiguration(client: TwilioClient, input: AddressInput): Promise<AddressSummary> {
  const created = await client.conversations.v1.addressConfigurations.create({
    type: input.type,
    address: input.address,
    ...addressSettingsParams(input),
  });
  return summariseAddress(created);
}
