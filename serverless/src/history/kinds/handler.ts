import twilio from 'twilio';

import { wordMessage, type ContractProblem } from '../../../../src/contract/messages';
import type { HistoryEntry, HistoryState } from '../../../../src/contract/types';
import type { BackendConfig } from '../../config';
import { BackendError } from '../../http/backendError';
import type { TwilioClient } from '../../twilio/clientFactory';
import type { Tracked } from '../recordChange';

/**
 * How the backend reverts one kind of history entry (one handler per kind, `REVERT_HANDLERS` in
 * index.ts). Whether an entry may be reverted at all is the contract's (`revertRefusal` in
 * src/contract/historyKinds.ts), which the plugin asks too before it offers Revert.
 */
export interface RevertHandler {
  /**
   * What differs between the state the entry left and the state now; empty when nothing does.
   * `config`: the backend's settings, for a kind whose state is in the backend's own Sync Service.
   */
  changesSince(client: TwilioClient, entry: HistoryEntry, config: BackendConfig): Promise<ContractProblem[]>;
  /**
   * Puts the entry's before-state back and answers the state afterwards. `tracked` is the revert's
   * own entry as it goes: its resource when the revert makes a new one, its before-state when it is
   * more than the entry's after-state. Throws IncompleteRevert when a later step fails after an
   * earlier one changed something.
   */
  apply(
    client: TwilioClient,
    entry: HistoryEntry,
    tracked: Tracked,
    config: BackendConfig,
  ): Promise<HistoryState | null>;
  /**
   * After `apply` failed with an unknown outcome: whether the revert is there now (the state
   * afterwards) or not (undefined); throws when the resource is neither (it cannot tell). None:
   * an unknown outcome stays unknown.
   */
  landed?(
    client: TwilioClient,
    entry: HistoryEntry,
    tracked: Tracked,
    config: BackendConfig,
  ): Promise<{ after: HistoryState | null } | undefined>;
}

/** The entry the other way round: "changed since its before-state?" is "has its revert landed?". */
export const reversed = (entry: HistoryEntry): HistoryEntry => ({ ...entry, before: entry.after, after: entry.before });

export const refuse = (problem: ContractProblem) => new BackendError(409, 'not_revertible', problem);

/** An entry whose states are not those its kind leaves: there is nothing to put back. */
export const cannotRevert = () => refuse({ key: 'MessagingSetupRefusalCannotRevert' });

/**
 * A revert that made its first step and not its second. It is not "nothing happened" (so not a
 * 429 the plugin would send again): the revert's entry records it as failed with what is there
 * now (`after`), and the caller is told what is left to do.
 */
export class IncompleteRevert extends Error {
  constructor(
    readonly problem: ContractProblem,
    readonly after: HistoryState | null,
  ) {
    super(wordMessage(problem));
  }
}

const isNotFound = (error: unknown) => error instanceof twilio.RestException && error.status === 404;

/** The resource, or undefined when Twilio says it does not exist. */
export async function fetchOrUndefined<T>(fetch: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fetch();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
