import React from 'react';

import type {
  AddressInput,
  AddressSummary,
  AddressType,
  ConversationServiceSummary,
  StudioFlowSummary,
} from '../../../contract/types';
import type { MessagingSetupActions } from '../actions/messagingSetupActions';
import type { AddressForm } from '../state/addressForm';
import type { ConnectionRow } from '../state/rows';
import { AddressDialog } from './AddressDialog';
import { BulkCreateDialog } from './BulkCreateDialog';
import { DeleteAddressDialog } from './DeleteAddressDialog';
import { DiagnosisDialog } from './DiagnosisDialog';

/** Which dialog of the view is open, with what it is about. */
export type Dialog =
  | { kind: 'none' }
  | { kind: 'edit'; form: AddressForm; addressFixed: boolean }
  | { kind: 'delete'; address: AddressSummary }
  | { kind: 'diagnosis'; table: 'numbers' | 'senders'; key: string }
  | { kind: 'bulk-settings'; rows: ConnectionRow[] }
  | { kind: 'bulk-run'; rows: ConnectionRow[]; template: AddressInput };

interface MessagingSetupDialogsProps {
  dialog: Dialog;
  setDialog: (dialog: Dialog) => void;
  /** The current rows: the diagnosis dialog shows its row as it is now, not as it was when opened. */
  rows: { numbers: ConnectionRow[]; senders: ConnectionRow[] };
  actions: MessagingSetupActions;
  /** A create form with the view's defaults (Studio "Messaging Flow", Flex's service). */
  createForm: (type: AddressType, address: string) => AddressForm;
  flows: StudioFlowSummary[];
  services: ConversationServiceSummary[];
  flexServiceSid: string | null;
  canWrite: boolean;
}

/** The view's dialogs: the open one, wired to the verbs that make its change. */
export function MessagingSetupDialogs({
  dialog,
  setDialog,
  rows,
  actions,
  createForm,
  flows,
  services,
  flexServiceSid,
  canWrite,
}: MessagingSetupDialogsProps) {
  const close = () => setDialog({ kind: 'none' });
  const diagnosed = dialog.kind === 'diagnosis' ? rows[dialog.table].find((row) => row.key === dialog.key) : undefined;
  return (
    <>
      {dialog.kind === 'edit' && (
        <AddressDialog
          initial={dialog.form}
          addressFixed={dialog.addressFixed}
          flows={flows}
          services={services}
          flexServiceSid={flexServiceSid}
          onCreate={actions.createAddress}
          onUpdate={(request) => actions.updateAddress(request, dialog.form.address)}
          onCancel={close}
          onDone={close}
        />
      )}
      {dialog.kind === 'bulk-settings' && (
        <AddressDialog
          initial={createForm(dialog.rows[0].type, dialog.rows[0].address)}
          addressFixed
          flows={flows}
          services={services}
          flexServiceSid={flexServiceSid}
          onCancel={close}
          bulk={{
            count: dialog.rows.length,
            onSettings: (template) => setDialog({ kind: 'bulk-run', rows: dialog.rows, template }),
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
          onClose={close}
        />
      )}
      {dialog.kind === 'delete' && (
        <DeleteAddressDialog
          address={dialog.address}
          onConfirm={() => actions.deleteAddress(dialog.address)}
          onCancel={close}
          onDone={close}
        />
      )}
    </>
  );
}
