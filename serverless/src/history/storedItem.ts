import type { HistoryChainProblem, HistoryEntry, UnreadableHistoryEntry } from '../../../src/contract/types';
import { isRecord } from '../lib/parseRequests';
import { checkItem, chainStateOf, type ChainFields } from './chain';
import { parseStoredEntry, type StoredEntry } from './entryData';
import { idOfSeq, seqOfKey } from './entryId';

/** The bookkeeping an item carries beside the entry: its chain fields, and who wrote it (a nonce). */
export const CHAIN_FIELD = '_chain';
export const NONCE_FIELD = '_nonce';

/** What one Map item holds, as read: the entry (or why it is unreadable) and its place in the chain. */
export interface ReadItem {
  /** The item's key as a sequence number; undefined for a key that is not one of ours. */
  seq: number | undefined;
  id: string;
  entry?: HistoryEntry;
  unreadable?: UnreadableHistoryEntry;
  chain: Partial<ChainFields> | undefined;
  /** Why the item is not what the backend wrote at its key (undefined: it is). */
  problem: HistoryChainProblem | undefined;
  carried: boolean;
  nonce: unknown;
}

export function storedData(entry: StoredEntry, chain: ChainFields, nonce: string): Record<string, unknown> {
  return { ...entry, [CHAIN_FIELD]: chain, [NONCE_FIELD]: nonce };
}

/** An item's data split into the entry as digested and the bookkeeping beside it. */
function split(data: unknown): { body: unknown; chain: Partial<ChainFields> | undefined; nonce: unknown } {
  if (!isRecord(data)) return { body: data, chain: undefined, nonce: undefined };
  const { [CHAIN_FIELD]: chain, [NONCE_FIELD]: nonce, ...body } = data;
  return { body, chain: isRecord(chain) ? (chain as Partial<ChainFields>) : undefined, nonce };
}

export function readItem(chainKey: Buffer, key: string, data: unknown): ReadItem {
  const seq = seqOfKey(key);
  const id = seq === undefined ? key : idOfSeq(seq);
  const { body, chain, nonce } = split(data);
  const problem = seq === undefined ? 'misplaced' : checkItem(chainKey, seq, chain, body as StoredEntry);
  const carried = isRecord(body) && typeof body.carriedOverFrom === 'string';
  const parsed = parseStoredEntry(id, body);
  const entry = parsed.entry
    ? { ...parsed.entry, chain: chainStateOf(problem, carried), ...(problem ? { chainProblem: problem } : {}) }
    : undefined;
  return { seq, id, entry, unreadable: parsed.unreadable, chain, problem, carried, nonce };
}
