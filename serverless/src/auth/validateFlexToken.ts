import crypto from 'node:crypto';

import type { ContractProblem } from '../../../src/contract/messages';
import type { BackendConfig } from '../config';
import type { TwilioClient } from '../twilio/clientFactory';
import { BackendError } from '../http/backendError';
import { logUnexpected } from '../http/errorLog';
import { TwilioTransportError } from '../twilio/transportError';

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
  /** Set by parseAnswer: IAM's answer was not JSON. */
  unreadable?: boolean;
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
 * in flight is shared too, so the view's first calls, made in parallel, ask IAM once. What is
 * shared is plain data (CheckOutcome), never an error object: each bundle has its own BackendError
 * class, and a refusal made by one function's copy is not an `instanceof` of another's — it was
 * answered as a 500 "Something went wrong" by every call that waited on a check another made.
 */
const CACHE_TTL_MS = 5 * 60 * 1000;
/** Flex tokens are one or two KB; anything much longer is refused without asking IAM. */
export const MAX_TOKEN_LENGTH = 8192;
const CACHE_MAX = 500;
const CACHE_SLOT = Symbol.for('messaging-setup.flex-token-cache');

/**
 * Tokens IAM called invalid are remembered for a minute, so a caller repeating one junk token
 * costs one IAM round trip a minute, not one per call. Short, because the answer is only about
 * that exact string (an expired token never becomes valid; a mistyped one is never retyped into
 * the same junk). Bounded: a flood of distinct junk evicts the oldest entries, which then cost
 * one more IAM call each — never more than one call per request.
 */
export const REJECTED_TTL_MS = 60 * 1000;
export const REJECTED_MAX = 1000;
const REJECTED_SLOT = Symbol.for('messaging-setup.flex-token-rejections');

/** A refusal as data, so that any function's bundle can throw it as its own BackendError. */
interface Refusal {
  status: number;
  code: string;
  problem: ContractProblem;
}

/** What asking IAM came to: the user, or why the call is refused. */
type CheckOutcome = { user: FlexUser } | { refusal: Refusal };

interface CacheEntry {
  check: Promise<CheckOutcome>;
  /** Until when a valid answer may be reused (Infinity while the check runs). */
  until: number;
}

interface Rejection {
  /** IAM's reason, as the first refusal told the caller. */
  problem: ContractProblem;
  until: number;
}

const slot = globalThis as typeof globalThis & {
  [CACHE_SLOT]?: Map<string, CacheEntry>;
  [REJECTED_SLOT]?: Map<string, Rejection>;
};
const cache: Map<string, CacheEntry> = (slot[CACHE_SLOT] ??= new Map());
const rejected: Map<string, Rejection> = (slot[REJECTED_SLOT] ??= new Map());

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** A JOSE header: base64url of a JSON object naming its algorithm (RFC 7515 §4.1.1, RFC 7516 §4.1.1). */
function isJoseHeader(segment: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as unknown;
    return (
      typeof header === 'object' &&
      header !== null &&
      !Array.isArray(header) &&
      typeof (header as { alg?: unknown }).alg === 'string'
    );
  } catch {
    return false;
  }
}

/**
 * Whether `token` can be a token IAM issued, judged by its shape alone: JOSE compact serialization,
 * either a JWS (`header.payload.signature`: Twilio access tokens, the sandbox's demo tokens) or a
 * JWE (`header.key.iv.ciphertext.tag`, the key empty for `alg: dir`: what Flex hands its users —
 * twilio-flex-token-validator calls them "Flex JWE tokens"). Every segment base64url (no padding,
 * no length that base64 cannot have), the header a JSON object with `alg`, and the parts that
 * carry the signature or ciphertext not empty. Anything else is refused before IAM is asked.
 */
export function hasTokenShape(token: string): boolean {
  const segments = token.split('.');
  if (segments.length !== 3 && segments.length !== 5) return false;
  if (!segments.every((segment) => BASE64URL.test(segment) && segment.length % 4 !== 1)) return false;
  // JWS: all three; JWE: all but the encrypted key (segment 1), which `alg: dir` leaves empty.
  const required = segments.length === 3 ? segments : segments.filter((_, i) => i !== 1);
  return required.every((segment) => segment !== '') && isJoseHeader(segments[0]);
}

const invalidToken = (problem: ContractProblem) => new BackendError(401, 'token_invalid', problem);
/**
 * IAM could not say whether the token is valid (it answered 429 or 5xx, did not answer in time, or
 * could not be reached): one answer for all of them, in the README's words, since for the caller
 * they are one thing — try again in a moment; nothing about the token is known or remembered.
 */
const TOKEN_CHECK_UNAVAILABLE: Refusal = {
  status: 503,
  code: 'token_check_unavailable',
  problem: { key: 'MessagingSetupRefusalTokenCheckUnavailable' },
};
const refusalError = ({ status, code, problem }: Refusal) => new BackendError(status, code, problem);
const SIGN_IN_AGAIN: ContractProblem = { key: 'MessagingSetupRefusalTokenInvalid' };

/** Remembers IAM's refusal; the oldest entries go first when the map is full. */
function rememberRejection(key: string, problem: ContractProblem): void {
  rejected.delete(key);
  while (rejected.size >= REJECTED_MAX) rejected.delete(rejected.keys().next().value as string);
  rejected.set(key, { problem, until: Date.now() + REJECTED_TTL_MS });
}

function recentRejection(key: string): Rejection | undefined {
  const rejection = rejected.get(key);
  if (rejection && rejection.until <= Date.now()) {
    rejected.delete(key);
    return undefined;
  }
  return rejection;
}

const cacheKey = (accountSid: string, token: string) =>
  crypto.createHash('sha256').update(`${accountSid}:${token}`).digest('base64');

function parseAnswer(body: unknown): IamAnswer {
  if (typeof body === 'string') {
    try {
      return JSON.parse(body) as IamAnswer;
    } catch {
      return { valid: false, unreadable: true };
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
    throw new BackendError(401, 'token_missing', { key: 'MessagingSetupRefusalTokenMissing' });
  }
  if (token.length > MAX_TOKEN_LENGTH || !hasTokenShape(token)) throw invalidToken(SIGN_IN_AGAIN);
  const key = cacheKey(config.accountSid, token);
  const cached = cache.get(key);
  if (cached && cached.until > Date.now()) return userOf(await cached.check);
  const rejection = recentRejection(key);
  if (rejection) throw invalidToken(rejection.problem);

  const entry: CacheEntry = { check: checkWithIam(client, config, token), until: Infinity };
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, entry);
  const outcome = await entry.check;
  if ('user' in outcome) {
    const expires = Date.parse(outcome.user.expiration);
    entry.until = Math.min(Date.now() + CACHE_TTL_MS, Number.isNaN(expires) ? Infinity : expires);
    return outcome.user;
  }
  if (cache.get(key) === entry) cache.delete(key);
  // IAM's "not valid" is remembered; a check that failed (IAM 5xx or 429, our credentials, the
  // network) says nothing about the token and is asked again next time.
  if (outcome.refusal.code === 'token_invalid') rememberRejection(key, outcome.refusal.problem);
  throw refusalError(outcome.refusal);
}

/** The user of a check, or its refusal thrown as this bundle's BackendError. */
function userOf(outcome: CheckOutcome): FlexUser {
  if ('user' in outcome) return outcome.user;
  throw refusalError(outcome.refusal);
}

/** Asks IAM, and answers what came of it as data (see the cache's comment: shared by every bundle). */
async function checkWithIam(client: TwilioClient, config: BackendConfig, token: string): Promise<CheckOutcome> {
  try {
    return { user: await askIam(client, config, token) };
  } catch (error) {
    if (error instanceof BackendError)
      return { refusal: { status: error.status, code: error.code, problem: error.problem } };
    // No answer from IAM (a timeout, the connection, the call's time spent): as unavailable as a 5xx.
    if (!(error instanceof TwilioTransportError)) logUnexpected('token check', error);
    return { refusal: TOKEN_CHECK_UNAVAILABLE };
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
    throw new BackendError(502, 'twilio_auth', { key: 'MessagingSetupRefusalTwilioAuth' });
  }
  if (response.statusCode === 429 || response.statusCode >= 500) throw refusalError(TOKEN_CHECK_UNAVAILABLE);
  if (!answer.valid) {
    // IAM's own reason is data; an answer we could not read has ours.
    const reason: ContractProblem | string | undefined = answer.unreadable
      ? { key: 'MessagingSetupRefusalTokenAnswerUnreadable' }
      : answer.message || undefined;
    throw invalidToken(
      reason === undefined
        ? { key: 'MessagingSetupRefusalSignInInvalid' }
        : { key: 'MessagingSetupRefusalSignInInvalidBecause', values: { reason } },
    );
  }
  return {
    identity: answer.identity ?? '',
    roles: Array.isArray(answer.roles) ? answer.roles : [],
    workerSid: answer.worker_sid ?? null,
    expiration: answer.expiration ?? '',
  };
}
