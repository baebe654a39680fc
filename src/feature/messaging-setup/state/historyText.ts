import { revertRefusal } from '../../../contract/historyKinds';
import type {
  ConversationServiceSummary,
  HistoryEntry,
  HistoryKind,
  HistoryState,
  StudioFlowSummary,
} from '../../../contract/types';
import { fill, messagingSetupStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import { HISTORY_KIND_VIEWS } from './historyKindViews';
import { describeRouting } from './routing';

/** What the texts of an entry read: the names of Studio flows and services, instead of their SIDs. */
export interface HistoryNames {
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  services: readonly ConversationServiceSummary[];
}

/** Each kind's name, as the History tab's kind filter lists it (from the kind's view, historyKindViews.ts). */
export const HISTORY_KIND_LABEL_KEY = Object.fromEntries(
  Object.entries(HISTORY_KIND_VIEWS).map(([kind, view]) => [kind, view.label]),
) as Readonly<Record<HistoryKind, MessagingSetupStringKey>>;

/** When an entry was made, in the browser's locale (as stored, should it not be a date). */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** A person as the sentence names them: the part of the Flex identity before `@`. */
const shortName = (identity: string) => identity.split('@')[0] || identity;

/** One state in a few words: an address's routing, a number's handler, a service's name, a flow's name. */
export function describeState(
  state: HistoryState | null,
  names: HistoryNames,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  if (!state) return strings.MessagingSetupHistoryNothing;
  // A migration's before-state is the Flex Flow (and the address it overwrote, if any): name the flow.
  if ('flexFlow' in state) return `"${state.flexFlow.friendlyName}"`;
  if ('address' in state) {
    const routing = describeRouting(state.address, names.studioFlowsBySid, strings);
    return state.address.autoCreationEnabled ? routing : `${routing}${strings.MessagingSetupHistoryAutoCreationOff}`;
  }
  if ('numberInbound' in state) {
    const { smsUrl, smsApplicationSid } = state.numberInbound;
    return [smsUrl, smsApplicationSid].filter(Boolean).join(', ') || strings.MessagingSetupHistoryNoHandler;
  }
  if ('defaultConversationServiceSid' in state) {
    const serviceSid = state.defaultConversationServiceSid;
    if (!serviceSid) return strings.MessagingSetupHistoryNoService;
    return names.services.find((s) => s.sid === serviceSid)?.friendlyName ?? serviceSid;
  }
  return '';
}

/**
 * An entry as one sentence a supervisor reads at a glance: "demo.supervisor changed +1415… from
 * Studio: Messaging Flow · retry 3 to Webhook: POST https://…"; a failed change says so first.
 */
export function describeHistoryEntry(
  entry: HistoryEntry,
  names: HistoryNames,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  const sentence = fill(strings[HISTORY_KIND_VIEWS[entry.kind].sentence], {
    who: shortName(entry.who.identity),
    address: entry.resource.address ?? entry.resource.sid ?? '—',
    before: describeState(entry.before, names, strings),
    after: describeState(entry.after, names, strings),
  });
  return entry.outcome === 'failed' ? `${strings.MessagingSetupHistoryFailedPrefix}${sentence}` : sentence;
}

/**
 * Whether the view offers Revert: when the contract gives no reason to refuse it, the same rule
 * the backend refuses by (and says why); the backend still checks the resource is unchanged since.
 */
export const isRevertible = (entry: HistoryEntry) => revertRefusal(entry) === undefined;

/** A state's fields as `path → value` (`address.integration.retryCount → 3`), leaves only. */
function leaves(value: unknown, path: string, into: Map<string, string>): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, into);
  } else if (path) {
    into.set(path, JSON.stringify(value ?? null));
  }
  return into;
}

/** Bookkeeping Twilio changes on every write: not a difference a supervisor made. */
const IGNORED_FIELD = /(^|\.)dateUpdated$/;

/** The fields an entry changed, each with its value before and after ("—" where it had none). */
export function changedFields(entry: Pick<HistoryEntry, 'before' | 'after'>) {
  const before = leaves(entry.before, '', new Map());
  const after = leaves(entry.after, '', new Map());
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return paths
    .filter((path) => !IGNORED_FIELD.test(path) && before.get(path) !== after.get(path))
    .map((path) => ({ field: path, before: before.get(path) ?? '—', after: after.get(path) ?? '—' }));
}
