import type { BackendConfig } from '../config';
import { ClaimStore, type Claim } from '../coordination/claims';
import { BackendError } from '../http/backendError';
import { errorSummary } from '../http/errorLog';

/** What a revert's claim on its entry holds: who, since when, and how far it got. */
export interface RevertClaimData {
  identity: string;
  at: string;
  /** applying: under way (or its outcome unknown); applied / incomplete: as its own entry records. */
  state: 'applying' | 'applied' | 'incomplete';
}

const SECONDS_PER_DAY = 24 * 60 * 60;

const keyOf = (entryId: string) => `revert:${entryId}`;

/**
 * A revert's claim on the entry it reverts, so that an entry is reverted at most once however
 * many reverts of it run at the same time (coordination/claims.ts: one create wins). It lives as
 * long as the entry (the history's retention), and is given back only by a revert that is known
 * to have changed nothing, so the entry can be tried again.
 */
export class RevertClaims {
  private readonly claims: ClaimStore;
  private readonly ttlSeconds: number;

  constructor(config: BackendConfig) {
    this.claims = new ClaimStore(config);
    this.ttlSeconds = config.history.retentionDays * SECONDS_PER_DAY;
  }

  /** This revert's claim, or 409 naming who reverted (or is reverting) the entry. */
  async take(entryId: string, identity: string): Promise<Claim<RevertClaimData>> {
    const data: RevertClaimData = { identity, at: new Date().toISOString(), state: 'applying' };
    const result = await this.claims.claim(keyOf(entryId), data, this.ttlSeconds);
    if (result.won) return result.claim;
    const held = result.claim.data;
    const values = { id: entryId, identity: String(held.identity), at: String(held.at) };
    throw new BackendError(
      409,
      'already_reverted',
      held.state === 'applying'
        ? { key: 'MessagingSetupRefusalBeingReverted', values }
        : { key: 'MessagingSetupRefusalAlreadyReverted', values },
    );
  }

  /** Records how the revert ended on its claim; a failure is logged (the claim still holds the entry). */
  async settle(claim: Claim<RevertClaimData>, state: RevertClaimData['state']): Promise<void> {
    try {
      await this.claims.replace(claim.key, claim.revision, { ...claim.data, state }, this.ttlSeconds);
    } catch (error) {
      console.error(`[messaging-setup] revert claim ${claim.key} not settled: ${errorSummary(error)}`);
    }
  }

  /** Gives the entry back after a revert that changed nothing; a failure is logged. */
  async giveBack(claim: Claim<RevertClaimData>): Promise<void> {
    try {
      await this.claims.release(claim.key, claim.revision);
    } catch (error) {
      console.error(`[messaging-setup] revert claim ${claim.key} not released: ${errorSummary(error)}`);
    }
  }
}
