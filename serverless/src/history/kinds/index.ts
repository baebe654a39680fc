/**
 * The backend's half of each history kind: how a revert of it is applied (the contract's half,
 * src/contract/historyKinds.ts, says whether it may be). One handler per kind, keyed by kind, so a
 * new kind fails the type check until it has one.
 */
import { undoneAs, type RevertRefusal } from '../../../../src/contract/historyKinds';
import type { HistoryEntry, HistoryKind } from '../../../../src/contract/types';
import { createAddressRevert, deleteAddressRevert, updateAddressRevert } from './addresses';
import { setDefaultServiceRevert } from './defaultService';
import { deleteFlexFlowRevert, migrateFlexFlowRevert } from './flexFlows';
import { cannotRevert, type RevertHandler } from './handler';
import { updateNumberInboundRevert } from './numberInbound';

export { IncompleteRevert, refuse, type RevertHandler } from './handler';

/** The handler that undoes an entry: a revert is undone as the change whose states it holds. */
function handlerOf(entry: HistoryEntry): RevertHandler {
  const kind = undoneAs(entry);
  if (kind === undefined) throw cannotRevert();
  return REVERT_HANDLERS[kind];
}

export const REVERT_HANDLERS: Record<HistoryKind, RevertHandler> = {
  'create-address': createAddressRevert,
  'update-address': updateAddressRevert,
  'delete-address': deleteAddressRevert,
  'update-number-inbound': updateNumberInboundRevert,
  'set-default-conversation-service': setDefaultServiceRevert,
  'migrate-flex-flow': migrateFlexFlowRevert,
  'delete-flex-flow': deleteFlexFlowRevert,
  revert: {
    changesSince: (client, entry) => handlerOf(entry).changesSince(client, entry),
    apply: (client, entry, tracked) => handlerOf(entry).apply(client, entry, tracked),
  },
};

/** How the backend says each refusal (after "Entry <id> cannot be reverted."). */
export const REFUSAL_MESSAGES: Record<RevertRefusal, string> = {
  failed: 'It records a change that failed: nothing was changed, so there is nothing to revert.',
  summarised: 'Its states were summarised to fit the history, so they cannot be put back exactly.',
  'undid-flex-flow': 'It undid a Flex Flow migration; migrate the Flex Flow again instead.',
  'no-default-before': 'There was no default conversation service before, and Twilio cannot unset it.',
  'no-states': 'It holds no states to put back.',
  'unknown-states': 'Its states are not those of a change Messaging Setup makes.',
};
