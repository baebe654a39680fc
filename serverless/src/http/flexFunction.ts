import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';

import { ENDPOINT_ACCESS, type BackendEndpoint, type BackendEndpoints } from '../../../src/contract/types';
import { MAX_TOKEN_LENGTH, validateFlexToken, type FlexUser } from '../auth/validateFlexToken';
import { readConfig, type BackendConfig, type BackendEnv } from '../config';
import { createTwilioClient, type TwilioClient } from '../twilio/clientFactory';
import { withTimeBudget } from '../twilio/timeBudget';
import { BackendError } from './backendError';
import { hasAnyRole } from '../../../src/contract/roles';
import { corsHeaders } from './cors';
import { jsonResponse, setErrorReply } from './jsonResponse';
import { assertFieldsFromFormBody, assertRequestSize, isRuntimeField } from './requestFields';

/** The largest request payload accepted; address requests are well under 2 KB. */
export const MAX_PAYLOAD_BYTES = 16 * 1024;
/** The largest whole request: the largest payload, the longest token accepted, and the field names. */
export const MAX_REQUEST_BYTES = MAX_PAYLOAD_BYTES + MAX_TOKEN_LENGTH + 1024;

const BODY_FIELDS = new Set(['Token', 'Payload']);

export interface FunctionEvent {
  Token?: unknown;
  /** The request, JSON-encoded in one form field so the shared types are the wire format. */
  Payload?: unknown;
  request?: { headers?: Record<string, string | undefined> };
  [field: string]: unknown;
}

export interface FunctionDeps {
  client: TwilioClient;
  config: BackendConfig;
  user: FlexUser;
}

export interface FunctionSpec<E extends BackendEndpoint> {
  /** The function's name; its access (read or write, each with its own roles) is ENDPOINT_ACCESS[name]. */
  name: E;
  /**
   * Checks the decoded payload (URLs by the backend's settings, `config.urlPolicy`); throws
   * BackendError(400) with field problems when invalid.
   */
  parse(payload: unknown, config: BackendConfig): BackendEndpoints[E]['request'];
  run(input: BackendEndpoints[E]['request'], deps: FunctionDeps): Promise<BackendEndpoints[E]['response']>;
}

function decodePayload(event: FunctionEvent): unknown {
  for (const [key, value] of Object.entries(event)) {
    if (!BODY_FIELDS.has(key) && !isRuntimeField(key, value)) {
      throw new BackendError(400, 'invalid_request', {
        key: 'MessagingSetupRefusalUnknownFormField',
        values: { field: key },
      });
    }
  }
  if (event.Payload === undefined || event.Payload === '') return {};
  if (typeof event.Payload !== 'string') {
    throw new BackendError(400, 'invalid_request', { key: 'MessagingSetupRefusalPayloadNotString' });
  }
  if (Buffer.byteLength(event.Payload) > MAX_PAYLOAD_BYTES) {
    throw new BackendError(413, 'payload_too_large', {
      key: 'MessagingSetupRefusalTooLarge',
      values: { bytes: MAX_PAYLOAD_BYTES },
    });
  }
  try {
    return JSON.parse(event.Payload) as unknown;
  } catch {
    throw new BackendError(400, 'invalid_request', { key: 'MessagingSetupRefusalPayloadNotJson' });
  }
}

function checkRole(user: FlexUser, allowed: string[]): void {
  if (!hasAnyRole(user.roles, allowed)) {
    throw new BackendError(403, 'forbidden', {
      key: 'MessagingSetupRefusalForbidden',
      values: { roles: allowed.join(', ') },
    });
  }
}

/**
 * Wraps a function with what every Messaging Setup function needs, in this order: CORS for
 * Flex's origins, the request's size, fields from a form-encoded POST body only (never the URL),
 * Flex token validation (Twilio IAM), the role gate, payload
 * decoding and validation — all before any Twilio call the function makes — then error mapping
 * to `{error: {code, message}}` with the right status.
 */
export function flexFunction<E extends BackendEndpoint>(spec: FunctionSpec<E>) {
  return async (context: Context<BackendEnv>, event: FunctionEvent, callback: ServerlessCallback): Promise<void> => {
    const config = readConfig(context);
    const response = jsonResponse();
    for (const [key, value] of Object.entries(corsHeaders(event.request?.headers?.origin, config.allowedOrigins))) {
      response.appendHeader(key, value);
    }
    try {
      assertRequestSize(event, MAX_REQUEST_BYTES);
      assertFieldsFromFormBody(event);
      const client = createTwilioClient(config);
      const { callBudgetMs, attemptTimeoutMs } = config.timing;
      // One budget for the whole call, token check included: Functions stop it at 10 s.
      const result = await withTimeBudget(callBudgetMs, attemptTimeoutMs, async () => {
        const user = await validateFlexToken(client, config, event.Token);
        checkRole(user, ENDPOINT_ACCESS[spec.name] === 'read' ? config.readRoles : config.writeRoles);
        const input = spec.parse(decodePayload(event), config);
        return spec.run(input, { client, config, user });
      });
      response.setStatusCode(200);
      response.setBody(result);
    } catch (thrown) {
      setErrorReply(response, thrown);
    }
    callback(null, response);
  };
}
