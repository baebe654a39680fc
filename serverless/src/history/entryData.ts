import type { HistoryEntry, HistoryState, UnreadableHistoryEntry } from '../../../src/contract/types';
import { entryShapeProblem } from './entryShape';

/**
 * The entry as the backend digests and stores it: without its id (the item's key) and without what
 * the store adds on reading (its standing against the chain).
 */
export type StoredEntry = Omit<HistoryEntry, 'id' | 'chain' | 'chainProblem'>;

/**
 * Sync refuses a List Item whose serialized data is over 16 KiB (Twilio error 54006). The entry
 * must fit with room to spare: twilio-node sends it JSON-encoded, and Sync may count differently.
 */
export const MAX_ENTRY_BYTES = 15 * 1024;
/** A string longer than this is cut when an entry must be summarised (a URL is rarely over 1 KB). */
const SUMMARY_STRING_CHARS = 512;
/** Flex Flow integration keys Messaging Setup reads; the rest of a large integration is left out. */
const FLEX_FLOW_INTEGRATION_KEYS = ['flow_sid', 'url', 'workspace_sid', 'workflow_sid', 'channel', 'retry_count'];

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

function cutStrings<T>(value: T): T {
  if (typeof value === 'string' && value.length > SUMMARY_STRING_CHARS) {
    return `${value.slice(0, SUMMARY_STRING_CHARS)}…` as T;
  }
  if (Array.isArray(value)) return value.map(cutStrings) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cutStrings(v)])) as T;
  }
  return value;
}

/** The managed fields of a state, long strings cut, a Flex Flow's integration to the keys we read. */
function summariseState(state: HistoryState | null): HistoryState | null {
  if (state === null || !('flexFlow' in state)) return cutStrings(state);
  const integration = Object.fromEntries(
    Object.entries(state.flexFlow.integration).filter(([key]) => FLEX_FLOW_INTEGRATION_KEYS.includes(key)),
  );
  return cutStrings({ ...state, flexFlow: { ...state.flexFlow, integration } });
}

/**
 * The entry as it is stored: whole when it fits Sync's item size; otherwise its states
 * summarised (`summarised: true`), and if even that does not fit, without states — never dropped
 * and never silently cut. A summarised entry cannot be reverted (its states are not exact).
 */
export function fitEntry(entry: StoredEntry): StoredEntry {
  if (bytesOf(entry) <= MAX_ENTRY_BYTES) return entry;
  const summarised: StoredEntry = {
    ...cutStrings(entry),
    before: summariseState(entry.before),
    after: summariseState(entry.after),
    summarised: true,
  };
  if (bytesOf(summarised) <= MAX_ENTRY_BYTES) return summarised;
  return { ...summarised, before: null, after: null };
}

/**
 * An item's data back as an entry, or what makes it unreadable (the first field out of shape,
 * entryShape.ts): listed beside the entries, never a failed filter or view.
 */
export function parseStoredEntry(
  id: string,
  data: unknown,
): { entry: HistoryEntry; unreadable?: undefined } | { entry?: undefined; unreadable: UnreadableHistoryEntry } {
  const field = entryShapeProblem(data);
  if (field !== undefined) return { unreadable: field === '' ? { id } : { id, field } };
  return { entry: { ...(data as unknown as StoredEntry), id } };
}
