import twilio from 'twilio';

import { BackendError } from '../http/backendError';
import { flexFunction, type FunctionDeps } from '../http/flexFunction';
import { FOUND_DONE } from '../history/foundDone';
import { leftAddress, newestEntryWhere, removedAddress } from '../history/priorEntries';
import { recordChange, unrecordedRefusal, type ChangeDone, type Tracked } from '../history/recordChange';
import { addressResource } from '../history/resources';
import { findAddressConfiguration } from '../lib/addressParams';
import { parseDeleteAddress } from '../lib/parseRequests';
import { summariseAddress } from '../lib/summaries';

type Deleted = { deleted: string };

const isNotFound = (error: unknown) => error instanceof twilio.RestException && error.status === 404;

/**
 * The address is gone already. What the history says of it decides the answer: its newest entry
 * removed it → 404, nothing recorded again (the first try recorded); its newest entry left it in
 * place → it was deleted and no entry recorded that (an earlier try whose answer was lost, or the
 * Console): recorded now with a note, its before-state that entry's. No entry at all → a SID the
 * history never knew: 404, recorded as a failed delete as before.
 */
async function alreadyGone(
  deps: FunctionDeps,
  sid: string,
  tracked: Tracked,
  notFound: unknown,
): Promise<ChangeDone<Deleted>> {
  const newest = await newestEntryWhere(deps.config, (e) => removedAddress(sid)(e) || leftAddress(sid)(e));
  if (!newest) throw notFound;
  const left = newest.after !== null && 'address' in newest.after ? newest.after.address : undefined;
  if (removedAddress(sid)(newest) || !left || typeof left !== 'object') {
    throw unrecordedRefusal(
      new BackendError(404, 'not_found', {
        key: 'MessagingSetupRefusalAlreadyDeleted',
        values: { what: sid, id: newest.id },
      }),
    );
  }
  tracked.resource = addressResource(left);
  tracked.before = { address: left };
  tracked.note = FOUND_DONE;
  return { result: { deleted: sid }, after: null };
}

/**
 * Deletes an address configuration: new messages stop creating conversations; open ones stay.
 * Reads it first, so its history entry holds what was deleted (and a revert can make it again).
 * A delete whose answer was lost is settled by looking (gone: it happened); a retry that finds
 * the address gone is answered from the history (alreadyGone).
 */
export const handler = flexFunction<'delete-address'>({
  name: 'delete-address',
  parse: parseDeleteAddress,
  run: ({ sid }, deps) =>
    recordChange(
      deps,
      {
        kind: 'delete-address',
        resource: { type: 'address', sid, address: null },
        look: async () =>
          (await findAddressConfiguration(deps.client, sid))
            ? { applied: false }
            : { applied: true, done: { result: { deleted: sid }, after: null } },
      },
      async (tracked) => {
        const address = deps.client.conversations.v1.addressConfigurations(sid);
        let fetched;
        try {
          fetched = await address.fetch();
        } catch (error) {
          if (!isNotFound(error)) throw error;
          return alreadyGone(deps, sid, tracked, error);
        }
        const before = summariseAddress(fetched);
        tracked.resource = addressResource(before);
        tracked.before = { address: before };
        await address.remove();
        return { result: { deleted: sid }, after: null };
      },
    ),
});
