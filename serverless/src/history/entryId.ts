/**
 * Entry ids are decimal strings of the entry's sequence number ("0", "17"), and the Sync Map
 * item that holds an entry is keyed by that number zero-padded to KEY_DIGITS, so Sync's key
 * order (lexicographic) is the history's order. An id is parsed strictly: one spelling per entry,
 * so "00" and "0000000000" are not entry 0 (they name nothing).
 */
export const KEY_DIGITS = 10;
const MAX_SEQ = 10 ** KEY_DIGITS - 1;
const CANONICAL_ID = /^(0|[1-9][0-9]{0,9})$/;
const KEY = /^[0-9]{10}$/;

/** The sequence number an id names, or undefined when it is not an id's one spelling. */
export function seqOfId(id: unknown): number | undefined {
  if (typeof id !== 'string' || !CANONICAL_ID.test(id)) return undefined;
  const seq = Number(id);
  return seq <= MAX_SEQ ? seq : undefined;
}

export const idOfSeq = (seq: number): string => String(seq);

export const keyOfSeq = (seq: number): string => String(seq).padStart(KEY_DIGITS, '0');

/** The sequence number a Map item's key holds, or undefined for a key that is not one of ours. */
export const seqOfKey = (key: string): number | undefined => (KEY.test(key) ? Number(key) : undefined);
