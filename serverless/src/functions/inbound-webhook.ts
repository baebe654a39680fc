import type { Context, ServerlessCallback } from '@twilio-labs/serverless-runtime-types/types';

import { INBOUND_WEBHOOK_FUNCTION } from '../../../src/contract/types';
import { readConfig, type BackendEnv } from '../config';
import { BackendError } from '../http/backendError';
import { jsonResponse, setErrorReply } from '../http/jsonResponse';
import { assertRequestSize, isRuntimeField } from '../http/requestFields';
import { routeConversationToFlex } from '../inbound/routeConversationToFlex';
import { assertTwilioSignature } from '../inbound/twilioSignature';
import { createTwilioClient } from '../twilio/clientFactory';
import { withTimeBudget } from '../twilio/timeBudget';

/**
 * Twilio's 5 s webhook timeout leaves no room for long back-offs: one quick retry of a 429 and
 * of a failed read, then answer.
 */
const WEBHOOK_RETRY_POLICY = { maxRetries: 1, maxDelayMs: 500, baseDelayMs: 100 };

/**
 * The largest webhook request accepted. A Conversations event is a few KB: a message body of at
 * most 1600 characters, attributes of at most 16 KB, media and participant details; the rest is room.
 */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

/**
 * The most fields a webhook request may have. A Conversations event has about twenty; the rest is
 * room for a webhook URL's own query string and fields Twilio adds later. It bounds the work of
 * the signature check, which tries each way the fields can split between URL and body.
 */
export const MAX_WEBHOOK_FIELDS = 100;

/**
 * Twilio waits 5 s for a webhook's answer: the whole call (signature check, reads, the
 * Interaction) gets 4 s, leaving room to answer; any one Twilio request at most 2 s, so a hung
 * one still leaves time for a retry or a clear 504.
 */
export const WEBHOOK_CALL_BUDGET_MS = 4000;
export const WEBHOOK_ATTEMPT_TIMEOUT_MS = 2000;

interface WebhookEvent {
  request?: { headers?: Record<string, string | string[] | undefined> };
  [field: string]: unknown;
}

/**
 * The fields Twilio sent, query string's and body's, in the runtime's order (the signature check
 * depends on it): strings only (the runtime's own `request` object is not one of them).
 */
function sentFields(event: WebhookEvent): Record<string, string> {
  const fields: Record<string, string> = {};
  let count = 0;
  for (const [key, value] of Object.entries(event)) {
    if (isRuntimeField(key, value)) continue;
    if (typeof value !== 'string') {
      throw new BackendError(400, 'invalid_event', {
        key: 'MessagingSetupRefusalWebhookFieldNotString',
        values: { field: key },
      });
    }
    count += 1;
    if (count > MAX_WEBHOOK_FIELDS) {
      throw new BackendError(400, 'invalid_event', {
        key: 'MessagingSetupRefusalWebhookTooManyFields',
        values: { max: MAX_WEBHOOK_FIELDS },
      });
    }
    fields[key] = value;
  }
  return fields;
}

/**
 * The built-in inbound webhook handler: point an address's webhook (POST or GET, filter
 * onMessageAdded, the URL's own query string allowed) here and each new customer conversation
 * becomes a Flex task. Twilio calls it, not a Flex user, so it checks Twilio's request signature
 * instead of a Flex token — before anything else but the request's size and shape.
 */
export const handler = async (
  context: Context<BackendEnv>,
  event: WebhookEvent,
  callback: ServerlessCallback,
): Promise<void> => {
  const response = jsonResponse();
  try {
    assertRequestSize(event, MAX_WEBHOOK_BYTES);
    const config = readConfig(context);
    const fields = sentFields(event);
    const outcome = await withTimeBudget(WEBHOOK_CALL_BUDGET_MS, WEBHOOK_ATTEMPT_TIMEOUT_MS, async () => {
      assertTwilioSignature(config.authToken, {
        headers: event.request?.headers ?? {},
        fields,
        // Not context.PATH: twilio-run lets the shell's PATH variable overwrite it locally.
        path: `/${INBOUND_WEBHOOK_FUNCTION}`,
        domainName: context.DOMAIN_NAME,
      });
      const client = createTwilioClient(config, WEBHOOK_RETRY_POLICY);
      return routeConversationToFlex(client, config, fields);
    });
    response.setStatusCode(200);
    response.setBody(outcome);
  } catch (thrown) {
    setErrorReply(response, thrown);
  }
  callback(null, response);
};
