import { emailDomainOf } from '../../../src/contract/channels';
import { addressMismatches } from '../../../src/contract/flexFlowMigration';
import { listOf, type ContractProblem } from '../../../src/contract/messages';
import type { AddressInput, AddressSummary } from '../../../src/contract/types';
import twilio from 'twilio';

import { BackendError, shownTwilioMessage, toBackendError } from '../http/backendError';
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

function existsWithOtherSettings(existing: AddressSummary, differences: ContractProblem[]): BackendError {
  const { address, sid } = existing;
  return new BackendError(
    409,
    'conflict',
    { key: 'MessagingSetupRefusalAddressExists', values: { address, sid, differences: listOf(differences, ', ') } },
    { address: { key: 'MessagingSetupRefusalAddressTaken', values: { address, sid } } },
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
  const { address } = input;
  const refused = toBackendError(error);
  const twilioMessage = refused.message;
  if (twilioMessage.toLowerCase().includes(domain) || /\bdomain\b/i.test(twilioMessage)) {
    return new BackendError(
      400,
      'email_domain_not_authenticated',
      { key: 'MessagingSetupRefusalEmailDomain', values: { address, domain } },
      { address: { key: 'MessagingSetupRefusalEmailDomainField', values: { domain } } },
    );
  }
  // Twilio's message as a sentence (data), or ours when it gave none fit to show.
  const said = shownTwilioMessage(error.message);
  const sentence = said === undefined ? refused.problem : /[.!?]$/.test(said) ? said : `${said}.`;
  return new BackendError(
    400,
    'twilio_rejected',
    { key: 'MessagingSetupRefusalEmailRejected', values: { address, twilio: sentence, domain } },
    { address: refused.problem },
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
    const howToCheck: ContractProblem = {
      key: 'MessagingSetupRefusalCheckNewAddress',
      values: { address: input.address },
    };
    const what: ContractProblem = { key: 'MessagingSetupRefusalWhatNewAddress', values: { address: input.address } };
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
