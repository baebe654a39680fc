/**
 * The kinds of change-history entry (`HistoryKind`), each described once for both sides: what an
 * entry of it is about, which states it keeps, and whether it may be reverted. The backend refuses
 * a revert for the reason `revertRefusal` gives, and the plugin offers Revert only when it gives
 * none, so the two cannot disagree.
 *
 * Each kind has one handler on each side besides this rule, in a record keyed by kind: how its
 * revert is applied (`serverless/src/history/kinds/`), and how it reads and what its revert leaves
 * in the view (`feature/messaging-setup/state/historyKindViews.ts`). All three are
 * `Record<HistoryKind, …>`, so a new kind fails the type check of both sides until it has them.
 */
import type { HistoryEntry, HistoryKind, HistoryResource, HistoryState } from './types';

/** Which of the HistoryState shapes a state has; null: the resource did not exist. */
type StateShape =
  'address' | 'numberInbound' | 'defaultConversationServiceSid' | 'flexFlow' | 'conversation' | 'setAside' | null;

/** A state's shape; undefined for a stored state that is none of them. */
function shapeOf(state: HistoryState | null): StateShape | undefined {
  if (state === null) return null;
  // A migration's before-state is the Flex Flow, with the address it overwrote, if any.
  if ('flexFlow' in state) return 'flexFlow';
  if ('address' in state) return 'address';
  if ('numberInbound' in state) return 'numberInbound';
  if ('defaultConversationServiceSid' in state) return 'defaultConversationServiceSid';
  if ('conversation' in state) return 'conversation';
  if ('setAside' in state) return 'setAside';
  return undefined;
}

/**
 * Why an entry cannot be reverted as it is: codes, which the backend says in words (its refusal's
 * message) and the plugin as no Revert button.
 */
export type RevertRefusal =
  /** It records a change that failed: nothing was changed. */
  | 'failed'
  /** Its states were summarised to fit the history: not exact. */
  | 'summarised'
  /** It undid a Flex Flow migration or delete: migrate again instead. */
  | 'undid-flex-flow'
  /** There was no default conversation service before, and Twilio cannot unset it. */
  | 'no-default-before'
  /** It closed a conversation: Twilio's `closed` is final, nothing can reopen it. */
  | 'closed-final'
  /** It holds no states to put back. */
  | 'no-states'
  /** Its states are not those of any change Messaging Setup makes. */
  | 'unknown-states';

/** The kinds that change a resource themselves (all but a revert, which undoes one of them). */
type ChangeKind = Exclude<HistoryKind, 'revert'>;

interface ChangeKindRule {
  /** What an entry of this kind is about. */
  resource: HistoryResource['type'];
  /** The shapes of the states a succeeded entry of this kind holds. */
  before: StateShape;
  after: StateShape;
  /** Why a succeeded entry with whole states cannot be reverted; undefined when it can. */
  refusal(entry: HistoryEntry): RevertRefusal | undefined;
}

interface RevertKindRule {
  /** A revert is about the resource of the entry it undid, and holds its states the other way round. */
  resource: 'reverted';
  refusal(entry: HistoryEntry): RevertRefusal | undefined;
}

const always = (): undefined => undefined;
const unlessStateless = (entry: HistoryEntry): RevertRefusal | undefined =>
  entry.before === null && entry.after === null ? 'no-states' : undefined;

const CHANGE_KIND_RULES: Record<ChangeKind, ChangeKindRule> = {
  'create-address': { resource: 'address', before: null, after: 'address', refusal: always },
  'update-address': { resource: 'address', before: 'address', after: 'address', refusal: always },
  'delete-address': { resource: 'address', before: 'address', after: null, refusal: always },
  'update-number-inbound': {
    resource: 'phone-number',
    before: 'numberInbound',
    after: 'numberInbound',
    refusal: unlessStateless,
  },
  'set-default-conversation-service': {
    resource: 'conversations-configuration',
    before: 'defaultConversationServiceSid',
    after: 'defaultConversationServiceSid',
    refusal: (entry) =>
      entry.before !== null &&
      'defaultConversationServiceSid' in entry.before &&
      entry.before.defaultConversationServiceSid === null
        ? 'no-default-before'
        : unlessStateless(entry),
  },
  'migrate-flex-flow': { resource: 'flex-flow', before: 'flexFlow', after: 'address', refusal: unlessStateless },
  'delete-flex-flow': { resource: 'flex-flow', before: 'flexFlow', after: null, refusal: unlessStateless },
  'close-conversation': {
    resource: 'conversation',
    before: 'conversation',
    after: 'conversation',
    refusal: () => 'closed-final',
  },
  // Set aside or cleared, with the mark before and after (null: not set aside): always put back.
  'set-aside': { resource: 'sender', before: 'setAside', after: 'setAside', refusal: always },
};

const CHANGE_KINDS = Object.keys(CHANGE_KIND_RULES) as ChangeKind[];

/**
 * The kind whose revert undoes an entry: its own; for a revert, the change whose states it holds
 * (a revert of a delete left the address as a create does, so it is undone as a create is).
 * Undefined for a revert no change's revert can undo (one that brought a Flex Flow back).
 */
export function undoneAs(entry: HistoryEntry): ChangeKind | undefined {
  if (entry.kind !== 'revert') return entry.kind;
  const before = shapeOf(entry.before);
  const after = shapeOf(entry.after);
  return CHANGE_KINDS.find((kind) => {
    const rule = CHANGE_KIND_RULES[kind];
    return rule.resource === entry.resource.type && rule.before === before && rule.after === after;
  });
}

const HISTORY_KIND_RULES: Record<HistoryKind, ChangeKindRule | RevertKindRule> = {
  ...CHANGE_KIND_RULES,
  revert: {
    resource: 'reverted',
    refusal(entry) {
      const kind = undoneAs(entry);
      if (kind) return CHANGE_KIND_RULES[kind].refusal(entry);
      if (shapeOf(entry.after) === 'flexFlow') return 'undid-flex-flow';
      return unlessStateless(entry) ?? 'unknown-states';
    },
  },
};

/** Why an entry cannot be reverted, or undefined when it can (the backend still checks it is unchanged since). */
export function revertRefusal(entry: HistoryEntry): RevertRefusal | undefined {
  if (entry.outcome === 'failed') return 'failed';
  if (entry.summarised) return 'summarised';
  return HISTORY_KIND_RULES[entry.kind].refusal(entry);
}
