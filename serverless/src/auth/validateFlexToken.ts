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
 *
 * The cache lives on `globalThis`, not in this module: every function is bundled on its own, and
 * functions served by one process (twilio-run, a warm Functions container) then share it. A check
 * in flight is shared too, so the view's first calls, made in parallel, ask IAM once.
 */
const CACHE_TTL_MS = 5 * 60 * 1000;
/** Flex tokens are JWTs of one or two KB; anything much longer is refused without asking IAM. */
export const MAX_TOKEN_LENGTH = 8192;
const CACHE_MAX = 500;
const CACHE_SLOT = Symbol.for('messaging-setup.flex-token-cache');

interface CacheEntry {
  check: Promise<FlexUser>;
  /** Until when a valid answer may be reused (Infinity while the check runs). */
  until: number;
}

const slot = globalThis as typeof globalThis & { [CACHE_SLOT]?: Map<string, CacheEntry> };
const cache: Map<string, CacheEntry> = (slot[CACHE_SLOT] ??= new Map());

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
  if (token.length > MAX_TOKEN_LENGTH)
    throw new BackendError(401, 'token_invalid', 'The Flex token is not valid. Sign in to Flex again.');
  const key = cacheKey(config.accountSid, token);
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return cached.check;

  const entry: CacheEntry = { check: askIam(client, config, token), until: Infinity };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  try {
    const user = await entry.check;
    const expires = Date.parse(user.expiration);
    entry.until = Math.min(Date.now() + CACHE_TTL_MS, Number.isNaN(expires) ? Infinity : expires);
    return user;
  } catch (error) {
    // Only valid answers are kept: a refused or failed check is asked again next time.
    if (cache.get(key) === entry) cache.delete(key);
    throw error;
  }
}

async function askIam(client: TwilioClient, config: BackendConfig, token: string): Promise<FlexUser> {
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
  return {
    identity: answer.identity ?? '',
    roles: Array.isArray(answer.roles) ? answer.roles : [],
    workerSid: answer.worker_sid ?? null,
    expiration: answer.expiration ?? '',
  };
}
