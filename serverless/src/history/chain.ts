import crypto from 'node:crypto';

import type { HistoryChainProblem, HistoryEntryChain } from '../../../src/contract/types';
import type { BackendConfig } from '../config';
import type { StoredEntry } from './entryData';

/**
 * The history's tamper evidence: every item carries its sequence number, the digest of the item
 * before it and its own digest, an HMAC-SHA256 over (seq, prev, entry) with a key only the
 * backend holds. Anyone with the account's credentials can still write Sync, but cannot make a
 * digest that matches: an entry changed, added or moved outside the backend shows.
 */
export interface ChainFields {
  seq: number;
  /** The digest of entry seq−1; null for the first entry. */
  prev: string | null;
  digest: string;
}

/** A fixed label, so the derived key is used for nothing else the auth token keys. */
const KEY_LABEL = 'messaging-setup history chain v1';

/**
 * MESSAGING_SETUP_HISTORY_KEY when set; else derived from the auth token. The derived key needs no
 * secret kept beside the deploy, but an auth-token rotation changes it: entries digested before
 * then no longer verify (shown as not matching, and not revertible) — set the variable to avoid it.
 */
export function chainKeyOf(config: Pick<BackendConfig, 'authToken' | 'history'>): Buffer {
  const secret = config.history.key ?? config.authToken;
  return crypto.createHmac('sha256', secret).update(KEY_LABEL).digest();
}

/** JSON with object keys sorted, so a digest does not depend on how Sync orders an item's keys. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function digestOf(key: Buffer, fields: { seq: number; prev: string | null }, entry: StoredEntry): string {
  const body = canonicalJson({ seq: fields.seq, prev: fields.prev, entry });
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

const DIGEST = /^[0-9a-f]{64}$/;

/** Whether one item is what the backend wrote at `seq` (not whether it follows the one before). */
export function checkItem(
  key: Buffer,
  seq: number,
  chain: Partial<ChainFields> | undefined,
  entry: StoredEntry,
): HistoryChainProblem | undefined {
  if (!chain || typeof chain.digest !== 'string' || !DIGEST.test(chain.digest)) return 'unsigned';
  if (chain.seq !== seq) return 'misplaced';
  const prev = typeof chain.prev === 'string' ? chain.prev : null;
  const expected = digestOf(key, { seq, prev }, entry);
  const same = crypto.timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(chain.digest, 'hex'));
  return same ? undefined : 'altered';
}

export const chainStateOf = (problem: HistoryChainProblem | undefined, carried: boolean): HistoryEntryChain =>
  problem ? 'failed' : carried ? 'carried-over' : 'verified';
