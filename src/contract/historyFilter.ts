import type { HistoryEntry, ListHistoryRequest } from './types';

/*
 * Which history entries list-history's filters keep. One rule for both sides: the backend filters
 * with it (over Sync's pages, so paging stays right), and the plugin tests' fake backend answers
 * with it, so a plugin test sees what the backend would send.
 */

/** `whatsapp:+1415…` → `+1415…`; a value without a channel prefix stays as it is. */
const withoutChannel = (value: string): string => value.replace(/^[a-z]+:(?=\+)/i, '');

const isText = (value: unknown): value is string => typeof value === 'string';

/**
 * Whether an entry is about `filter`: its resource's address or SID, case-insensitively. A number
 * without a channel (`+14155550100`) also matches that number's WhatsApp address
 * (`whatsapp:+14155550100`), so one search shows everything about a number; a filter with a
 * channel matches that channel only. Exact, not partial: a row's timeline is that row's alone.
 */
export function isAbout(entry: HistoryEntry, filter: string): boolean {
  const wanted = filter.toLowerCase();
  const { sid, address } = entry.resource;
  if (isText(sid) && sid.toLowerCase() === wanted) return true;
  if (!isText(address)) return false;
  const have = address.toLowerCase();
  return have === wanted || (!wanted.includes(':') && withoutChannel(have) === wanted);
}

/** Whether `part` is in `text`, whatever the case of either ("second" finds second.supervisor@owl.example). */
const containsPart = (text: unknown, part: string): boolean =>
  isText(text) && text.toLowerCase().includes(part.toLowerCase());

/** Whether the entry was made by a person whose Flex identity holds `identity`, in any case. */
export const isByPerson = (entry: HistoryEntry, identity: string): boolean =>
  containsPart(entry.who?.identity, identity);

/** Every text an entry holds in its states (URLs, SIDs, names, reasons), leaves only. */
function textsIn(value: unknown, into: string[] = []): string[] {
  if (isText(value)) into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => textsIn(item, into));
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => textsIn(item, into));
  return into;
}

/**
 * The History tab's one search: part of the entry's address or SID, of who made it, or of any
 * text its before and after hold (a webhook URL, a Studio flow's or service's SID, a Flex Flow's
 * name), in any case.
 */
export function holdsText(entry: HistoryEntry, search: string): boolean {
  const { address, sid } = entry.resource ?? {};
  return [address, sid, entry.who?.identity, ...textsIn(entry.before), ...textsIn(entry.after)].some((text) =>
    containsPart(text, search),
  );
}

/** Whether the entry was made from `from` (inclusive) until `to` (exclusive): ISO 8601 instants. */
export function isWithin(entry: HistoryEntry, { from, to }: Pick<ListHistoryRequest, 'from' | 'to'>): boolean {
  if (from === undefined && to === undefined) return true;
  const at = Date.parse(entry.at);
  if (Number.isNaN(at)) return false;
  return (from === undefined || at >= Date.parse(from)) && (to === undefined || at < Date.parse(to));
}

/** Whether an entry passes every filter of the request (each optional; none: every entry). */
export function matchesHistoryFilters(
  entry: HistoryEntry,
  { address, identity, kind, search, from, to }: ListHistoryRequest,
): boolean {
  if (kind !== undefined && entry.kind !== kind) return false;
  if (identity !== undefined && !isByPerson(entry, identity)) return false;
  if (search !== undefined && !holdsText(entry, search)) return false;
  if (!isWithin(entry, { from, to })) return false;
  return address === undefined || isAbout(entry, address);
}
