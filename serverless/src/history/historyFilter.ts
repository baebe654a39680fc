import type { HistoryEntry, ListHistoryRequest } from '../../../src/contract/types';

/** `whatsapp:+1415…` → `+1415…`; a value without a channel prefix stays as it is. */
const withoutChannel = (value: string): string => value.replace(/^[a-z]+:(?=\+)/i, '');

/**
 * Whether an entry is about `filter`: its resource's address or SID, case-insensitively. A number
 * without a channel (`+14155550100`) also matches that number's WhatsApp address
 * (`whatsapp:+14155550100`), so one search shows everything about a number; a filter with a
 * channel matches that channel only.
 */
export function isAbout(entry: HistoryEntry, filter: string): boolean {
  const wanted = filter.toLowerCase();
  const { sid, address } = entry.resource;
  if (sid?.toLowerCase() === wanted) return true;
  if (!address) return false;
  const have = address.toLowerCase();
  return have === wanted || (!wanted.includes(':') && withoutChannel(have) === wanted);
}

export function matches(entry: HistoryEntry, { address, identity, kind }: ListHistoryRequest): boolean {
  if (kind !== undefined && entry.kind !== kind) return false;
  if (identity !== undefined && entry.who.identity.toLowerCase() !== identity.toLowerCase()) return false;
  return address === undefined || isAbout(entry, address);
}
