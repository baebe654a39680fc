import { revertRefusal } from '../../../src/contract/historyKinds';
import {
  listOf,
  problemOf,
  readProblem,
  type ContractProblem,
  type MessageKeyWith,
} from '../../../src/contract/messages';
import type {
  HistoryChainProblem,
  HistoryEntry,
  HistoryResource,
  HistoryState,
  Recorded,
  RevertChangeResponse,
} from '../../../src/contract/types';
import { BackendError, toBackendError } from '../http/backendError';
import type { FunctionDeps } from '../http/flexFunction';
import { isAbout } from './historyFilter';
import { HistoryStore } from './historyStore';
import { IncompleteRevert, REFUSAL_MESSAGES, REVERT_HANDLERS, refuse, type RevertHandler } from './kinds';
import { recordChange } from './recordChange';
import { addressResource } from './resources';
import { assertRevertable } from './revalidate';
import { RevertClaims } from './revertClaim';

/** Why an entry fails the chain, in the refusal's words. */
const CHAIN_PROBLEM_MESSAGES: Record<HistoryChainProblem, MessageKeyWith<never>> = {
  altered: 'MessagingSetupRefusalChainAltered',
  unsigned: 'MessagingSetupRefusalChainUnsigned',
  misplaced: 'MessagingSetupRefusalChainMisplaced',
  link: 'MessagingSetupRefusalChainLink',
  missing: 'MessagingSetupRefusalChainMissing',
};

/** How far back (in Sync pages of 100, newest first) a refusal looks for who changed the resource since. */
const PAGES_TO_EXPLAIN = 5;

/** The newest later entry about the same resource, if the history (its newest pages) has one. */
async function laterChangeOf(store: HistoryStore, entry: HistoryEntry): Promise<HistoryEntry | undefined> {
  const keys = [entry.resource.sid, entry.resource.address].filter((k): k is string => Boolean(k));
  const sameResource = (e: HistoryEntry) =>
    e.resource.type === 'conversations-configuration'
      ? entry.resource.type === 'conversations-configuration'
      : keys.some((key) => isAbout(e, key));
  let position;
  for (let pages = 0; pages < PAGES_TO_EXPLAIN; pages += 1) {
    const page = await store.page(position);
    const later = page.entries.filter((e) => Number(e.id) > Number(entry.id));
    const found = later.find((e) => e.outcome === 'succeeded' && sameResource(e));
    if (found) return found;
    if (!page.next || later.length < page.entries.length) return undefined;
    position = page.next;
  }
  return undefined;
}

/** The addresses an entry's states name (a migration's placed address): a revert of it writes them too. */
function addressesIn(entry: HistoryEntry): HistoryResource[] {
  return [entry.before, entry.after].flatMap((state) => {
    const address = state !== null && 'address' in state ? state.address : undefined;
    return address && typeof address === 'object' ? [addressResource(address)] : [];
  });
}

/** A refusal, or a 429: Twilio and this backend changed nothing. */
function nothingChanged(error: unknown): boolean {
  const { status } = toBackendError(error);
  return status >= 400 && status < 500;
}

/** Refused (409, naming who changed it) when the resource is no longer as the entry left it. */
async function assertUnchangedSince(
  deps: FunctionDeps,
  store: HistoryStore,
  entry: HistoryEntry,
  handler: RevertHandler,
): Promise<void> {
  const differences = await handler.changesSince(deps.client, entry, deps.config);
  if (differences.length === 0) return;
  const later = await laterChangeOf(store, entry);
  const who: ContractProblem = later
    ? { key: 'MessagingSetupRefusalChangedBy', values: { identity: later.who.identity, at: later.at } }
    : { key: 'MessagingSetupRefusalChangedOutside' };
  const what = entry.resource.address ?? entry.resource.sid;
  const values = { differences: listOf(differences, ', '), who };
  throw refuse(
    what === null
      ? { key: 'MessagingSetupRefusalItChangedSince', values }
      : { key: 'MessagingSetupRefusalChangedSince', values: { what, ...values } },
  );
}

/**
 * Undoes one history entry: refused (and nothing changed) when the contract says it cannot be
 * reverted (`revertRefusal`: it failed, was summarised, or its kind cannot be put back), and when
 * the resource is no longer as the entry left it — the refusal says what differs and who changed
 * it since. The entry's kind's handler (`kinds/`) checks and applies it. The revert is an entry
 * of its own; one that stopped half-way is recorded as failed and answered as an error (502) that
 * says what is left, never as a 429 the plugin would send again.
 *
 * Exactly once and never blind: what it would put back passes the checks of a direct write
 * (revalidate.ts, 422 otherwise); it claims the entry (revertClaim.ts: of concurrent reverts one
 * wins, the others are refused as already reverted); and its "unchanged since" check runs inside
 * the resource's leases (recordChange), so no change through this backend lands between the
 * check and the write.
 */
export async function revertChange(deps: FunctionDeps, id: string): Promise<Recorded<RevertChangeResponse>> {
  const store = new HistoryStore(deps.config);
  const entry = await store.fetch(id);
  if (!entry) throw new BackendError(404, 'not_found', { key: 'MessagingSetupRefusalNoHistoryEntry', values: { id } });
  // An entry whose digest is not the backend's was written or changed outside it (chain.ts): what
  // it says happened, and so what its revert would put back, is nobody's word.
  if (entry.chain === 'failed') {
    throw new BackendError(409, 'entry_not_verified', {
      key: 'MessagingSetupRefusalEntryNotVerified',
      values: { id, reason: problemOf(CHAIN_PROBLEM_MESSAGES[entry.chainProblem ?? 'altered']) },
    });
  }
  const refusal = revertRefusal(entry);
  if (refusal) {
    throw refuse({
      key: 'MessagingSetupRefusalNotRevertible',
      values: { id, why: problemOf(REFUSAL_MESSAGES[refusal]) },
    });
  }
  await assertRevertable(deps, entry);
  const handler = REVERT_HANDLERS[entry.kind];
  const claims = new RevertClaims(deps.config);
  const claim = await claims.take(id, deps.user.identity);
  let afterRevert: HistoryState | null = null;
  let resourceAfter = entry.resource;
  let recorded;
  try {
    recorded = await recordChange<{ incomplete?: IncompleteRevert }>(
      deps,
      {
        kind: 'revert',
        resource: entry.resource,
        revertOf: id,
        alsoLeases: addressesIn(entry),
        // Inside the leases: no change through this backend can land between this check and the write.
        check: () => assertUnchangedSince(deps, store, entry, handler),
        look: async (tracked) => {
          const landed = handler.landed ? await handler.landed(deps.client, entry, tracked, deps.config) : undefined;
          if (!landed) return { applied: false };
          afterRevert = landed.after;
          resourceAfter = tracked.resource;
          return { applied: true, done: { result: {}, after: landed.after } };
        },
      },
      async (tracked) => {
        tracked.before = entry.after;
        try {
          afterRevert = await handler.apply(deps.client, entry, tracked, deps.config);
        } catch (error) {
          if (!(error instanceof IncompleteRevert)) throw error;
          return { result: { incomplete: error }, after: error.after, failed: error.problem };
        }
        resourceAfter = tracked.resource;
        return { result: {}, after: afterRevert };
      },
    );
  } catch (error) {
    // Known to have changed nothing (a refusal, a busy lease, a 429): the entry may be tried again.
    // Otherwise the revert may have happened: the claim keeps the entry.
    if (nothingChanged(error)) await claims.giveBack(claim);
    throw error;
  }
  const { history, incomplete } = recorded;
  await claims.settle(claim, incomplete ? 'incomplete' : 'applied');
  if (incomplete) {
    // A receipt this backend wrote: its key reads back; one it could not read keeps its English.
    const unrecorded =
      history && !history.recorded
        ? (readProblem({ key: history.messageKey, values: history.values }) ?? history.message)
        : undefined;
    throw new BackendError(
      502,
      'revert_incomplete',
      unrecorded === undefined
        ? { key: 'MessagingSetupRefusalRevertIncomplete', values: { incomplete: incomplete.problem } }
        : {
            key: 'MessagingSetupRefusalRevertIncompleteUnrecorded',
            values: { incomplete: incomplete.problem, unrecorded },
          },
    );
  }
  const stored = history?.recorded ? await store.fetch(history.entryId).catch(() => undefined) : undefined;
  // Not recorded (or not readable back): the revert is done all the same; the receipt says so.
  const entryNow: HistoryEntry = stored ?? {
    id: history?.recorded ? history.entryId : '',
    at: new Date().toISOString(),
    who: { identity: deps.user.identity, roles: [...deps.user.roles] },
    kind: 'revert',
    resource: resourceAfter,
    before: entry.after,
    after: afterRevert,
    outcome: 'succeeded',
    revertOf: id,
  };
  return { entry: entryNow, ...(history ? { history } : {}) };
}
