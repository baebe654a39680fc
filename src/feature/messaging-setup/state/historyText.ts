import { revertRefusal } from '../../../contract/historyKinds';
import type {
  AddressSummary,
  ConversationServiceSummary,
  ConversationState,
  HistoryChainProblem,
  HistoryEntry,
  HistoryKind,
  HistoryState,
  StudioFlowSummary,
} from '../../../contract/types';
import { fill, messagingSetupStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import { addressChanges, serviceName } from './historyChanges';
import { HISTORY_KIND_VIEWS, kindViewOf } from './historyKindViews';
import { describeRouting } from './routing';

/** What the texts of an entry read: the names of Studio flows and services, instead of their SIDs. */
export interface HistoryNames {
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  services: readonly ConversationServiceSummary[];
  /** Flex's conversation service, named "Flex's service" (unknown: every service by its name). */
  flexServiceSid?: string | null;
}

/** Each kind's name, as the History tab's kind filter lists it (from the kind's view, historyKindViews.ts). */
export const HISTORY_KIND_LABEL_KEY = Object.fromEntries(
  Object.entries(HISTORY_KIND_VIEWS).map(([kind, view]) => [kind, view.label]),
) as Readonly<Record<HistoryKind, MessagingSetupStringKey>>;

/** When an entry was made, in the browser's locale (as stored, should it not be a date). */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? '—') : date.toLocaleString();
}

/*
 * The texts below read entries as stored, whatever they hold: the backend lists an item that is
 * not an entry apart (unreadable), but the states inside one are the history's own JSON, which a
 * hand edit of the Sync item can change. A state that is not of a shape the view words reads as
 * "settings that cannot be read", never as an exception that takes the History tab down.
 */
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || value === undefined || isText(value);

/** An address as the view words it: an integration of a known type with its fields. */
function isWordableAddress(value: unknown): value is AddressSummary {
  if (!isRecord(value) || !isRecord(value.integration)) return false;
  const integration = value.integration;
  if (integration.type === 'studio') {
    return isText(integration.studioFlowSid) && ['number', 'string'].includes(typeof integration.retryCount);
  }
  if (integration.type === 'webhook') return isText(integration.webhookUrl) && isText(integration.webhookMethod);
  return integration.type === 'default';
}

/** A state of one of the shapes the view words (HistoryState), or null. */
function isWordableState(state: unknown): state is HistoryState | null {
  if (state === null) return true;
  if (!isRecord(state)) return false;
  if ('flexFlow' in state) return isRecord(state.flexFlow) && isText(state.flexFlow.friendlyName);
  if ('address' in state) return isWordableAddress(state.address);
  if ('numberInbound' in state) {
    const inbound = state.numberInbound;
    return isRecord(inbound) && isTextOrNull(inbound.smsUrl) && isTextOrNull(inbound.smsApplicationSid);
  }
  if ('defaultConversationServiceSid' in state) return isTextOrNull(state.defaultConversationServiceSid);
  if ('conversation' in state) {
    const conversation = state.conversation;
    return (
      isRecord(conversation) &&
      ['active', 'inactive', 'closed'].includes(conversation.state as string) &&
      isTextOrNull(conversation.ourAddress)
    );
  }
  if ('setAside' in state) {
    const mark = state.setAside;
    return mark === null || (isRecord(mark) && isText(mark.address) && isTextOrNull(mark.reason));
  }
  return false;
}

const CONVERSATION_STATE_KEY: Record<ConversationState['state'], MessagingSetupStringKey> = {
  active: 'MessagingSetupTraceStateActive',
  inactive: 'MessagingSetupTraceStateInactive',
  closed: 'MessagingSetupTraceStateClosed',
};
/** A conversation's state (active, inactive, closed) in the view's words. */
export const conversationStateText = (state: ConversationState['state'], strings: MessagingSetupStrings) =>
  strings[CONVERSATION_STATE_KEY[state]] ?? state;

/** A person as the sentence names them: the part of the Flex identity before `@`. */
const shortName = (identity: string) => identity.split('@')[0] || identity;

/** Who made an entry, as stored ("—" when it names no one). */
export function identityOf(entry: HistoryEntry): string {
  const identity: unknown = isRecord(entry.who) ? entry.who.identity : undefined;
  return isText(identity) && identity ? identity : '—';
}

/** What an entry is about, as its sentence names it: the address, else the SID ("—": neither). */
export function resourceOf(entry: HistoryEntry): string {
  const resource: Record<string, unknown> = isRecord(entry.resource) ? entry.resource : {};
  const named = [resource.address, resource.sid].find((value) => isText(value) || typeof value === 'number');
  return named === undefined ? '—' : String(named);
}

/** One state in a few words: an address's routing, a number's handler, a service's name, a flow's name. */
export function describeState(
  state: HistoryState | null,
  names: HistoryNames,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  if (!isWordableState(state)) return strings.MessagingSetupHistoryStateUnreadable;
  if (!state) return strings.MessagingSetupHistoryNothing;
  // A migration's before-state is the Flex Flow (and the address it overwrote, if any): name the flow.
  if ('flexFlow' in state) return `"${state.flexFlow.friendlyName}"`;
  if ('address' in state) {
    const routing = describeRouting(state.address, names.studioFlowsBySid, strings);
    return state.address.autoCreationEnabled === false
      ? `${routing}${strings.MessagingSetupHistoryAutoCreationOff}`
      : routing;
  }
  if ('numberInbound' in state) {
    const { smsUrl, smsApplicationSid } = state.numberInbound;
    return [smsUrl, smsApplicationSid].filter(Boolean).join(', ') || strings.MessagingSetupHistoryNoHandler;
  }
  if ('conversation' in state) {
    const { state: conversationState, ourAddress } = state.conversation;
    const stateWord = conversationStateText(conversationState, strings);
    return ourAddress
      ? fill(strings.MessagingSetupHistoryConversationState, { state: stateWord, ourAddress })
      : stateWord;
  }
  if ('setAside' in state) {
    const mark = state.setAside;
    if (!mark) return strings.MessagingSetupHistoryForFlex;
    return mark.reason
      ? fill(strings.MessagingSetupHistoryNotForFlexBecause, { reason: mark.reason })
      : strings.MessagingSetupHistoryNotForFlex;
  }
  const serviceSid = state.defaultConversationServiceSid;
  if (!serviceSid) return strings.MessagingSetupHistoryNoService;
  return serviceName(serviceSid, names, strings);
}

/** The fields an address change changed, in words (none when its states are not both addresses). */
function addressChangesOf(entry: HistoryEntry, names: HistoryNames, strings: MessagingSetupStrings): string[] {
  const { before, after } = entry;
  if (!isWordableState(before) || !isWordableState(after) || !before || !after) return [];
  // A migration's before-state is its Flex Flow (with the address it overwrote): not an address change.
  if ('flexFlow' in before || 'flexFlow' in after || !('address' in before) || !('address' in after)) return [];
  return before.address && after.address ? addressChanges(before.address, after.address, names, strings) : [];
}

/**
 * An entry as one sentence a supervisor reads at a glance, naming what changed: "demo.supervisor
 * changed +1415…: retry count from 3 to 1; conversation service from Flex's service to
 * "Marketing"" (a kind with a `changedSentence`, whose states are addresses), else its states
 * whole ("… from Studio: Messaging Flow · retry 3 to …"); a failed change says so first. An entry
 * of a kind this view does not know reads as a change of its resource, with the kind.
 */
export function describeHistoryEntry(
  entry: HistoryEntry,
  names: HistoryNames,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  const view = kindViewOf(entry.kind);
  const values = { who: shortName(identityOf(entry)), address: resourceOf(entry) };
  const changes = view?.changedSentence ? addressChangesOf(entry, names, strings) : [];
  const sentence =
    view?.changedSentence && changes.length > 0
      ? fill(strings[view.changedSentence], {
          ...values,
          changes: changes.join(strings.MessagingSetupHistoryChangeSeparator),
        })
      : view
        ? fill(strings[view.sentence], {
            ...values,
            before: describeState(entry.before, names, strings),
            after: describeState(entry.after, names, strings),
          })
        : fill(strings.MessagingSetupHistoryUnknownKind, { ...values, kind: String(entry.kind) });
  return entry.outcome === 'failed' ? `${strings.MessagingSetupHistoryFailedPrefix}${sentence}` : sentence;
}

/**
 * Whether the view offers Revert: when the contract gives no reason to refuse it, the same rule
 * the backend refuses by (and says why); the backend still checks the resource is unchanged since.
 * Never for an entry that does not match the history's chain, of a kind this view does not know,
 * or whose states are not of a shape Messaging Setup records: the backend refuses those too.
 */
export const isRevertible = (entry: HistoryEntry) =>
  entry.chain !== 'failed' &&
  kindViewOf(entry.kind) !== undefined &&
  isWordableState(entry.before) &&
  isWordableState(entry.after) &&
  revertRefusal(entry) === undefined;

const CHAIN_PROBLEM_KEY: Record<HistoryChainProblem, MessagingSetupStringKey> = {
  altered: 'MessagingSetupHistoryChainAltered',
  unsigned: 'MessagingSetupHistoryChainUnsigned',
  misplaced: 'MessagingSetupHistoryChainMisplaced',
  link: 'MessagingSetupHistoryChainLink',
  missing: 'MessagingSetupHistoryChainMissing',
};

/** Why an entry does not match the history's chain, in plain words (a problem this view does not know, generally). */
export function describeChainProblem(
  problem: HistoryChainProblem | undefined,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  const known = problem !== undefined && Object.prototype.hasOwnProperty.call(CHAIN_PROBLEM_KEY, problem);
  return strings[known ? CHAIN_PROBLEM_KEY[problem] : 'MessagingSetupHistoryChainUnknown'];
}

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
