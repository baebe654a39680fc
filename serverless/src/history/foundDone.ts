import type { ContractProblem } from '../../../src/contract/messages';
import type { AddressSummary } from '../../../src/contract/types';
import type { FunctionDeps } from '../http/flexFunction';
import { leftAddress, newestEntryWhere } from './priorEntries';
import type { ChangeDone, Tracked } from './recordChange';
import { addressResource } from './resources';

export const FOUND_DONE: ContractProblem = { key: 'MessagingSetupNoteFoundDone' };

/**
 * A create that finds the identical address already there. When an entry records it (the first
 * try recorded it), nothing changed and nothing is recorded again. When none does, the address
 * is recorded now with a note that says how it was found: most often an earlier try whose
 * answer was lost (the user's retry), else a change outside Messaging Setup — either way the
 * history then has the address it holds, once. (Twilio's dates cannot tell the two apart.)
 */
export async function createFoundDone(
  deps: FunctionDeps,
  tracked: Tracked,
  address: AddressSummary,
  alreadyThere: ContractProblem,
  note: ContractProblem = FOUND_DONE,
): Promise<ChangeDone<AddressSummary>> {
  tracked.resource = addressResource(address);
  const done = { result: address, after: { address } };
  const recorded = await newestEntryWhere(deps.config, leftAddress(address.sid));
  if (recorded) return { ...done, unrecorded: alreadyThere };
  tracked.note = note;
  return done;
}
