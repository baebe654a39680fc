import { undoneAs } from '../../../contract/historyKinds';
import type { HistoryEntry, HistoryKind } from '../../../contract/types';
import type { MessagingSetupStringKey } from '../strings';
import type { SetupAction, SourceName } from './setupData';

/** What a revert leaves in the view's state: what the reducer is told, and which lists load again. */
interface RevertShown {
  actions: SetupAction[];
  reload: SourceName[];
}

/**
 * The view's half of one history kind (the contract's half, src/contract/historyKinds.ts, says
 * whether an entry may be reverted; the backend's, serverless/src/history/kinds/, how).
 */
interface HistoryKindView {
  /** The kind's name, as the History tab's kind filter lists it. */
  label: MessagingSetupStringKey;
  /** The sentence an entry of this kind reads as (`{{who}}`, `{{address}}`, `{{before}}`, `{{after}}`). */
  sentence: MessagingSetupStringKey;
  /**
   * The sentence that names the fields an entry changed instead (`{{who}}`, `{{address}}`,
   * `{{changes}}`: "retry count from 3 to 1"), for a kind whose states are both an address; the
   * `sentence` still reads an entry whose states are not, or that changed none of their fields.
   */
  changedSentence?: MessagingSetupStringKey;
  /**
   * What a revert of an entry of this kind (`reverted`) puts into the view's state, from the
   * revert's own entry (`revert`: the resource and the after-state the backend answered).
   */
  afterRevert(revert: HistoryEntry, reverted: HistoryEntry): RevertShown;
}

const shown = (actions: SetupAction[], reload: SourceName[] = []): RevertShown => ({ actions, reload });

/** An address back with its earlier settings, back as a new one, or gone again. */
function addressReverted({ resource, after }: HistoryEntry): RevertShown {
  if (after && 'address' in after && typeof after.address === 'object' && after.address)
    return shown([{ type: 'address-saved', address: after.address }]);
  return shown(resource.sid ? [{ type: 'address-deleted', sid: resource.sid }] : []);
}

/** A revert of a Flex Flow change touches a Flex Flow and an address: both load again. */
const flexFlowReverted = (): RevertShown => shown([], ['flexFlows', 'addresses']);

export const HISTORY_KIND_VIEWS: Record<HistoryKind, HistoryKindView> = {
  'create-address': {
    label: 'MessagingSetupHistoryKindCreateAddress',
    sentence: 'MessagingSetupHistoryCreated',
    afterRevert: addressReverted,
  },
  'update-address': {
    label: 'MessagingSetupHistoryKindUpdateAddress',
    sentence: 'MessagingSetupHistoryChanged',
    changedSentence: 'MessagingSetupHistoryChangedWhat',
    afterRevert: addressReverted,
  },
  'delete-address': {
    label: 'MessagingSetupHistoryKindDeleteAddress',
    sentence: 'MessagingSetupHistoryDeleted',
    afterRevert: addressReverted,
  },
  'update-number-inbound': {
    label: 'MessagingSetupHistoryKindUpdateNumberInbound',
    sentence: 'MessagingSetupHistoryInbound',
    afterRevert: ({ resource, after }) =>
      resource.sid && after && 'numberInbound' in after
        ? shown([{ type: 'number-inbound-set', sid: resource.sid, ...after.numberInbound }])
        : shown([], ['numbers']),
  },
  'set-default-conversation-service': {
    label: 'MessagingSetupHistoryKindSetDefaultService',
    sentence: 'MessagingSetupHistoryDefaultService',
    afterRevert: ({ after }) =>
      after && 'defaultConversationServiceSid' in after && after.defaultConversationServiceSid
        ? shown([{ type: 'default-service-set', serviceSid: after.defaultConversationServiceSid }])
        : shown([], ['flexConfiguration']),
  },
  'migrate-flex-flow': {
    label: 'MessagingSetupHistoryKindMigrateFlexFlow',
    sentence: 'MessagingSetupHistoryMigrated',
    afterRevert: flexFlowReverted,
  },
  'delete-flex-flow': {
    label: 'MessagingSetupHistoryKindDeleteFlexFlow',
    sentence: 'MessagingSetupHistoryFlexFlowDeleted',
    afterRevert: flexFlowReverted,
  },
  'close-conversation': {
    label: 'MessagingSetupHistoryKindCloseConversation',
    sentence: 'MessagingSetupHistoryConversationClosed',
    // Never reverted (closed is final): nothing of it is in the view's state.
    afterRevert: () => shown([]),
  },
  'set-aside': {
    label: 'MessagingSetupHistoryKindSetAside',
    sentence: 'MessagingSetupHistorySetAside',
    // The mark as the revert left it (its after-state), on the address the entry is about.
    afterRevert: ({ resource, after }) =>
      resource.address && after && 'setAside' in after
        ? shown([{ type: 'set-aside-changed', address: resource.address, mark: after.setAside }])
        : shown([], ['setAsides']),
  },
  revert: {
    label: 'MessagingSetupHistoryKindRevert',
    sentence: 'MessagingSetupHistoryReverts',
    // A revert is undone as the change whose states it holds (the backend does the same).
    afterRevert(revert, reverted) {
      const kind = undoneAs(reverted);
      return kind ? HISTORY_KIND_VIEWS[kind].afterRevert(revert, reverted) : flexFlowReverted();
    },
  },
};

/** The view of a kind; undefined for one this view does not know (a newer backend's, a hand-edited entry's). */
export const kindViewOf = (kind: string): HistoryKindView | undefined =>
  Object.prototype.hasOwnProperty.call(HISTORY_KIND_VIEWS, kind) ? HISTORY_KIND_VIEWS[kind as HistoryKind] : undefined;
