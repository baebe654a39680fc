import { emailDomainOf } from '../../../src/contract/channels';
import { addressMismatches } from '../../../src/contract/flexFlowMigration';
import type { AddressInput, AddressSummary } from '../../../src/contract/types';
import twilio from 'twilio';

import { BackendError, toBackendError } from '../http/backendError';
import type { TwilioClient } from '../twilio/clientFactory';
import { summariseAddress } from './summaries';
import { cannotTell, gotNoAnswer, lookAfterUnknownOutcome, outcomeUnknown } from './writeOutcome';

type Settings = Pick<AddressInput, 'friendlyName' | 'autoCreationEnabled' | 'integration' | 'conversationServiceSid'>;

/** Twilio's error code for "an address configuration already exists for this address". */
export const ADDRESS_EXISTS_CODE = 50438;

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

/** The address configuration for `address` (an address configuration is fetched by SID or by address), or undefined. */
export async function findAddressConfiguration(
  client: TwilioClient,
  address: string,
): Promise<AddressSummary | undefined> {
  try {
    return summariseAddress(await client.conversations.v1.addressConfigurations(encodeURIComponent(address)).fetch());
  } catch (error) {
    if (error instanceof twilio.RestException && error.status === 404) return undefined;
    throw error;
  }
}

const isAddressExists = (error: unknown): boolean =>
  error instanceof twilio.RestException && (error.code === ADDRESS_EXISTS_CODE || error.status === 409);

/** How a create ended: made now, or an identical address was already there (nothing was made). */
export interface CreatedAddress {
  address: AddressSummary;
  alreadyExisted: boolean;
}

function existsWithOtherSettings(existing: AddressSummary, differences: string[]): BackendError {
  return new BackendError(
    409,
    'conflict',
    `An address configuration already exists for ${existing.address} (${existing.sid}) with other settings: ` +
      `${differences.join(', ')}. Edit that address instead.`,
    { address: `${existing.address} already has an address (${existing.sid}).` },
  );
}

/**
 * Twilio creates an email address only on a domain the account has added and authenticated
 * (Flex › Manage › Email; twilio.com/docs/flex/admin-guide/setup/email/address-creation). No
 * source gives its refusal's code, so a 400 for an email address whose message speaks of its
 * domain is taken as that refusal and answered naming the domain and where to authenticate it;
 * any other 400 for an email address keeps Twilio's message and names the domain to check.
 */
function emailRefusal(input: AddressInput, error: unknown): BackendError | undefined {
  if (input.type !== 'email' || !(error instanceof twilio.RestException) || error.status !== 400) return undefined;
  const domain = emailDomainOf(input.address);
  const twilioMessage = toBackendError(error).message;
  if (twilioMessage.toLowerCase().includes(domain) || /\bdomain\b/i.test(twilioMessage)) {
    return new BackendError(
      400,
      'email_domain_not_authenticated',
      `Twilio refused ${input.address}: the domain ${domain} is not authenticated on this account. ` +
        `Add and authenticate ${domain} in Flex › Manage › Email, then create the address.`,
      { address: `The domain ${domain} is not authenticated on this account (Flex › Manage › Email).` },
    );
  }
  const sentence = /[.!?]$/.test(twilioMessage) ? twilioMessage : `${twilioMessage}.`;
  return new BackendError(
    400,
    'twilio_rejected',
    `Twilio refused ${input.address}: ${sentence} An email address must be on a domain the account has authenticated (Flex › Manage › Email): check ${domain}.`,
    { address: twilioMessage },
  );
}

/**
 * Creates an address configuration (create-address, bulk create and the Flex Flow migration all
 * use this), and answers the truth when Twilio's answer does not settle it:
 * - Twilio says the address already exists: if it has exactly the settings asked for, that is
 *   the result (`alreadyExisted`), so a retry or a bulk re-run never fails or duplicates; if not,
 *   409 naming what differs.
 * - No answer, or a 5xx: look it up by address. Found with the settings asked for: created.
 *   Found otherwise: someone else's, 409. Not found after a 5xx: not created (Twilio answered).
 *   Not found after no answer, or the look fails: it may still land — a 502/504 that says so.
 * - An email address on a domain the account has not authenticated: 400 naming the domain.
 */
export async function createAddressConfiguration(client: TwilioClient, input: AddressInput): Promise<CreatedAddress> {
  try {
    const created = await client.conversations.v1.addressConfigurations.create({
      type: input.type,
      address: input.address,
      ...addressSettingsParams(input),
    });
    return { address: summariseAddress(created), alreadyExisted: false };
  } catch (error) {
    const exists = isAddressExists(error);
    if (!exists && !outcomeUnknown(error)) throw emailRefusal(input, error) ?? error;
    const howToCheck = `Reload the view and look for an address for ${input.address} before trying again.`;
    const what = `the new address for ${input.address}`;
    const found = await lookAfterUnknownOutcome(what, howToCheck, () =>
      findAddressConfiguration(client, input.address),
    );
    if (found) {
      const differences = addressMismatches(input, found);
      if (differences.length > 0) throw existsWithOtherSettings(found, differences);
      return { address: found, alreadyExisted: exists };
    }
    if (exists || !gotNoAnswer(error)) throw error;
    throw cannotTell(what, howToCheck, error);
  }
}
