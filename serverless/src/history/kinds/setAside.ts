import type { ContractProblem } from '../../../../src/contract/messages';
import type { HistoryEntry, SetAsideMark } from '../../../../src/contract/types';
import { BackendError } from '../../http/backendError';
import { sameMark, setAsideKeyOf, SetAsideStore } from '../../setAside/setAsideStore';
import { cannotRevert, reversed, type RevertHandler } from './handler';

/** The mark a state holds (null: not set aside), or undefined when the state is not a set-aside one. */
const markIn = (state: HistoryEntry['before']): SetAsideMark | null | undefined =>
  state !== null && 'setAside' in state ? state.setAside : undefined;

/** The store's key of the entry's number or sender: from the mark it names (its channel), or undefined. */
function keyOf(entry: HistoryEntry): string | undefined {
  const mark = markIn(entry.before) ?? markIn(entry.after);
  return mark ? setAsideKeyOf(mark.channel, mark.address) : undefined;
}

/**
 * A set-aside mark is reverted by putting the earlier mark back as it was (who set it, when, why),
 * or removing it when there was none: a compare-and-set against the mark read while the revert
 * holds the number's lease, so nothing lands between the check and the write.
 */
export const setAsideRevert: RevertHandler = {
  async landed(client, entry, _tracked, config) {
    if ((await this.changesSince(client, reversed(entry), config)).length === 0) return { after: entry.before };
    if ((await this.changesSince(client, entry, config)).length === 0) return undefined;
    throw new Error('cannot tell');
  },
  async changesSince(_client, entry, config) {
    const expected = markIn(entry.after);
    const key = keyOf(entry);
    if (expected === undefined || key === undefined) return [];
    const now = (await new SetAsideStore(config).read(key))?.mark ?? null;
    if (sameMark(now, expected)) return [];
    const difference: ContractProblem =
      now === null
        ? { key: 'MessagingSetupRefusalDiffNotSetAside' }
        : { key: 'MessagingSetupRefusalDiffSetAside', values: { by: now.by, at: now.at } };
    return [difference];
  },
  async apply(_client, entry, _tracked, config) {
    const before = markIn(entry.before);
    const key = keyOf(entry);
    if (before === undefined || key === undefined) throw cannotRevert();
    const store = new SetAsideStore(config);
    const read = await store.read(key);
    // Checked unchanged since inside the lease; a move now is a writer outside the backend.
    if (
      !sameMark(read?.mark ?? null, markIn(entry.after) ?? null) ||
      (await store.write(key, read, before)) !== 'applied'
    ) {
      throw new BackendError(409, 'set_aside_moved', {
        key: 'MessagingSetupRefusalSetAsideMoved',
        values: { address: entry.resource.address ?? key },
      });
    }
    return { setAside: before };
  },
};
