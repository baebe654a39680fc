import { useMemo } from 'react';

import type {
  AddressInput,
  AddressSummary,
  CloseConversationResponse,
  HistoryEntry,
  MigrateFlexFlowResponse,
  Recorded,
  SetAsideChannel,
  SetAsideMark,
  StuckConversation,
  UpdateAddressRequest,
} from '../../../contract/types';
import { wordedByView, type BackendClient } from '../api/backendClient';
import type { InboundField } from '../components/dialogs/DiagnosisDialog';
import { errorMessage } from '../errorMessage';
import { migrationRequest, type FlexFlowRow } from '../state/flexFlowRows';
import { HISTORY_KIND_VIEWS } from '../state/historyKindViews';
import { summariseMigration, type MigrationItemResult } from '../state/migrationResults';
import type { CloseCounts } from '../state/closeResults';
import type { SetupAction, SourceName } from '../state/setupData';
import { createWriteRetries, type WriteRetries } from '../state/writeRetries';
import { fill, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';

export type Notify = (kind: 'success' | 'error', message: string) => void;

interface BulkCounts {
  created: number;
  failed: number;
  cancelled: number;
}

/**
 * Every change the view can make, as one verb each. A verb makes the backend call, puts what the
 * backend answered into the view's state, and says so in a Flex notification; a failure is
 * notified too and rethrown, so the dialog that asked can show it beside the user's input.
 * Dialogs call verbs; nothing else in the view talks to the backend about a change.
 */
export interface MessagingSetupActions {
  createAddress(request: AddressInput): Promise<AddressSummary>;
  /** `address` is how the user knows it (its phone number or sender), for the messages. */
  updateAddress(request: UpdateAddressRequest, address: string): Promise<AddressSummary>;
  deleteAddress(address: AddressSummary): Promise<void>;
  /** Sets (or with "" clears) one inbound handler of a number; answers the value it had. */
  setNumberInbound(
    number: { sid: string; address: string },
    field: InboundField,
    value: string,
  ): Promise<string | null>;
  /** Makes a service the account's default Conversations service; answers the previous default. */
  fixDefaultService(serviceSid: string, serviceName: string): Promise<string | null>;
  /** One Flex Flow to an address; its effects (the address, the flow gone) are in the state at once. */
  migrateFlexFlow(row: FlexFlowRow): Promise<MigrateFlexFlowResponse>;
  /** After a run of migrations: one notification for all of them. */
  reportMigration(results: readonly MigrationItemResult[]): void;
  deleteFlexFlow(row: FlexFlowRow): Promise<void>;
  /** One address of a bulk run: no notification of its own (the run reports once, below). */
  createAddressInBulk(request: AddressInput): Promise<AddressSummary>;
  reportBulkCreate(counts: BulkCounts): void;
  /**
   * Undoes one change of the history (the backend refuses when the resource changed since); the
   * state then shows what the revert put back. `summary` is how the entry reads, for the messages.
   */
  revertChange(entry: HistoryEntry, summary: string): Promise<HistoryEntry>;
  /** Closes a customer's conversation that holds them away from an agent (final: Twilio cannot reopen it). */
  closeConversation(conversationSid: string, serviceSid: string, customer: string): Promise<void>;
  /** One conversation of a bulk close: no notification of its own (the run reports once, below). */
  closeConversationInBulk(conversation: StuckConversation): Promise<CloseConversationResponse>;
  reportBulkClose(counts: CloseCounts): void;
  /** The retries of the address write in progress (create, edit), for its dialog to say. */
  writeRetries: WriteRetries;
  /**
   * Sets a number or sender aside as not for Flex (with an optional reason), or clears the mark;
   * answers the mark as it is now. Nothing changes on Twilio; the mark is the account's, recorded.
   */
  setNumberAside(
    target: { channel: SetAsideChannel; address: string },
    aside: boolean,
    reason?: string,
  ): Promise<SetAsideMark | null>;
}

interface ActionDeps {
  backend: BackendClient;
  dispatch: (action: SetupAction) => void;
  notify: Notify;
  strings: MessagingSetupStrings;
  /** Loads one list again: after a revert of a change the state cannot mirror from its answer alone. */
  reload?: (source: SourceName) => void;
}

/**
 * A write's answer without its history receipt, which does not belong in the view's state; a
 * change the history could not record is said at once (the change itself was made). Answers,
 * beside the result, the backend's words when nothing changed (`unchanged`: nothing to record),
 * for the caller to say in place of its "done".
 */
function withoutReceipt<T extends object>(
  response: Recorded<T>,
  notify: Notify,
  strings: MessagingSetupStrings,
): { result: T; unchanged: string | null } {
  const { history, ...result } = response;
  if (!history || history.recorded) return { result: result as T, unchanged: null };
  const message = wordedByView(history.message, history.messageKey, history.values, strings);
  if (history.unchanged) return { result: result as T, unchanged: message };
  notify('error', fill(strings.MessagingSetupHistoryNotRecorded, { message }));
  return { result: result as T, unchanged: null };
}

/** The verbs, over the typed client. Pure wiring: everything it needs comes in `deps`. */
export function createMessagingSetupActions({
  backend,
  dispatch,
  notify,
  strings,
  reload,
}: ActionDeps): MessagingSetupActions {
  /**
   * Runs a change; a failure is notified (naming what it was about), then rethrown to the dialog.
   * Success is notified in `succeeded`'s words, or the backend's when nothing changed. What it
   * answers is the change's result, its history receipt said and taken off.
   */
  async function reporting<T extends object>(
    failure: MessagingSetupStringKey,
    about: string,
    change: () => Promise<Recorded<T>>,
    succeeded: (result: T) => string,
  ): Promise<T> {
    let answer: { result: T; unchanged: string | null };
    try {
      answer = withoutReceipt(await change(), notify, strings);
    } catch (error) {
      notify('error', fill(strings[failure], { address: about, error: errorMessage(error) }));
      throw error;
    }
    notify('success', answer.unchanged ?? succeeded(answer.result));
    return answer.result;
  }

  const writeRetries = createWriteRetries();

  return {
    writeRetries,

    async createAddress(request) {
      const saved = await reporting(
        'MessagingSetupCreateFailed',
        request.address,
        () => writeRetries.track((options) => backend.call('create-address', request, options)),
        (made) => fill(strings.MessagingSetupCreated, { address: made.address }),
      );
      dispatch({ type: 'address-saved', address: saved });
      return saved;
    },

    async updateAddress(request, address) {
      const saved = await reporting(
        'MessagingSetupSaveFailed',
        address,
        () => writeRetries.track((options) => backend.call('update-address', request, options)),
        (made) => fill(strings.MessagingSetupSaved, { address: made.address }),
      );
      dispatch({ type: 'address-saved', address: saved });
      return saved;
    },

    async deleteAddress(address) {
      await reporting(
        'MessagingSetupDeleteFailed',
        address.address,
        () => backend.call('delete-address', { sid: address.sid }),
        () => fill(strings.MessagingSetupDeleted, { address: address.address }),
      );
      dispatch({ type: 'address-deleted', sid: address.sid });
    },

    async setNumberInbound(number, field, value) {
      const what = field === 'smsUrl' ? strings.MessagingSetupWebhookWhat : strings.MessagingSetupApplicationWhat;
      const result = await reporting(
        'MessagingSetupClearFailed',
        number.address,
        () => backend.call('update-number-inbound', { sid: number.sid, [field]: value }),
        (done) =>
          value === ''
            ? fill(strings.MessagingSetupCleared, {
                what,
                address: number.address,
                previous: done.previous[field] ?? '—',
              })
            : fill(strings.MessagingSetupRestored, { what, address: number.address, previous: value }),
      );
      dispatch({ type: 'number-updated', number: result.number });
      return result.previous[field];
    },

    async fixDefaultService(serviceSid, serviceName) {
      const result = await reporting(
        'MessagingSetupFixDefaultFailed',
        serviceName,
        () => backend.call('set-default-conversation-service', { serviceSid }),
        (done) =>
          fill(strings.MessagingSetupFixDefaultDone, {
            flex: serviceName,
            previous: done.previousServiceSid ?? strings.MessagingSetupNoDefaultService,
          }),
      );
      dispatch({ type: 'default-service-set', serviceSid: result.defaultConversationServiceSid });
      return result.previousServiceSid;
    },

    async migrateFlexFlow(row) {
      const response = withoutReceipt(
        await backend.call('migrate-flex-flow', migrationRequest(row)),
        notify,
        strings,
      ).result;
      // Mirror each step's effect at once: the new (or updated) address, and the flow gone.
      if (response.address) dispatch({ type: 'address-saved', address: response.address });
      if (response.outcome === 'migrated') dispatch({ type: 'flex-flow-deleted', sid: response.flexFlowSid });
      return response;
    },

    reportMigration(results) {
      const clean = results.every((r) => r.outcome === 'migrated' || r.outcome === 'skipped');
      notify(
        clean ? 'success' : 'error',
        fill(strings.MessagingSetupMigrateNotify, { summary: summariseMigration(results, strings) }),
      );
    },

    async deleteFlexFlow(row) {
      await reporting(
        'MessagingSetupFlexFlowDeleteFailed',
        row.flow.friendlyName,
        () => backend.call('delete-flex-flow', { sid: row.flow.sid }),
        () => fill(strings.MessagingSetupFlexFlowDeleted, { name: row.flow.friendlyName }),
      );
      dispatch({ type: 'flex-flow-deleted', sid: row.flow.sid });
    },

    async createAddressInBulk(request) {
      // The bulk runner paces the run and re-queues a rate-limited row itself: no second loop here.
      const saved = withoutReceipt(
        // `bulk` marks its history entry as one of a run.
        await backend.call('create-address', { ...request, bulk: true }, { retryRateLimited: false }),
        notify,
        strings,
      ).result;
      dispatch({ type: 'address-saved', address: saved });
      return saved;
    },

    reportBulkCreate(counts) {
      notify(counts.failed > 0 ? 'error' : 'success', fill(strings.MessagingSetupBulkNotify, { ...counts }));
    },

    async revertChange(entry, summary) {
      const { entry: revert } = await reporting(
        'MessagingSetupHistoryRevertFailed',
        summary,
        () => backend.call('revert-change', { id: entry.id }),
        () => fill(strings.MessagingSetupHistoryReverted, { summary }),
      );
      showReverted(entry, revert);
      return revert;
    },

    async closeConversation(conversationSid, serviceSid, customer) {
      await reporting(
        'MessagingSetupTraceCloseFailed',
        customer,
        () => backend.call('close-conversation', { sid: conversationSid, serviceSid }),
        () => fill(strings.MessagingSetupTraceClosed, { customer }),
      );
    },

    async closeConversationInBulk({ sid: conversationSid, serviceSid }) {
      // The client waits out a 429 (Retry-After); one it gives up on, the bulk runner re-queues.
      return withoutReceipt(
        await backend.call('close-conversation', { sid: conversationSid, serviceSid }),
        notify,
        strings,
      ).result;
    },

    async setNumberAside({ channel, address }, aside, reason) {
      const { mark } = await reporting(
        'MessagingSetupSetAsideFailed',
        address,
        () => backend.call('set-number-aside', { channel, address, aside, ...(reason ? { reason } : {}) }),
        () => fill(aside ? strings.MessagingSetupSetAsideDone : strings.MessagingSetupSetAsideCleared, { address }),
      );
      dispatch({ type: 'set-aside-changed', address, mark });
      return mark;
    },

    reportBulkClose(counts) {
      const clean = counts['task-open'] === 0 && counts.failed === 0;
      notify(
        clean ? 'success' : 'error',
        fill(strings.MessagingSetupStuckCloseNotify, {
          closed: counts.closed,
          alreadyClosed: counts['already-closed'],
          refused: counts['task-open'],
          failed: counts.failed,
        }),
      );
    },
  };

  /** Puts what a revert restored into the state: as the reverted entry's kind says (historyKindViews.ts). */
  function showReverted(reverted: HistoryEntry, revert: HistoryEntry) {
    const shown = HISTORY_KIND_VIEWS[reverted.kind].afterRevert(revert, reverted);
    shown.actions.forEach((action) => dispatch(action));
    shown.reload.forEach((source) => reload?.(source));
  }
}

/** The verbs for a view: the same object for as long as its backend, notifier and strings are. */
export function useMessagingSetupActions(deps: ActionDeps): MessagingSetupActions {
  const { backend, dispatch, notify, strings, reload } = deps;
  return useMemo(
    () => createMessagingSetupActions({ backend, dispatch, notify, strings, reload }),
    [backend, dispatch, notify, strings, reload],
  );
}
