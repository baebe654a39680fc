import { HISTORY_KINDS, type HistoryEntry, type ListHistoryRequest } from '../../../src/contract/types';
import { BackendError } from '../http/backendError';

const MAX_FILTER_CHARS = 256;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** list-history's request: each filter optional, each checked (400 naming the field). */
export function parseListHistory(payload: unknown): ListHistoryRequest {
  if (!isRecord(payload)) throw new BackendError(400, 'invalid_input', 'The request must be a JSON object.');
  const fields: Record<string, string> = {};
  const extra = Object.keys(payload).filter((key) => !['cursor', 'address', 'identity', 'kind'].includes(key));
  if (extra.length > 0) fields.request = `Unknown field: ${extra.join(', ')}.`;
  const { cursor, address, identity, kind } = payload;
  if (cursor !== undefined && typeof cursor !== 'string') {
    throw new BackendError(400, 'invalid_cursor', 'cursor must be a string.');
  }
  const text = (value: unknown) => typeof value === 'string' && value.trim() !== '' && value.length <= MAX_FILTER_CHARS;
  if (address !== undefined && !text(address))
    fields.address = `Give an address or SID of at most ${MAX_FILTER_CHARS} characters.`;
  if (identity !== undefined && !text(identity))
    fields.identity = `Give a Flex identity of at most ${MAX_FILTER_CHARS} characters.`;
  if (kind !== undefined && !HISTORY_KINDS.includes(kind as HistoryEntry['kind'])) {
    fields.kind = `Unknown kind; one of ${HISTORY_KINDS.join(', ')}.`;
  }
  if (Object.keys(fields).length > 0) {
    throw new BackendError(400, 'invalid_input', Object.values(fields).join(' '), fields);
  }
  return {
    ...(cursor !== undefined ? { cursor: cursor as string } : {}),
    ...(address !== undefined ? { address: (address as string).trim() } : {}),
    ...(identity !== undefined ? { identity: (identity as string).trim() } : {}),
    ...(kind !== undefined ? { kind: kind as HistoryEntry['kind'] } : {}),
  };
}

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
