import twilio from 'twilio';

import type { BackendConfig } from '../config';
import { DEFAULT_RETRY_POLICY, RetryingRequestClient, type RetryPolicy } from './retryingRequestClient';
import { SandboxRequestClient } from './sandboxRequestClient';

export type TwilioClient = ReturnType<typeof twilio>;

/**
 * The one place a Twilio client is made: real Twilio, or the local sandbox when
 * TWILIO_SANDBOX_URL is set — same client, same calls, only the transport differs.
 */
export function createTwilioClient(config: BackendConfig, policy: RetryPolicy = DEFAULT_RETRY_POLICY): TwilioClient {
  // A warm Functions container serves many calls: reuse the client and its keep-alive connections.
  const key = [config.accountSid, config.authToken, config.sandboxUrl ?? '', JSON.stringify(policy)].join('|');
  let client = clients.get(key);
  if (!client) {
    client = makeClient(config, policy);
    clients.set(key, client);
  }
  return client;
}

const clients = new Map<string, TwilioClient>();

function makeClient(config: BackendConfig, policy: RetryPolicy): TwilioClient {
  const transport = config.sandboxUrl
    ? new SandboxRequestClient(config.sandboxUrl, { keepAlive: true })
    : new twilio.RequestClient({ keepAlive: true });
  return twilio(config.accountSid, config.authToken, {
    httpClient: new RetryingRequestClient(policy, transport),
    lazyLoading: true,
  });
}
