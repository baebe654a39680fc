import { expect, type APIRequestContext } from '@playwright/test';

import { credentialsFromEnv, DEFAULT_PORTS } from '../sandbox/server/config';

/**
 * The browser tests' view of the local stack from outside the browser: the Twilio sandbox's REST
 * API (what Twilio would answer), its control API, and the backend functions. Ports follow the
 * same env variables as `npm start`.
 */
export const SANDBOX_URL = `http://127.0.0.1:${process.env.TWILIO_SANDBOX_PORT || DEFAULT_PORTS.sandbox}`;
export const BACKEND_URL = `http://localhost:${process.env.BACKEND_PORT || DEFAULT_PORTS.backend}`;

const credentials = credentialsFromEnv();
const basicAuth = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;

/** The demo user the host page signs in as for a role (sandbox/host/hostServer.ts). */
export const demoIdentity = (role: string) => `demo.${role}@owl.example`;

/** POST /_sandbox/reset: a generated account (by default the default one, seed 1). Clears faults too. */
export async function resetSandbox(
  request: APIRequestContext,
  account: {
    numbers?: number;
    whatsappSenders?: number;
    seed?: number;
    clock?: 'fixed' | 'wall';
    evidence?: boolean;
  } = {},
): Promise<void> {
  const faults = await request.post(`${SANDBOX_URL}/_sandbox/faults`, { data: {} });
  expect(faults.ok(), 'POST /_sandbox/faults').toBe(true);
  const reset = await request.post(`${SANDBOX_URL}/_sandbox/reset`, { data: account });
  expect(reset.ok(), 'POST /_sandbox/reset').toBe(true);
}

/** A Flex token issued by the sandbox (what Flex gives a signed-in user). */
export async function issueToken(request: APIRequestContext, role: string): Promise<string> {
  const response = await request.post(`${SANDBOX_URL}/_sandbox/tokens`, {
    data: { identity: demoIdentity(role), roles: [role] },
  });
  expect(response.ok(), 'POST /_sandbox/tokens').toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** GET on the sandbox's Twilio REST API (`<product>/<path>`), as the account; null on 404. */
export async function twilioGet<T>(request: APIRequestContext, productPath: string): Promise<T | null> {
  const response = await request.get(`${SANDBOX_URL}/${productPath}`, { headers: { Authorization: basicAuth } });
  if (response.status() === 404) return null;
  expect(response.status(), `GET ${productPath}`).toBe(200);
  return (await response.json()) as T;
}

/** DELETE on the sandbox's Twilio REST API (`<product>/<path>`), as the account. */
export async function twilioDelete(request: APIRequestContext, productPath: string): Promise<void> {
  const response = await request.delete(`${SANDBOX_URL}/${productPath}`, { headers: { Authorization: basicAuth } });
  expect(response.status(), `DELETE ${productPath}`).toBe(204);
}

/** A Conversations Address Configuration as Twilio's REST API returns it. */
export interface AddressConfigurationResource {
  sid: string;
  type: string;
  address: string;
  friendly_name: string | null;
  auto_creation: {
    enabled: boolean;
    type: string;
    conversation_service_sid?: string | null;
    studio_flow_sid?: string | null;
    studio_retry_count?: number | null;
    webhook_url?: string | null;
  };
}

/** Fetches an address configuration by its address (Twilio accepts the address in place of the SID). */
export function fetchAddressConfiguration(request: APIRequestContext, address: string) {
  return twilioGet<AddressConfigurationResource>(
    request,
    `conversations/v1/Configuration/Addresses/${encodeURIComponent(address)}`,
  );
}

interface IncomingNumber {
  phone_number: string;
  capabilities: { sms: boolean };
  sms_url: string | null;
}

interface Sender {
  sender_id: string;
  status: string;
}

/** What the seeded account offers the tests, read from the REST API rather than assumed. */
export interface SeededAccount {
  /** An SMS-capable number with no address configuration. */
  numberWithoutAddress: string;
  /** An ONLINE WhatsApp sender with no address configuration. */
  onlineSenderWithoutAddress: string;
  messagingFlowSid: string;
  flexConversationServiceSid: string;
  /** How many phone numbers the account has. */
  numberCount: number;
}

export async function readSeededAccount(request: APIRequestContext): Promise<SeededAccount> {
  const numbers = await twilioGet<{ incoming_phone_numbers: IncomingNumber[] }>(
    request,
    `api/2010-04-01/Accounts/${credentials.accountSid}/IncomingPhoneNumbers.json?PageSize=1000`,
  );
  const senders = await twilioGet<{ senders: Sender[] }>(
    request,
    'messaging/v2/Channels/Senders?Channel=whatsapp&PageSize=1000',
  );
  const addresses = await twilioGet<{ address_configurations: AddressConfigurationResource[] }>(
    request,
    'conversations/v1/Configuration/Addresses?PageSize=1000',
  );
  const flows = await twilioGet<{ flows: { sid: string; friendly_name: string; status: string }[] }>(
    request,
    'studio/v2/Flows?PageSize=1000',
  );
  const flex = await twilioGet<{ flex_service_instance_sid: string }>(request, 'flex-api/v1/Configuration');

  const taken = new Set((addresses?.address_configurations ?? []).map((a) => a.address));
  // Prefer a number without an "A message comes in" URL: its row is then plainly "Not connected".
  const numberWithoutAddress = numbers?.incoming_phone_numbers.find(
    (n) => n.capabilities.sms && !n.sms_url && !taken.has(n.phone_number),
  )?.phone_number;
  const onlineSenderWithoutAddress = senders?.senders.find(
    (s) => s.status === 'ONLINE' && !taken.has(s.sender_id),
  )?.sender_id;
  const messagingFlowSid = flows?.flows.find(
    (f) => f.friendly_name === 'Messaging Flow' && f.status === 'published',
  )?.sid;
  const flexConversationServiceSid = flex?.flex_service_instance_sid;
  if (!numberWithoutAddress || !onlineSenderWithoutAddress || !messagingFlowSid || !flexConversationServiceSid) {
    throw new Error(
      `The default sandbox account no longer has what these tests need: ${JSON.stringify({
        numberWithoutAddress,
        onlineSenderWithoutAddress,
        messagingFlowSid,
        flexConversationServiceSid,
      })}`,
    );
  }
  return {
    numberWithoutAddress,
    onlineSenderWithoutAddress,
    messagingFlowSid,
    flexConversationServiceSid,
    numberCount: numbers?.incoming_phone_numbers.length ?? 0,
  };
}

/** POSTs to a backend function as the plugin does: form fields Token and Payload (JSON). */
export function callBackend(request: APIRequestContext, fn: string, token: string, payload: unknown = {}) {
  return request.post(`${BACKEND_URL}/${fn}`, { form: { Token: token, Payload: JSON.stringify(payload) } });
}

/** The SID of the seeded account's Studio flow of that name. */
export async function studioFlowSid(request: APIRequestContext, name: string): Promise<string> {
  const flows = await twilioGet<{ flows: { sid: string; friendly_name: string }[] }>(
    request,
    'studio/v2/Flows?PageSize=1000',
  );
  const flow = flows?.flows.find((f) => f.friendly_name === name);
  if (!flow) throw new Error(`The seeded account has no Studio flow "${name}".`);
  return flow.sid;
}
