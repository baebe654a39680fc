import { asClause, errorOf, messageOf, type ContractProblem } from '../../../src/contract/messages';
import type { HistoryKind, HistoryReceipt, HistoryResource, HistoryState, Recorded } from '../../../src/contract/types';
import { toBackendError } from '../http/backendError';
import { errorSummary } from '../http/errorLog';
import type { FunctionDeps } from '../http/flexFunction';
import { outcomeUnknown } from '../lib/writeOutcome';
import { fitEntry, type StoredEntry } from './entryData';
import { HistoryStore } from './historyStore';

/** What a change knows about itself as it goes: filled in by the change (its before-state once read). */
export interface Tracked {
  resource: HistoryResource;
  before: HistoryState | null;
}

export interface ChangeStart {
  kind: HistoryKind;
  resource: HistoryResource;
  bulk?: boolean;
  revertOf?: string;
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

async function append(deps: FunctionDeps, entry: StoredEntry): Promise<HistoryReceipt> {
  try {
    const entryId = await new HistoryStore(deps.config).append(fitEntry(entry));
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
 */
export async function recordChange<T extends object>(
  deps: FunctionDeps,
  start: ChangeStart,
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
    if (knownFailure(error)) {
      const { resource, before } = tracked;
      const failure = errorOf(toBackendError(error).problem);
      await append(deps, { ...base, resource, before, after: before, outcome: 'failed', ...failure });
    }
    throw error;
  }
  if (done.unrecorded !== undefined) {
    return { ...done.result, history: { recorded: false, ...messageOf(done.unrecorded) } };
  }
  const { resource, before } = tracked;
  const history = await append(
    deps,
    done.failed !== undefined
      ? { ...base, resource, before, after: done.after, outcome: 'failed', ...errorOf(done.failed) }
      : { ...base, resource, before, after: done.after, outcome: 'succeeded' },
  );
  return { ...done.result, history };
}
