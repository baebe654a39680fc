import { asClause, errorOf, messageOf, wordMessage, type ContractProblem } from '../../../src/contract/messages';
import type { HistoryKind, HistoryReceipt, HistoryResource, HistoryState, Recorded } from '../../../src/contract/types';
import { leaseKeysOf, leaseSubjectOf, ResourceLeases } from '../coordination/locks';
import { BackendError, toBackendError } from '../http/backendError';
import { errorSummary } from '../http/errorLog';
import type { FunctionDeps } from '../http/flexFunction';
import { gotNoAnswer, outcomeUnknown } from '../lib/writeOutcome';
import { fitEntry, type StoredEntry } from './entryData';
import { HistoryStore } from './historyStore';

/** What a change knows about itself as it goes: filled in by the change (its before-state once read). */
export interface Tracked {
  resource: HistoryResource;
  before: HistoryState | null;
  /** Said on the entry beside its outcome: how it came to be recorded (found done on a retry, settled by looking). */
  note?: ContractProblem;
}

/** What a look after an unknown outcome found: the change applied (and how it ended), or not. */
export type Looked<T> = { applied: true; done: ChangeDone<T> } | { applied: false };

export interface ChangeStart<T> {
  kind: HistoryKind;
  resource: HistoryResource;
  bulk?: boolean;
  revertOf?: string;
  /** Other resources the change writes (a revert of a migration: the address it placed); leased too. */
  alsoLeases?: readonly HistoryResource[];
  /**
   * Runs holding the leases, before the change: what it checks (a revert's "unchanged since")
   * still holds when the change writes. What it throws is a refusal, and not recorded: nothing
   * was tried.
   */
  check?: () => Promise<void>;
  /**
   * After the change failed with an unknown outcome (no answer, a 5xx, the change's own "cannot
   * tell"): reads the resource and says whether the change is there, so the history records what
   * happened instead of nothing. Throwing, or none given: nothing is recorded (still unknown).
   */
  look?: (tracked: Tracked) => Promise<Looked<T>>;
}

/**
 * How the change ended. `after`: the resource's managed fields now. `failed`: the change answers
 * normally (a migration that undid itself) but did not happen — recorded as a failure with this
 * message. `unrecorded`: nothing changed and there is nothing to record (an identical address was
 * already there), said to the caller in the receipt.
 */
export interface ChangeDone<T> {
  result: T;
  after: HistoryState | null;
  failed?: ContractProblem;
  unrecorded?: ContractProblem;
}

/**
 * Whether a failed change is known to have changed nothing, so it can be recorded as failed: a
 * refusal (4xx). Not a 429 — nothing happened and the plugin sends it again, so recording each
 * try would fill the history with noise — and not an unknown outcome (no answer, 5xx, the
 * backend's own 502/504 "cannot tell"): the history records only what is known.
 */
function knownFailure(error: unknown): boolean {
  if (outcomeUnknown(error)) return false;
  const { status } = toBackendError(error);
  return status >= 400 && status < 500 && status !== 429;
}

/** Refusals a change throws before it tried anything that are not worth an entry (see `unrecordedRefusal`). */
const unrecordedRefusals = new WeakSet<object>();

/**
 * Marks a refusal as one the history does not record as a failed change: nothing was tried and
 * the history already says why (a delete of an address an entry records as deleted).
 */
export function unrecordedRefusal<E extends object>(error: E): E {
  unrecordedRefusals.add(error);
  return error;
}

/** The entry's note, stored beside its fields (worded, and its key and values, as errors are). */
const noteOf = (note: ContractProblem | undefined): Pick<StoredEntry, 'note' | 'noteKey' | 'noteValues'> =>
  note === undefined
    ? {}
    : { note: wordMessage(note), noteKey: note.key, ...(note.values ? { noteValues: note.values } : {}) };

export const SETTLED_BY_LOOKING: ContractProblem = { key: 'MessagingSetupNoteSettledByLooking' };

/** A failure after which Twilio may have applied the change: not a refusal, not a 429 (nothing happened). */
const mayHaveApplied = (error: unknown): boolean => outcomeUnknown(error) || toBackendError(error).status >= 500;

/**
 * After a failure that may have applied the change, whether a look that found it not applied is
 * final: Twilio answered (a 5xx) — not so when no answer came (the write may still land) or the
 * change itself could not tell.
 */
const answeredNotApplied = (error: unknown): boolean => !gotNoAnswer(error) && !(error instanceof BackendError);

async function append(deps: FunctionDeps, entry: StoredEntry, note?: ContractProblem): Promise<HistoryReceipt> {
  try {
    const stored: StoredEntry = { ...fitEntry(entry), ...noteOf(note) };
    const entryId = await new HistoryStore(deps.config).append(stored);
    return { recorded: true, entryId };
  } catch (error) {
    // The change itself is done: say plainly that its history entry is missing, and log why.
    console.error(`[messaging-setup] change history: ${errorSummary(error)}`);
    return {
      recorded: false,
      ...messageOf({
        key: 'MessagingSetupRefusalHistoryNotWritten',
        values: { reason: asClause(toBackendError(error).problem) },
      }),
    };
  }
}

/**
 * Runs one change the backend makes for a Flex user and writes its one history entry in the same
 * call: succeeded with its before- and after-state, or failed with the user-facing message (and
 * the original error is still thrown). The answer carries the entry's receipt.
 *
 * The change runs holding the leases of its resource (coordination/locks.ts), so changes of one
 * resource through this backend never interleave. After an unknown outcome the change's `look`
 * settles what happened: applied is recorded (and answered) as succeeded, not applied after
 * Twilio answered as failed; when it cannot tell, nothing is recorded.
 */
export async function recordChange<T extends object>(
  deps: FunctionDeps,
  start: ChangeStart<T>,
  change: (tracked: Tracked) => Promise<ChangeDone<T>>,
): Promise<Recorded<T>> {
  const keys = [start.resource, ...(start.alsoLeases ?? [])].flatMap(leaseKeysOf);
  return new ResourceLeases(deps.config).hold(keys, deps.user.identity, leaseSubjectOf(start.resource), async () => {
    await start.check?.();
    return runAndRecord(deps, start, change);
  });
}

async function runAndRecord<T extends object>(
  deps: FunctionDeps,
  start: ChangeStart<T>,
  change: (tracked: Tracked) => Promise<ChangeDone<T>>,
): Promise<Recorded<T>> {
  const tracked: Tracked = { resource: start.resource, before: null };
  const at = new Date().toISOString();
  const base = {
    at,
    who: { identity: deps.user.identity, roles: [...deps.user.roles] },
    kind: start.kind,
    ...(start.bulk ? { bulk: true } : {}),
    ...(start.revertOf !== undefined ? { revertOf: start.revertOf } : {}),
  };
  let done: ChangeDone<T>;
  try {
    done = await change(tracked);
  } catch (error) {
    const failed = () => {
      const { resource, before } = tracked;
      const failure = errorOf(toBackendError(error).problem);
      return append(deps, { ...base, resource, before, after: before, outcome: 'failed', ...failure });
    };
    if (unrecordedRefusals.has(error as object)) throw error;
    if (knownFailure(error)) {
      await failed();
      throw error;
    }
    if (!mayHaveApplied(error) || !start.look) throw error;
    const looked = await start.look(tracked).catch(() => undefined);
    if (!looked) throw error;
    if (!looked.applied) {
      if (answeredNotApplied(error)) await failed();
      throw error;
    }
    done = looked.done;
    tracked.note ??= SETTLED_BY_LOOKING;
  }
  if (done.unrecorded !== undefined) {
    return { ...done.result, history: { recorded: false, unchanged: true, ...messageOf(done.unrecorded) } };
  }
  const { resource, before, note } = tracked;
  const history = await append(
    deps,
    done.failed !== undefined
      ? { ...base, resource, before, after: done.after, outcome: 'failed', ...errorOf(done.failed) }
      : { ...base, resource, before, after: done.after, outcome: 'succeeded' },
    note,
  );
  return { ...done.result, history };
}
