import React, { useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Tab, TabList, TabPanel, TabPanels, Tabs, useTabState } from '@twilio-paste/core/tabs';

import type { BackendClient } from '../api/backendClient';
import type { AddressSummary, AddressType } from '../../../contract/types';
import type { DiagnosisLevel } from '../diagnostics/diagnose';
import { addressForms } from '../state/addressForm';
import type { ConnectionRow, DiagnosisFilter } from '../state/rows';
import { useSetupData } from '../state/useSetupData';
import { useSetupRows } from '../state/useSetupRows';
import { messagingSetupStrings, StringsContext, type MessagingSetupStrings } from '../strings';
import { AddressesTable } from './AddressesTable';
import { ConnectionsTable } from './ConnectionsTable';
import { FlexFlowsPanel } from './FlexFlowsPanel';
import { HealthBanner } from './HealthBanner';
import { LoadingProgress } from './LoadingProgress';
import { SOURCE_LABEL } from './sourceLabels';
import { LoadProblems } from './LoadProblems';
import { RenderWhileVisible } from './RenderWhileVisible';
import { useFocusReturn } from './useFocusReturn';
import { useLatestCallback } from './useLatestCallback';
import { useMessagingSetupActions, type Notify } from '../actions/messagingSetupActions';
import { useNotificationBarInset } from './useNotificationBarInset';
import { MessagingSetupDialogs, type Dialog } from './MessagingSetupDialogs';

export type { Notify } from '../actions/messagingSetupActions';

interface MessagingSetupViewProps {
  backend: BackendClient;
  notify: Notify;
  strings?: MessagingSetupStrings;
}

const NUMBERS_TAB = 'messaging-setup-numbers';
const SENDERS_TAB = 'messaging-setup-senders';
const ADDRESSES_TAB = 'messaging-setup-addresses';
const FLEX_FLOWS_TAB = 'messaging-setup-flex-flows';

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
    useSetupRows(data, strings);

  const forms = addressForms({ defaultFlowSid: defaultFlow?.sid, flexServiceSid, backendUrl: backend.baseUrl });
  const startCreate = (type: AddressType, address: string, friendlyName: string | undefined, addressFixed: boolean) =>
    openDialog({ kind: 'edit', addressFixed, form: forms.create(type, address, friendlyName) });
  const startEdit = (config: AddressSummary) =>
    openDialog({ kind: 'edit', addressFixed: true, form: forms.edit(config) });
  const rowActions = {
    onCreate: (row: ConnectionRow) => startCreate(row.type, row.address, row.name || undefined, true),
    onEdit: (row: ConnectionRow) => row.config && startEdit(row.config),
    onDelete: (row: ConnectionRow) => row.config && openDialog({ kind: 'delete', address: row.config }),
    onBulkCreate: (rows: ConnectionRow[]) => openDialog({ kind: 'bulk-settings', rows }),
  };
  // The Phone numbers and WhatsApp senders tabs: one table, two configurations.
  const connectionTabs = [
    {
      id: NUMBERS_TAB,
      table: 'numbers' as const,
      rows: numbers,
      addressHeading: strings.MessagingSetupColumnPhoneNumber,
      emptyText: data.sources.numbers.loading ? strings.MessagingSetupLoadingNumbers : strings.MessagingSetupNoNumbers,
      diagnosis: numbersDiagnosis,
      setDiagnosis: setNumbersDiagnosis,
    },
    {
      id: SENDERS_TAB,
      table: 'senders' as const,
      rows: senders,
      addressHeading: strings.MessagingSetupColumnSender,
      emptyText: data.sources.senders.loading ? strings.MessagingSetupLoadingSenders : strings.MessagingSetupNoSenders,
      diagnosis: sendersDiagnosis,
      setDiagnosis: setSendersDiagnosis,
    },
  ];

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

        <LoadingProgress data={data} sourceLabel={SOURCE_LABEL} />
        <LoadProblems sources={data.sources} sourceLabel={SOURCE_LABEL} backendUrl={backend.baseUrl} reload={reload} />

        <Tabs state={tabs}>
          <TabList aria-label={strings.MessagingSetupTabsLabel}>
            <Tab id={NUMBERS_TAB}>{strings.MessagingSetupTabNumbers}</Tab>
            <Tab id={SENDERS_TAB}>{strings.MessagingSetupTabSenders}</Tab>
            <Tab id={ADDRESSES_TAB}>{strings.MessagingSetupTabAddresses}</Tab>
            <Tab id={FLEX_FLOWS_TAB}>{strings.MessagingSetupTabFlexFlows}</Tab>
          </TabList>
          <TabPanels>
            {connectionTabs.map((tab) => (
              <TabPanel key={tab.id}>
                <RenderWhileVisible visible={tabs.selectedId === tab.id}>
                  <ConnectionsTable
                    rows={tab.rows}
                    addressHeading={tab.addressHeading}
                    emptyText={tab.emptyText}
                    canWrite={canWrite}
                    {...rowActions}
                    onDiagnose={(row) => openDialog({ kind: 'diagnosis', table: tab.table, key: row.key })}
                    diagnosisFilter={tab.diagnosis}
                    onDiagnosisFilter={tab.setDiagnosis}
                  />
                </RenderWhileVisible>
              </TabPanel>
            ))}
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

        <MessagingSetupDialogs
          dialog={dialog}
          setDialog={setDialog}
          rows={{ numbers, senders }}
          actions={actions}
          createForm={forms.create}
          flows={data.flows}
          services={data.essentials?.conversationServices ?? []}
          flexServiceSid={flexServiceSid}
          canWrite={canWrite}
        />
      </Box>
    </StringsContext.Provider>
  );
}
