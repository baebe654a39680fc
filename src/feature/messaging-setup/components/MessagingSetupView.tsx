import React, { useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Spinner } from '@twilio-paste/core/spinner';
import { Tab, TabList, TabPanel, TabPanels, Tabs, useTabState } from '@twilio-paste/core/tabs';

import type { BackendClient } from '../api/backendClient';
import type { AddressInput, AddressSummary, AddressType } from '../../../contract/types';
import type { DiagnosisLevel } from '../diagnostics/diagnose';
import { editAddressForm, newAddressForm, type AddressForm } from '../state/addressForm';
import type { ConnectionRow, DiagnosisFilter } from '../state/rows';
import type { SourceName } from '../state/setupData';
import { useSetupData } from '../state/useSetupData';
import { useSetupRows } from '../state/useSetupRows';
import {
  fill,
  messagingSetupStrings,
  StringsContext,
  type MessagingSetupStringKey,
  type MessagingSetupStrings,
} from '../strings';
import { AddressDialog } from './AddressDialog';
import { AddressesTable } from './AddressesTable';
import { BulkCreateDialog } from './BulkCreateDialog';
import { ConnectionsTable } from './ConnectionsTable';
import { DeleteAddressDialog } from './DeleteAddressDialog';
import { DiagnosisDialog } from './DiagnosisDialog';
import { FlexFlowsPanel } from './FlexFlowsPanel';
import { HealthBanner } from './HealthBanner';
import { LoadProblems } from './LoadProblems';
import { RenderWhileVisible } from './RenderWhileVisible';
import { useFocusReturn } from './useFocusReturn';
import { useLatestCallback } from './useLatestCallback';
import { useMessagingSetupActions, type Notify } from '../actions/messagingSetupActions';
import { useNotificationBarInset } from './useNotificationBarInset';

export type { Notify } from '../actions/messagingSetupActions';

interface MessagingSetupViewProps {
  backend: BackendClient;
  notify: Notify;
  strings?: MessagingSetupStrings;
}

const SOURCE_LABEL: Record<SourceName, MessagingSetupStringKey> = {
  numbers: 'MessagingSetupSourceNumbers',
  senders: 'MessagingSetupSourceSenders',
  addresses: 'MessagingSetupSourceAddresses',
  flows: 'MessagingSetupSourceFlows',
  essentials: 'MessagingSetupSourceEssentials',
  memberships: 'MessagingSetupSourceMemberships',
  flexFlows: 'MessagingSetupSourceFlexFlows',
};

const NUMBERS_TAB = 'messaging-setup-numbers';
const SENDERS_TAB = 'messaging-setup-senders';
const ADDRESSES_TAB = 'messaging-setup-addresses';
const FLEX_FLOWS_TAB = 'messaging-setup-flex-flows';

type Dialog =
  | { kind: 'none' }
  | { kind: 'edit'; form: AddressForm; addressFixed: boolean }
  | { kind: 'delete'; address: AddressSummary }
  | { kind: 'diagnosis'; table: 'numbers' | 'senders'; key: string }
  | { kind: 'bulk-settings'; rows: ConnectionRow[] }
  | { kind: 'bulk-run'; rows: ConnectionRow[]; template: AddressInput };

export function MessagingSetupView({ backend, notify, strings = messagingSetupStrings }: MessagingSetupViewProps) {
  const { data, dispatch, reload } = useSetupData(backend);
  const actions = useMessagingSetupActions({ backend, dispatch, notify, strings });
  // The backend says whether the user's roles may write (its settings decide and it enforces them);
  // until it has said, and from a backend too old to say, writes are offered.
  const canWrite = data.essentials?.callerMayWrite !== false;
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const rememberOpener = useFocusReturn(dialog.kind !== 'none');
  const viewRef = useRef<HTMLDivElement>(null);
  const notificationInset = useNotificationBarInset(viewRef);
  /** Opens a dialog from the focused control, which gets focus back when the dialog closes. */
  const openDialog = (next: Dialog) => {
    rememberOpener();
    setDialog(next);
  };
  const tabs = useTabState({ baseId: 'messaging-setup-tabs', selectedId: NUMBERS_TAB });
  const [numbersDiagnosis, setNumbersDiagnosis] = useState<DiagnosisFilter>('all');
  const [sendersDiagnosis, setSendersDiagnosis] = useState<DiagnosisFilter>('all');

  const { numbers, senders, counts, addresses, owned, flowsBySid, flowsKnown, flexFlows, flexServiceSid, defaultFlow } =
    useSetupRows(data);
  const loading = (Object.keys(data.sources) as SourceName[]).filter((s) => data.sources[s].loading);

  const createForm = (type: AddressType, address: string, friendlyName?: string) =>
    newAddressForm(type, address, {
      studioFlowSid: defaultFlow?.sid,
      conversationServiceSid: flexServiceSid ?? undefined,
      friendlyName,
      backendUrl: backend.baseUrl,
    });
  const startCreate = (type: AddressType, address: string, friendlyName: string | undefined, addressFixed: boolean) =>
    openDialog({ kind: 'edit', addressFixed, form: createForm(type, address, friendlyName) });
  const startEdit = (config: AddressSummary) =>
    openDialog({
      kind: 'edit',
      addressFixed: true,
      form: editAddressForm(config, defaultFlow?.sid, backend.baseUrl),
    });
  const rowActions = {
    onCreate: (row: ConnectionRow) => startCreate(row.type, row.address, row.name || undefined, true),
    onEdit: (row: ConnectionRow) => row.config && startEdit(row.config),
    onDelete: (row: ConnectionRow) => row.config && openDialog({ kind: 'delete', address: row.config }),
    onBulkCreate: (rows: ConnectionRow[]) => openDialog({ kind: 'bulk-settings', rows }),
  };
  const diagnosed =
    dialog.kind === 'diagnosis'
      ? (dialog.table === 'numbers' ? numbers : senders).find((row) => row.key === dialog.key)
      : undefined;

  const fixDefault = (flexSid: string) =>
    actions.fixDefaultService(
      flexSid,
      data.essentials?.conversationServices.find((s) => s.sid === flexSid)?.friendlyName ?? flexSid,
    );
  // For the memoised banner: one identity, the latest closures.
  const fixDefaultNow = useLatestCallback(fixDefault);
  const showLevel = useLatestCallback((level: DiagnosisLevel) => {
    setNumbersDiagnosis(level);
    tabs.select(NUMBERS_TAB);
  });
  const close = () => setDialog({ kind: 'none' });

  return (
    <StringsContext.Provider value={strings}>
      <Box ref={viewRef} padding="space60" overflowY="auto" height="100%" data-testid="messaging-setup-view">
        {/* Flex's notification bar covers the top of the views area: start below it. */}
        <div aria-hidden="true" data-testid="notification-bar-inset" style={{ height: notificationInset }} />
        <Heading as="h1" variant="heading10">
          {strings.MessagingSetupTitle}
        </Heading>
        <Paragraph>{strings.MessagingSetupIntro}</Paragraph>

        <HealthBanner
          essentials={data.essentials}
          counts={counts}
          canWrite={canWrite}
          onShowLevel={showLevel}
          onFixDefault={fixDefaultNow}
        />

        {loading.length > 0 && (
          <Box
            display="flex"
            alignItems="center"
            columnGap="space30"
            marginBottom="space50"
            aria-live="polite"
            data-testid="loading-progress"
          >
            <Spinner decorative={false} title={strings.MessagingSetupLoadingTitle} size="sizeIcon20" />
            <span>
              {fill(strings.MessagingSetupLoading, {
                sources: loading.map((s) => strings[SOURCE_LABEL[s]]).join(', '),
                numbers: data.numbers.length,
                addresses: data.addresses.size,
              })}
            </span>
          </Box>
        )}
        <LoadProblems sources={data.sources} sourceLabel={SOURCE_LABEL} backendUrl={backend.baseUrl} reload={reload} />

        <Tabs state={tabs}>
          <TabList aria-label={strings.MessagingSetupTabsLabel}>
            <Tab id={NUMBERS_TAB}>{strings.MessagingSetupTabNumbers}</Tab>
            <Tab id={SENDERS_TAB}>{strings.MessagingSetupTabSenders}</Tab>
            <Tab id={ADDRESSES_TAB}>{strings.MessagingSetupTabAddresses}</Tab>
            <Tab id={FLEX_FLOWS_TAB}>{strings.MessagingSetupTabFlexFlows}</Tab>
          </TabList>
          <TabPanels>
            <TabPanel>
              <RenderWhileVisible visible={tabs.selectedId === NUMBERS_TAB}>
                <ConnectionsTable
                  rows={numbers}
                  addressHeading={strings.MessagingSetupColumnPhoneNumber}
                  emptyText={
                    data.sources.numbers.loading
                      ? strings.MessagingSetupLoadingNumbers
                      : strings.MessagingSetupNoNumbers
                  }
                  canWrite={canWrite}
                  {...rowActions}
                  onDiagnose={(row) => openDialog({ kind: 'diagnosis', table: 'numbers', key: row.key })}
                  diagnosisFilter={numbersDiagnosis}
                  onDiagnosisFilter={setNumbersDiagnosis}
                />
              </RenderWhileVisible>
            </TabPanel>
            <TabPanel>
              <RenderWhileVisible visible={tabs.selectedId === SENDERS_TAB}>
                <ConnectionsTable
                  rows={senders}
                  addressHeading={strings.MessagingSetupColumnSender}
                  emptyText={
                    data.sources.senders.loading
                      ? strings.MessagingSetupLoadingSenders
                      : strings.MessagingSetupNoSenders
                  }
                  canWrite={canWrite}
                  {...rowActions}
                  onDiagnose={(row) => openDialog({ kind: 'diagnosis', table: 'senders', key: row.key })}
                  diagnosisFilter={sendersDiagnosis}
                  onDiagnosisFilter={setSendersDiagnosis}
                />
              </RenderWhileVisible>
            </TabPanel>
            <TabPanel>
              <RenderWhileVisible visible={tabs.selectedId === ADDRESSES_TAB}>
                <AddressesTable
                  addresses={addresses}
                  flowsBySid={flowsBySid}
                  flowsKnown={flowsKnown}
                  ownedAddresses={owned}
                  canWrite={canWrite}
                  onCreate={() => startCreate('sms', '', undefined, false)}
                  onEdit={startEdit}
                  onDelete={(address) => openDialog({ kind: 'delete', address })}
                />
              </RenderWhileVisible>
            </TabPanel>
            <TabPanel>
              <RenderWhileVisible visible={tabs.selectedId === FLEX_FLOWS_TAB}>
                <FlexFlowsPanel
                  rows={flexFlows}
                  loading={data.sources.flexFlows.loading}
                  canWrite={canWrite}
                  migrate={actions.migrateFlexFlow}
                  onMigrationFinished={actions.reportMigration}
                  deleteFlow={actions.deleteFlexFlow}
                />
              </RenderWhileVisible>
            </TabPanel>
          </TabPanels>
        </Tabs>

        {dialog.kind === 'edit' && (
          <AddressDialog
            initial={dialog.form}
            addressFixed={dialog.addressFixed}
            flows={data.flows}
            services={data.essentials?.conversationServices ?? []}
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
            flows={data.flows}
            services={data.essentials?.conversationServices ?? []}
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
      </Box>
    </StringsContext.Provider>
  );
}
