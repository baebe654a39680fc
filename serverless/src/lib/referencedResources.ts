import { listOf, type ContractProblem } from '../../../src/contract/messages';
import type { AddressInput } from '../../../src/contract/types';
import twilio from 'twilio';

import { BackendError } from '../http/backendError';
import type { TwilioClient } from '../twilio/clientFactory';

/**
 * Before an address is created or changed, the resources its settings name must exist: Twilio
 * accepts an address that points at a Studio flow or a conversation service that is not there (or
 * an SMS address for a number the account does not own), and the customer's messages then simply
 * never arrive. A missing one is a 400 that names it.
 *
 * Bulk create sends one create-address per row, mostly with the same flow and service, so what
 * was found is remembered per account for a minute (a resource deleted meanwhile is not caught
 * then; Twilio would not have caught it either), what was not found for 10 s (a flow made in
 * Studio a moment later is seen soon), and rows asking at the same time share one lookup: a bulk
 * run costs one lookup per distinct resource, not one per row.
 */
export const FOUND_TTL_MS = 60_000;
export const MISSING_TTL_MS = 10_000;
const MAX_REMEMBERED = 1000;

type Kind = 'studioFlow' | 'conversationService' | 'smsNumber';

interface Remembered {
  exists: Promise<boolean>;
  /** When the answer stops counting (set once it is known). */
  until: number;
}

/** Per client (one per account and transport), so one account's answers never serve another. */
const remembered = new WeakMap<TwilioClient, Map<string, Remembered>>();

function rememberedFor(client: TwilioClient): Map<string, Remembered> {
  let entries = remembered.get(client);
  if (!entries) {
    entries = new Map();
    remembered.set(client, entries);
  }
  return entries;
}

/** True when the fetch finds the resource, false when Twilio says 404; other failures are thrown. */
const fetched = (fetching: Promise<unknown>): Promise<boolean> =>
  fetching.then(
    () => true,
    (error: unknown) => {
      if (error instanceof twilio.RestException && error.status === 404) return false;
      throw error;
    },
  );

async function lookUp(client: TwilioClient, kind: Kind, id: string): Promise<boolean> {
  switch (kind) {
    case 'studioFlow':
      return fetched(client.studio.v2.flows(id).fetch());
    case 'conversationService':
      return fetched(client.conversations.v1.services(id).fetch());
    case 'smsNumber':
      return (await client.incomingPhoneNumbers.list({ phoneNumber: id, limit: 1 })).some(
        (number) => number.phoneNumber === id,
      );
  }
}

function exists(client: TwilioClient, kind: Kind, id: string): Promise<boolean> {
  const entries = rememberedFor(client);
  const key = `${kind}:${id}`;
  const known = entries.get(key);
  if (known && known.until > Date.now()) return known.exists;
  if (entries.size >= MAX_REMEMBERED) entries.clear();
  const entry: Remembered = { exists: lookUp(client, kind, id), until: Number.POSITIVE_INFINITY };
  entries.set(key, entry);
  entry.exists.then(
    (found) => {
      entry.until = Date.now() + (found ? FOUND_TTL_MS : MISSING_TTL_MS);
    },
    // A failed lookup settles nothing: the next call asks again.
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  return entry.exists;
}

type References = Partial<Pick<AddressInput, 'type' | 'address' | 'integration' | 'conversationServiceSid'>>;

/**
 * Throws 400 `resource_not_found` naming each missing resource (field by field, as a form shows
 * it) when the settings name a Studio flow, a conversation service or an SMS number that the
 * account does not have. The lookups run side by side.
 */
export async function assertReferencesExist(client: TwilioClient, settings: References): Promise<void> {
  /** `missing`: as part of the sentence of them all; `field`: as its field says it. */
  const checks: { field: string; kind: Kind; id: string; missing: ContractProblem; atField: ContractProblem }[] = [];
  if (settings.integration?.type === 'studio') {
    const sid = settings.integration.studioFlowSid;
    checks.push({
      field: 'studioFlowSid',
      kind: 'studioFlow',
      id: sid,
      missing: { key: 'MessagingSetupRefusalMissingStudioFlow', values: { sid } },
      atField: { key: 'MessagingSetupRefusalMissingStudioFlowField', values: { sid } },
    });
  }
  if (settings.conversationServiceSid) {
    const sid = settings.conversationServiceSid;
    checks.push({
      field: 'conversationServiceSid',
      kind: 'conversationService',
      id: sid,
      missing: { key: 'MessagingSetupRefusalMissingService', values: { sid } },
      atField: { key: 'MessagingSetupRefusalMissingServiceField', values: { sid } },
    });
  }
  if (settings.type === 'sms' && settings.address) {
    const number = settings.address;
    checks.push({
      field: 'address',
      kind: 'smsNumber',
      id: number,
      missing: { key: 'MessagingSetupRefusalMissingNumber', values: { number } },
      atField: { key: 'MessagingSetupRefusalMissingNumberField', values: { number } },
    });
  }
  const found = await Promise.all(checks.map((check) => exists(client, check.kind, check.id)));
  const missing = checks.filter((_, index) => !found[index]);
  if (missing.length === 0) return;
  const fields = Object.fromEntries(missing.map((check) => [check.field, check.atField]));
  throw new BackendError(
    400,
    'resource_not_found',
    {
      key: 'MessagingSetupRefusalNotSaved',
      values: {
        missing: listOf(
          missing.map((check) => check.missing),
          '; ',
        ),
      },
    },
    fields,
  );
}
