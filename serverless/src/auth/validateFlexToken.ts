import crypto from 'node:crypto';

import type { BackendConfig } from '../config';
import type { TwilioClient } from '../twilio/clientFactory';
import { BackendError } from '../http/backendError';

/** The IAM answer for a valid token (contract of twilio-flex-token-validator). */
export interface FlexUser {
  identity: string;
  roles: string[];
  workerSid: string | null;
  expiration: string;
}

interface IamAnswer {
  valid?: boolean;
  message?: string | null;
  identity?: string;
  roles?: string[];
  worker_sid?: string;
  expiration?: string;
}

/**
 * Valid tokens are remembered for a short while so that a view load — dozens of backend calls
 * with the same token — costs one IAM round trip, not one per call. The TTL bounds how long a
 * revoked token keeps working; never past the token's own expiry.
 */
const CACHE_TTL_MS = 5 * 60 * 1000;
const CACHE_MAX = 500;
const cache = new Map<string, { user: FlexUser; until: number }>();

export function clearTokenCache(): void {
  cache.clear();
}

const cacheKey = (accountSid: string, token: string) =>
  crypto.createHash('sha256').update(`${accountSid}:${token}`).digest('base64');

function parseAnswer(body: unknown): IamAnswer {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as IamAnswer;
    } catch {
      return { valid: false, message: 'The token validation service gave an unreadable answer.' };
    }
  }
  return (body ?? {}) as IamAnswer;
}

/**
 * Checks a Flex token with Twilio IAM (`POST iam.twilio.com/v1/Accounts/{sid}/Tokens/validate`),
 * through the same Twilio client — and so, locally, the same sandbox — as every other call.
 */
export async function validateFlexToken(
  client: TwilioClient,
  config: BackendConfig,
  token: unknown,
): Promise<FlexUser> {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new BackendError(401, 'token_missing', 'No Flex token was sent. Sign in to Flex again.');
  }
  if (token.length > 8192)
    throw new BackendError(401, 'token_invalid', 'The Flex token is not valid. Sign in to Flex again.');
  const key = cacheKey(config.accountSid, token);
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.user;

  const host = config.realm ? `iam.${config.realm}.twilio.com` : 'iam.twilio.com';
  const response = await client.request({
    method: 'post',
    uri: `https://${host}/v1/Accounts/${config.accountSid}/Tokens/validate`,
    data: { token },
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' },
  });
  const answer = parseAnswer(response.body);
  if (response.statusCode === 401) {
    throw new BackendError(
      502,
      'twilio_auth',
      'The backend could not authenticate to Twilio: check its account credentials.',
    );
  }
  if (response.statusCode === 429 || response.statusCode >= 500) {
    throw new BackendError(
      503,
      'token_check_unavailable',
      'Could not check your Flex sign-in just now; try again in a moment.',
    );
  }
  if (!answer.valid) {
    const reason = answer.message ? ` (${answer.message})` : '';
    throw new BackendError(401, 'token_invalid', `Your Flex sign-in is not valid${reason}. Sign in to Flex again.`);
  }
  const user: FlexUser = {
    identity: answer.identity ?? '',
    roles: Array.isArray(answer.roles) ? answer.roles : [],
    workerSid: answer.worker_sid ?? null,
    expiration: answer.expiration ?? '',
  };
  const expires = Date.parse(user.expiration);
  const until = Math.min(Date.now() + CACHE_TTL_MS, Number.isNaN(expires) ? Infinity : expires);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, { user, until });
  return user;
}
