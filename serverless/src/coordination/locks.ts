import { randomUUID } from 'node:crypto';

import type { MessageValue } from '../../../src/contract/messages';
import type { HistoryResource } from '../../../src/contract/types';
import type { BackendConfig } from '../config';
import { errorSummary } from '../http/errorLog';
import { BackendError } from '../http/backendError';
import { remainingMs } from '../twilio/timeBudget';
import { ClaimStore, type Claim } from './claims';

/** What a lease's claim holds: who holds it, and when it stops counting even if Sync still has it. */
export interface LeaseData {
  holder: string;
  identity: string;
  /** Epoch ms. Sync deletes an expired item only eventually, so the time is checked, not the item's presence. */
  expiresAt: number;
}

/**
 * How long a lease counts: a holder's call cannot outlive its time budget (and Functions stop it
 * at 10 s), so after that plus a margin the holder is dead or done and its lease may be taken over.
 */
const leaseMsFor = (config: BackendConfig) => config.timing.callBudgetMs + 1500;
/** A busy lease is asked for again after this (plus jitter, so waiters do not ask in step). */
const WAIT_STEP_MS = 120;
/** Part of the call's budget a waiter keeps for the change itself once it has the lease. */
const RESERVED_SHARE = 0.45;
/**
 * The lease item's own TTL is only clean-up: the lease ends at `expiresAt`, checked here, never
 * by the item vanishing (Sync deletes expired items eventually, and a clock other than ours —
 * the sandbox's advances a second per write — must not end a lease early and let two hold it).
 */
const LEASE_ITEM_TTL_SECONDS = 3600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lease keys of a resource: one for each name a change may know it by (an update knows an
 * address by its SID, a create by its address, a revert by both), so any two changes of one
 * resource through this backend share at least one key.
 */
/** How a busy lease's refusal names the resource. */
export const leaseSubjectOf = (resource: HistoryResource): MessageValue =>
  resource.address ?? resource.sid ?? { key: 'MessagingSetupRefusalWhatDefaultService' };

export function leaseKeysOf(resource: HistoryResource): string[] {
  if (resource.type === 'conversations-configuration') return ['lock:conversations-configuration:default'];
  const names = resource.type === 'phone-number' ? [resource.sid] : [resource.sid, resource.address];
  return names
    .filter((name): name is string => typeof name === 'string' && name !== '')
    .map((name) => `lock:${resource.type}:${name}`);
}

const busy = (what: MessageValue) =>
  new BackendError(409, 'change_in_progress', { key: 'MessagingSetupRefusalChangeInProgress', values: { what } });

/**
 * Per-resource leases, so that of the changes this backend makes to one resource (edits, deletes,
 * migrations, reverts) one runs at a time, and what a change checks before writing still holds
 * when it writes. A lease is a claim (coordination/claims.ts: a Sync Map item only one caller can
 * create); a lease whose `expiresAt` passed is taken over with a compare-and-set on its revision,
 * so of several callers that find it dead one gets it. A busy lease is asked for again until the
 * call's budget must be kept for the change itself; then 409, nothing changed.
 */
export class ResourceLeases {
  private readonly claims: ClaimStore;

  constructor(private readonly config: BackendConfig) {
    this.claims = new ClaimStore(config);
  }

  private async acquire(key: string, identity: string, what: MessageValue): Promise<Claim<LeaseData>> {
    const leaseMs = leaseMsFor(this.config);
    const keepMs = this.config.timing.callBudgetMs * RESERVED_SHARE;
    for (;;) {
      const data: LeaseData = { holder: randomUUID(), identity, expiresAt: Date.now() + leaseMs };
      const ttlSeconds = LEASE_ITEM_TTL_SECONDS;
      const result = await this.claims.claim(key, data, ttlSeconds);
      if (result.won) return result.claim;
      if (!(Number(result.claim.data.expiresAt) > Date.now())) {
        const taken = await this.claims.replace(key, result.claim.revision, data, ttlSeconds);
        if (taken) return taken;
        continue;
      }
      if (remainingMs() - WAIT_STEP_MS < keepMs) throw busy(what);
      await sleep(WAIT_STEP_MS + Math.floor(Math.random() * WAIT_STEP_MS));
    }
  }

  /**
   * The lease, or a refusal that says nothing was changed: Sync failing here (after its retries)
   * leaves the resource untouched — the change has not started — so the answer can say so.
   */
  private async leaseOrRefuse(key: string, identity: string, what: MessageValue): Promise<Claim<LeaseData>> {
    try {
      return await this.acquire(key, identity, what);
    } catch (error) {
      if (error instanceof BackendError) throw error;
      console.error(`[messaging-setup] lease ${key} not taken: ${errorSummary(error)}`);
      throw new BackendError(503, 'lease_unavailable', {
        key: 'MessagingSetupRefusalLeaseUnavailable',
        values: { what },
      });
    }
  }

  /** Gives a lease back; a failure is only logged: the lease then ends at its `expiresAt`. */
  private async release(claim: Claim<LeaseData>): Promise<void> {
    try {
      await this.claims.release(claim.key, claim.revision);
    } catch (error) {
      console.error(`[messaging-setup] lease ${claim.key} not released: ${errorSummary(error)}`);
    }
  }

  /**
   * Runs `run` holding the lease of every key (taken in one order, so two calls wanting the same
   * keys never each hold one the other waits for), then gives them back, whatever happened.
   */
  async hold<T>(keys: readonly string[], identity: string, what: MessageValue, run: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const held: Claim<LeaseData>[] = [];
    try {
      for (const key of sorted) held.push(await this.leaseOrRefuse(key, identity, what));
      return await run();
    } finally {
      await Promise.all(held.map((claim) => this.release(claim)));
    }
  }
}
