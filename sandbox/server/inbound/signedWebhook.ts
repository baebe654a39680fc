// The webhooks module alone: the package index loads all of twilio-node (~200 ms at sandbox start).
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';

/** Conversations webhooks time out after 5 seconds (Twilio's "Conversations Webhooks" page). */
export const WEBHOOK_TIMEOUT_MS = 5000;

export type WebhookMethod = 'GET' | 'POST';

/** `answered`: the target sent an HTTP status (any, 2xx or not); otherwise why nothing came back. */
export type WebhookOutcome = { answered: true; status: number } | { answered: false; error: string };

/**
 * Sends one webhook the way Twilio does: POST as a form body, GET as a query string, signed with
 * `X-Twilio-Signature` over the full URL plus (POST only) the parameters. Never throws.
 */
export async function sendSignedWebhook(
  url: string,
  method: WebhookMethod,
  params: Record<string, string>,
  authToken: string,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
): Promise<WebhookOutcome> {
  if (!url) return { answered: false, error: 'the address has no webhook URL' };
  if (!/^https?:\/\//i.test(url)) return { answered: false, error: `${url} is not an http(s) URL` };
  const form = new URLSearchParams(params).toString();
  const target = method === 'GET' ? `${url}${url.includes('?') ? '&' : '?'}${form}` : url;
  const signature = getExpectedTwilioSignature(authToken, target, method === 'GET' ? {} : params);
  const headers: Record<string, string> = { 'X-Twilio-Signature': signature, 'User-Agent': 'TwilioProxy/1.1' };
  if (method === 'POST') headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=utf-8';
  try {
    const response = await fetch(target, {
      method,
      headers,
      body: method === 'POST' ? form : undefined,
      // A redirect is reported as the status it is: the signature is only valid for this URL.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Read the body so the connection is released; Twilio ignores what a post-event webhook says.
    await response.arrayBuffer();
    return { answered: true, status: response.status };
  } catch (error) {
    return { answered: false, error: describeFailure(error, timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') {
    return `no answer within ${timeoutMs / 1000} s (Twilio's webhook timeout)`;
  }
  const cause = err.cause;
  if (cause?.code === 'ECONNREFUSED') return 'the connection was refused (nothing listens at that address)';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (cause?.code) return `the request failed (${cause.code})`;
  return `the request failed: ${cause?.message ?? err.message ?? String(error)}`;
}
