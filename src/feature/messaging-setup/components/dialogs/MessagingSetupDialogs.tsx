import React from 'react';
import { Paragraph } from '@twilio-paste/core/paragraph';

import {
  SET_ASIDE_CHANNELS,
  type AddressSummary,
  type AddressType,
  type SetAsideChannel,
  type ConversationServiceSummary,
  type FlexConfigurationSummary,
  type StudioFlowSummary,
} from '../../../../contract/types';
import type { MessagingSetupActions } from '../../actions/messagingSetupActions';
import { fixesFor, type FindingFix } from '../../diagnostics/fixes';
import type { AddressForm, AddressForms } from '../../state/addressForm';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import { correctedForm } from '../../state/fixForm';
import type { AddressTableActions } from '../tabs/AddressesTable';
import type { ChannelRowActions } from '../tabs/ChannelTable';
import type { AddressRow, ChannelRow } from '../../state/rows';
import { AddressDialog } from './AddressDialog';
import { BulkCreateDialog } from './BulkCreateDialog';
import { DeleteAddressDialog } from './DeleteAddressDialog';
import { DiagnosisDialog, type DiagnosedRow } from './DiagnosisDialog';
import { RecentChanges } from './RecentChanges';
import { RowAlerts } from './RowAlerts';
import { WebchatSetup } from '../webchat/WebchatSetup';
import { SetAsideSection } from './SetAsideSection';
import { CloseConversationsDialog } from './CloseConversationsDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { DeleteFlexFlowDialog } from './DeleteFlexFlowDialog';
import type { Dialog, OpenDialog } from './dialogOwner';
import { FixDefaultServiceDialog } from './FixDefaultServiceDialog';
import { MigrateFlexFlowsDialog } from './MigrateFlexFlowsDialog';
import { CHANNEL_LIST } from '../../channels';
import { fill, useStrings } from '../../strings';
import type { BackendClient } from '../../api/backendClient';
import type { HistoryNames } from '../../state/historyText';
import { leftBehindBy, type StuckConversations } from '../../state/useStuckConversations';

/**
 * The channel a row can be set aside on (a number or a WhatsApp sender), or undefined: other
 * types, and an address of a number that is not on this account (only the account's own can be).
 */
function setAsideChannelOf(row: DiagnosedRow | AddressRow | ChannelRow): SetAsideChannel | undefined {
  if ('onAccount' in row && !row.onAccount && !row.diagnosis?.setAside) return undefined;
  const type = 'type' in row ? row.type : row.addressConfiguration?.type;
  return SET_ASIDE_CHANNELS.find((channel) => channel === type);
}

/** The Phone numbers and WhatsApp senders rows' buttons: each opens its dialog. */
export const channelRowActions = (open: OpenDialog): ChannelRowActions => ({
  onCreate: ({ type, address, name }) =>
    open({ kind: 'create', type, address, friendlyName: name || undefined, addressFixed: true }),
  onEdit: (addressConfiguration) => open({ kind: 'edit', addressConfiguration }),
  onDelete: (addressConfiguration) => open({ kind: 'delete', addressConfiguration }),
  onDiagnose: (key) => open({ kind: 'diagnosis', key }),
  onBulkCreate: (rows, clearTicks) => open({ kind: 'bulk-settings', rows, clearTicks }),
});

/** The Addresses tab's buttons. */
export const addressTableActions = (open: OpenDialog): AddressTableActions => ({
  onCreate: () => open({ kind: 'create', type: CHANNEL_LIST[0].type, address: '', addressFixed: false }),
  onEdit: (addressConfiguration) => open({ kind: 'edit', addressConfiguration }),
  onDelete: (addressConfiguration) => open({ kind: 'delete', addressConfiguration }),
  onDiagnose: (key) => open({ kind: 'diagnosis', key }),
});

interface MessagingSetupDialogsProps {
  /** The one owner's (dialogOwner.ts): the open dialog, and how to move on or close. */
  dialog: Dialog;
  open: OpenDialog;
  close: () => void;
  /**
   * The current rows: the diagnosis dialog shows its row as it is now, not as it was when opened;
   * the Flex Flows, for a finding's Migrate or Delete fix.
   */
  rows: {
    channelRows: Partial<Record<AddressType, ChannelRow[]>>;
    addresses: AddressRow[];
    flexFlows?: readonly FlexFlowRow[];
  };
  actions: MessagingSetupActions;
  /** Create and edit forms with the view's defaults (Studio "Messaging Flow", Flex's service). */
  forms: AddressForms;
  studioFlows: StudioFlowSummary[];
  services: ConversationServiceSummary[];
  flexServiceSid: string | null;
  /** For the default-service fix: which service is the default now. */
  flexConfiguration: FlexConfigurationSummary | null;
  canWrite: boolean;
  /** Where the diagnosis dialog reads an address's recent changes, and how it opens their whole timeline. */
  history: { backend: BackendClient; names: HistoryNames; showTimeline?: (address: string) => void };
  /** The view's stuck conversations: read again after a close, and after a save for what it left behind. */
  stuck: Pick<StuckConversations, 'reload' | 'refresh'>;
  /** Opens a dialog only while none is open (dialogOwner.ts): for what the view offers on its own. */
  offer: OpenDialog;
}

/** The view's dialogs, all rendered here: the open one, wired to the verbs that make its change. */
export function MessagingSetupDialogs({
  dialog,
  open,
  close,
  rows,
  actions,
  forms,
  studioFlows,
  services,
  flexServiceSid,
  flexConfiguration,
  canWrite,
  history,
  stuck,
  offer,
}: MessagingSetupDialogsProps) {
  const strings = useStrings();
  const serviceName = (sid: string | null) =>
    sid ? (services.find((s) => s.sid === sid)?.friendlyName ?? sid) : strings.MessagingSetupNoDefaultService;
  // Shown as the row is now: a fix made in the dialog shows at once.
  const diagnosed =
    dialog.kind === 'diagnosis'
      ? [...Object.values(rows.channelRows), rows.addresses]
          .map((table: readonly (ChannelRow | AddressRow)[]) => table.find((row) => row.key === dialog.key))
          .find((row) => row !== undefined)
      : undefined;
  const setAsideChannel = diagnosed && setAsideChannelOf(diagnosed);
  const flexFlowRow = (sid: string) => rows.flexFlows?.find((row) => row.flow.sid === sid);
  const fixes =
    diagnosed?.diagnosis && canWrite
      ? fixesFor(diagnosed.diagnosis.findings, {
          hasAddress: Boolean(diagnosed.addressConfiguration),
          canSetAside: Boolean(setAsideChannel) && !diagnosed.diagnosis.setAside,
          migratable: (sid) => flexFlowRow(sid)?.preview.kind === 'ready',
        })
      : [];
  /** A finding's fix that has a dialog of its own: that dialog, made ready, in place of the diagnosis. */
  const makeFix = (row: ChannelRow | AddressRow, fix: FindingFix) => {
    const flow = 'flexFlowSid' in fix ? flexFlowRow(fix.flexFlowSid) : undefined;
    switch (fix.kind) {
      case 'edit':
        if (row.addressConfiguration) {
          open({ kind: 'edit', addressConfiguration: row.addressConfiguration, correction: fix.correction });
        }
        return;
      case 'create':
        // As the row's own Create address: its type, address and name.
        if ('type' in row) channelRowActions(open).onCreate(row);
        return;
      case 'migrate':
        if (flow) open({ kind: 'migrate-flex-flows', rows: [flow] });
        return;
      case 'delete-flex-flow':
        if (flow) open({ kind: 'delete-flex-flow', row: flow });
        return;
      case 'fix-default-service':
        if (flexServiceSid) open({ kind: 'fix-default-service', flexServiceSid });
        return;
      default:
        // Clearing a handler and setting aside are made in the diagnosis dialog itself.
        return;
    }
  };
  /** An edit form; from a finding's fix, with the fix made (the channel's default flow: a new address's). */
  const editForm = ({ addressConfiguration, correction }: Extract<Dialog, { kind: 'edit' }>): AddressForm => {
    const form = forms.edit(addressConfiguration);
    if (!correction) return form;
    const studioFlowSid = forms.create(form.type, form.address).studioFlowSid;
    return correctedForm(form, correction, { studioFlowSid, flexServiceSid });
  };
  /**
   * After an address was saved: the conversations it still holds open in a service that is not
   * Flex's are offered for closing, since its new settings apply only to conversations made from
   * now on (read again from Twilio, not from the list as it was before the save).
   */
  const offerLeftBehind = (saved: AddressSummary) => {
    void stuck.refresh().then((answer) => {
      const conversations = answer ? leftBehindBy(answer, saved.address) : [];
      if (conversations.length > 0) offer({ kind: 'left-behind', address: saved.address, conversations });
    });
  };
  const addressDialog =
    dialog.kind === 'create'
      ? {
          form: forms.create(dialog.type, dialog.address, dialog.friendlyName),
          addressFixed: dialog.addressFixed,
        }
      : dialog.kind === 'edit'
        ? { form: editForm(dialog), addressFixed: true }
        : undefined;
  return (
    <>
      {addressDialog && (
        <AddressDialog
          initial={addressDialog.form}
          addressFixed={addressDialog.addressFixed}
          studioFlows={studioFlows}
          services={services}
          flexServiceSid={flexServiceSid}
          onCreate={actions.createAddress}
          onUpdate={(request) => actions.updateAddress(request, addressDialog.form.address)}
          onCancel={close}
          onDone={(saved) => {
            close();
            offerLeftBehind(saved);
          }}
        />
      )}
      {dialog.kind === 'bulk-settings' && (
        <AddressDialog
          initial={forms.create(dialog.rows[0].type, dialog.rows[0].address)}
          addressFixed
          studioFlows={studioFlows}
          services={services}
          flexServiceSid={flexServiceSid}
          onCancel={close}
          bulk={{
            count: dialog.rows.length,
            onSettings: (template) => {
              dialog.clearTicks?.();
              open({ kind: 'bulk-run', rows: dialog.rows, template });
            },
          }}
        />
      )}
      {dialog.kind === 'bulk-run' && (
        <BulkCreateDialog
          rows={dialog.rows}
          template={dialog.template}
          create={actions.createAddressInBulk}
          onFinished={actions.reportBulkCreate}
          onClose={close}
        />
      )}
      {diagnosed && (
        <DiagnosisDialog
          row={diagnosed}
          canWrite={canWrite}
          onSetInbound={(field, value) =>
            actions.setNumberInbound({ sid: diagnosed.key, address: diagnosed.address }, field, value)
          }
          fixes={fixes}
          onFix={(fix) => makeFix(diagnosed, fix)}
          onClose={close}
          setAside={
            setAsideChannel &&
            ((ask) => (
              <SetAsideSection
                address={diagnosed.address}
                mark={diagnosed.diagnosis?.setAside}
                canWrite={canWrite}
                onChange={(aside, reason) =>
                  actions.setNumberAside({ channel: setAsideChannel, address: diagnosed.address }, aside, reason)
                }
                {...ask}
              />
            ))
          }
          alerts={
            <>
              {/* A chat address: what a website needs to use it with Webchat 3 (nothing for other types). */}
              {diagnosed.addressConfiguration && <WebchatSetup address={diagnosed.addressConfiguration} />}
              <RowAlerts backend={history.backend} row={diagnosed} />
            </>
          }
          recentChanges={<RecentChanges {...history} address={diagnosed.address} />}
        />
      )}
      {dialog.kind === 'delete' && (
        <DeleteAddressDialog
          address={dialog.addressConfiguration}
          onConfirm={() => actions.deleteAddress(dialog.addressConfiguration)}
          onCancel={close}
          onDone={close}
        />
      )}
      {dialog.kind === 'migrate-flex-flows' && (
        <MigrateFlexFlowsDialog
          rows={dialog.rows}
          onMigrate={actions.migrateFlexFlow}
          onFinished={(results) => {
            dialog.done?.();
            actions.reportMigration(results);
          }}
          onClose={close}
        />
      )}
      {dialog.kind === 'delete-flex-flow' && (
        <DeleteFlexFlowDialog
          row={dialog.row}
          onConfirm={() => actions.deleteFlexFlow(dialog.row)}
          onCancel={close}
          onDone={close}
        />
      )}
      {dialog.kind === 'revert' && (
        <ConfirmDialog
          title={strings.MessagingSetupHistoryRevertTitle}
          confirmLabel={strings.MessagingSetupHistoryRevertConfirm}
          variant="primary"
          describeFailure={(error) => fill(strings.MessagingSetupHistoryRevertFailed, { error })}
          onConfirm={() => actions.revertChange(dialog.entry, dialog.summary)}
          onDone={() => {
            close();
            dialog.done?.();
          }}
          onCancel={close}
        >
          <Paragraph marginBottom="space0">
            {fill(strings.MessagingSetupHistoryRevertBody, { summary: dialog.summary })}
          </Paragraph>
        </ConfirmDialog>
      )}
      {dialog.kind === 'close-conversation' && (
        <ConfirmDialog
          title={fill(strings.MessagingSetupTraceCloseTitle, { customer: dialog.customer })}
          confirmLabel={strings.MessagingSetupTraceCloseConfirm}
          variant="destructive"
          describeFailure={(error) => fill(strings.MessagingSetupTraceCloseFailed, { address: dialog.customer, error })}
          onConfirm={() => actions.closeConversation(dialog.conversationSid, dialog.serviceSid, dialog.customer)}
          onDone={() => {
            close();
            dialog.done?.();
            // The Stuck conversations tab and the banner's count no longer list it.
            stuck.reload();
          }}
          onCancel={close}
        >
          <Paragraph marginBottom="space0">
            {fill(strings.MessagingSetupTraceCloseBody, { sid: dialog.conversationSid })}
          </Paragraph>
        </ConfirmDialog>
      )}
      {dialog.kind === 'left-behind' && (
        <ConfirmDialog
          title={strings.MessagingSetupLeftBehindTitle}
          confirmLabel={strings.MessagingSetupLeftBehindConfirm}
          variant="primary"
          describeFailure={(error) => error}
          onConfirm={() => Promise.resolve()}
          onDone={() => open({ kind: 'close-conversations', conversations: dialog.conversations })}
          onCancel={close}
        >
          <Paragraph marginBottom="space0">
            {fill(
              dialog.conversations.length === 1
                ? strings.MessagingSetupLeftBehindOne
                : strings.MessagingSetupLeftBehindMany,
              {
                address: dialog.address,
                count: dialog.conversations.length,
                services: [...new Set(dialog.conversations.map((c) => serviceName(c.serviceSid)))].join(', '),
              },
            )}
          </Paragraph>
        </ConfirmDialog>
      )}
      {dialog.kind === 'close-conversations' && (
        <CloseConversationsDialog
          conversations={dialog.conversations}
          onClose={actions.closeConversationInBulk}
          onFinished={(counts) => {
            (dialog.done ?? stuck.reload)();
            actions.reportBulkClose(counts);
          }}
          onDismiss={close}
        />
      )}
      {dialog.kind === 'fix-default-service' && (
        <FixDefaultServiceDialog
          current={{
            sid: flexConfiguration?.defaultConversationServiceSid ?? null,
            name: serviceName(flexConfiguration?.defaultConversationServiceSid ?? null),
          }}
          flex={{ sid: dialog.flexServiceSid, name: serviceName(dialog.flexServiceSid) }}
          onConfirm={() => actions.fixDefaultService(dialog.flexServiceSid, serviceName(dialog.flexServiceSid))}
          onClose={close}
        />
      )}
    </>
  );
}
