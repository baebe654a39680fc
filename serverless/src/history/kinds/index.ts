/**
 * The backend's half of each history kind: how a revert of it is applied (the contract's half,
 * src/contract/historyKinds.ts, says whether it may be). One handler per kind, keyed by kind, so a
 * new kind fails the type check until it has one.
 */
import { undoneAs, type RevertRefusal } from '../../../../src/contract/historyKinds';
import type { MessageKeyWith } from '../../../../src/contract/messages';
import type { HistoryEntry, HistoryKind } from '../../../../src/contract/types';
import { createAddressRevert, deleteAddressRevert, updateAddressRevert } from './addresses';
import { setDefaultServiceRevert } from './defaultService';
import { deleteFlexFlowRevert, migrateFlexFlowRevert } from './flexFlows';
import { cannotRevert, type RevertHandler } from './handler';
import { updateNumberInboundRevert } from './numberInbound';
import { setAsideRevert } from './setAside';

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
  // The contract refuses first ('closed-final'); were it ever asked, Twilio could not reopen one.
  'close-conversation': {
    changesSince: async () => [],
    apply: () => Promise.reject(cannotRevert()),
  },
  'set-aside': setAsideRevert,
  revert: {
    changesSince: (client, entry, config) => handlerOf(entry).changesSince(client, entry, config),
    apply: (client, entry, tracked, config) => handlerOf(entry).apply(client, entry, tracked, config),
    landed: async (client, entry, tracked, config) => {
      const handler = handlerOf(entry);
      if (!handler.landed) throw new Error('cannot tell');
      return handler.landed(client, entry, tracked, config);
    },
  },
};

/** How the backend says each refusal (after "Entry <id> cannot be reverted."): a key of the contract's messages. */
export const REFUSAL_MESSAGES: Record<RevertRefusal, MessageKeyWith<never>> = {
  failed: 'MessagingSetupRefusalRevertFailed',
  summarised: 'MessagingSetupRefusalRevertSummarised',
  'undid-flex-flow': 'MessagingSetupRefusalRevertUndidFlexFlow',
  'no-default-before': 'MessagingSetupRefusalRevertNoDefaultBefore',
  'closed-final': 'MessagingSetupRefusalRevertClosedFinal',
  'no-states': 'MessagingSetupRefusalRevertNoStates',
  'unknown-states': 'MessagingSetupRefusalRevertUnknownStates',
};
