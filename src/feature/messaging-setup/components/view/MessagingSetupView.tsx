import React, { useCallback, useMemo, useRef } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Tab, TabList, TabPanel, TabPanels, Tabs, useTabState } from '@twilio-paste/core/tabs';

import type { BackendClient } from '../../api/backendClient';
import { addressForms } from '../../state/addressForm';
import { useSetupData } from '../../state/useSetupData';
import { useSetupRows } from '../../state/useSetupRows';
import { useMainLoadSettled, useStuckConversations } from '../../state/useStuckConversations';
import { messagingSetupStrings, StringsContext, type MessagingSetupStrings } from '../../strings';
import { AddressesTable } from '../tabs/AddressesTable';
import { WebchatDeploymentCheck } from '../webchat/WebchatDeploymentCheck';
import { ChannelTable } from '../tabs/ChannelTable';
import { FlexFlowsPanel } from '../tabs/FlexFlowsPanel';
import { HealthBanner } from './HealthBanner';
import { ViewHeader } from './ViewHeader';
import { WriteRetriesContext } from '../../state/writeRetries';
import { HistoryPanel } from '../tabs/HistoryPanel';
import { TracePanel } from '../tabs/TracePanel';
import { StuckConversationsPanel } from '../tabs/StuckConversationsPanel';
import { LoadingProgress } from './LoadingProgress';
import { SOURCE_LABEL } from './sourceLabels';
import { LoadProblems } from './LoadProblems';
import { OpenDialogProvider, useDialogOwner } from '../dialogs/dialogOwner';
import { useMessagingSetupActions, type Notify } from '../../actions/messagingSetupActions';
import { useNotificationBarInset } from './useNotificationBarInset';
import { addressTableActions, channelRowActions, MessagingSetupDialogs } from '../dialogs/MessagingSetupDialogs';
import { useVisitedTabs } from './useVisitedTabs';
import { useHistoryTimeline } from '../../state/historyTimeline';
import { emptyTextOf, healthChannels, TAB, useTabFilters } from './viewTabs';
import { CHANNELS_WITH_TABS } from '../../channels';

export type { Notify } from '../../actions/messagingSetupActions';

interface MessagingSetupViewProps {
  backend: BackendClient;
  notify: Notify;
  strings?: MessagingSetupStrings;
}

export function MessagingSetupView({ backend, notify, strings = messagingSetupStrings }: MessagingSetupViewProps) {
  const { data, dispatch, reload } = useSetupData(backend);
  const actions = useMessagingSetupActions({ backend, dispatch, notify, strings, reload });
  // The backend says whether the user's roles may write (its settings decide and it enforces them);
  // until it has said, and from a backend too old to say, writes are offered.
  const canWrite = data.flexConfiguration?.callerMayWrite !== false;
  const dialogs = useDialogOwner();
  const openDialog = dialogs.open;
  const viewRef = useRef<HTMLDivElement>(null);
  const notificationInset = useNotificationBarInset(viewRef);
  const tabs = useTabState({ baseId: 'messaging-setup-tabs', selectedId: TAB.numbers });
  const visited = useVisitedTabs(tabs.selectedId);
  const filters = useTabFilters(tabs.select);
  // Read when its tab first opens, or once the view's own lists have loaded (for the banner's count).
  const listsLoaded = useMainLoadSettled(data);
  const stuck = useStuckConversations(backend, listsLoaded || visited.has(TAB.stuck));
  const stuckAnswer = stuck.answer;
  const stuckCount = useMemo(
    () => stuckAnswer && { count: stuckAnswer.count, truncated: stuckAnswer.truncated },
    [stuckAnswer],
  );
  const selectTab = tabs.select;
  const timeline = useHistoryTimeline(selectTab, TAB.history, dialogs.close);
  const showStuck = useCallback(() => selectTab(TAB.stuck), [selectTab]);

  const { channelRows, counts, addresses, flexFlows, flexServiceSid, defaultFlows, advice, studioFlowsBySid } =
    useSetupRows(data, strings);
  const channels = useMemo(() => healthChannels(counts, strings, data.sources), [counts, strings, data.sources]);
  const services = data.flexConfiguration?.conversationServices;
  const historyNames = useMemo(
    () => ({ studioFlowsBySid, services: services ?? [], flexServiceSid }),
    [studioFlowsBySid, services, flexServiceSid],
  );
  const forms = addressForms({ studioFlowDefaults: defaultFlows, flexServiceSid, backendUrl: backend.baseUrl });

  // What the rows' buttons do: open the dialog for it. One object for the view's life, so a row
  // renders again only when it shows something new.
  const rowActions = useMemo(() => channelRowActions(openDialog), [openDialog]);
  const addressActions = useMemo(() => addressTableActions(openDialog), [openDialog]);
  return (
    <StringsContext.Provider value={strings}>
      <OpenDialogProvider value={openDialog}>
        <WriteRetriesContext.Provider value={actions.writeRetries}>
          <Box ref={viewRef} padding="space60" overflowY="auto" height="100%" data-testid="messaging-setup-view">
            {/* Flex's notification bar covers the top of the views area: start below it. */}
            <div aria-hidden="true" data-testid="notification-bar-inset" style={{ height: notificationInset }} />
            <ViewHeader />

            <HealthBanner
              flexConfiguration={data.flexConfiguration}
              flexConfigurationFailed={data.sources.flexConfiguration.error !== null}
              channels={channels}
              canWrite={canWrite}
              onShowLevel={filters.showLevel}
              advice={advice}
              stuck={stuckCount}
              onShowStuck={showStuck}
            />

            <LoadingProgress data={data} sourceLabel={SOURCE_LABEL} />
            <LoadProblems
              sources={data.sources}
              sourceLabel={SOURCE_LABEL}
              backendUrl={backend.baseUrl}
              reload={reload}
            />

            <Tabs state={tabs}>
              <TabList aria-label={strings.MessagingSetupTabsLabel}>
                {CHANNELS_WITH_TABS.map(({ tab }) => (
                  <Tab key={tab.tabId} id={tab.tabId}>
                    {strings[tab.tabLabel]}
                  </Tab>
                ))}
                <Tab id={TAB.addresses}>{strings.MessagingSetupTabAddresses}</Tab>
                <Tab id={TAB.flexFlows}>{strings.MessagingSetupTabFlexFlows}</Tab>
                <Tab id={TAB.history}>{strings.MessagingSetupTabHistory}</Tab>
                <Tab id={TAB.trace}>{strings.MessagingSetupTabTrace}</Tab>
                <Tab id={TAB.stuck}>{strings.MessagingSetupTabStuck}</Tab>
              </TabList>
              <TabPanels>
                {CHANNELS_WITH_TABS.map(({ type, tab }) => (
                  <TabPanel key={tab.tabId}>
                    {tab.intro && <Paragraph>{strings[tab.intro]}</Paragraph>}
                    {visited.has(tab.tabId) && (
                      <ChannelTable
                        rows={channelRows[type] ?? []}
                        addressHeading={strings[tab.addressHeading]}
                        emptyText={emptyTextOf(type, tab, data, strings)}
                        canWrite={canWrite}
                        actions={rowActions}
                        diagnosisFilter={filters.diagnosisOf(tab.tabId)}
                        onDiagnosisFilter={filters.setDiagnosisFor[tab.tabId]}
                        flexFlows={flexFlows}
                      />
                    )}
                  </TabPanel>
                ))}
                <TabPanel>
                  {visited.has(TAB.addresses) && (
                    <AddressesTable
                      rows={addresses}
                      canWrite={canWrite}
                      actions={addressActions}
                      typeFilter={filters.addressType}
                      onTypeFilter={filters.setAddressType}
                      diagnosisFilter={filters.diagnosisOf(TAB.addresses)}
                      onDiagnosisFilter={filters.setDiagnosisFor[TAB.addresses]}
                      flexFlows={flexFlows}
                    />
                  )}
                  {/* Below the table: on demand, a check no row can show (a Webchat key with no address). */}
                  {visited.has(TAB.addresses) && <WebchatDeploymentCheck backend={backend} />}
                </TabPanel>
                <TabPanel>
                  {visited.has(TAB.flexFlows) && (
                    <FlexFlowsPanel rows={flexFlows} loading={data.sources.flexFlows.loading} canWrite={canWrite} />
                  )}
                </TabPanel>
                <TabPanel>
                  {visited.has(TAB.history) && (
                    <HistoryPanel
                      backend={backend}
                      names={historyNames}
                      canWrite={canWrite}
                      selected={tabs.selectedId === TAB.history}
                      timeline={timeline.request}
                    />
                  )}
                </TabPanel>
                <TabPanel>{visited.has(TAB.trace) && <TracePanel backend={backend} />}</TabPanel>
                <TabPanel>
                  {visited.has(TAB.stuck) && <StuckConversationsPanel stuck={stuck} canWrite={canWrite} />}
                </TabPanel>
              </TabPanels>
            </Tabs>

            <MessagingSetupDialogs
              dialog={dialogs.dialog}
              open={dialogs.open}
              close={dialogs.close}
              rows={{ channelRows, addresses, flexFlows }}
              actions={actions}
              forms={forms}
              studioFlows={data.studioFlows}
              services={data.flexConfiguration?.conversationServices ?? []}
              flexServiceSid={flexServiceSid}
              flexConfiguration={data.flexConfiguration}
              canWrite={canWrite}
              history={{ backend, names: historyNames, showTimeline: timeline.show }}
              stuck={stuck}
              offer={dialogs.offer}
            />
          </Box>
        </WriteRetriesContext.Provider>
      </OpenDialogProvider>
    </StringsContext.Provider>
  );
}
