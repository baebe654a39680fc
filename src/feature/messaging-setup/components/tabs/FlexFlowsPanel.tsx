import React, { useMemo } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import type { FlexFlowRow } from '../../state/flexFlowRows';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { useOpenDialog, type OpenDialog } from '../dialogs/dialogOwner';
import { SidWithCopy } from '../table/SidWithCopy';
import { DataTable, type Column, type TableSelection } from '../table/DataTable';

interface FlexFlowsPanelProps {
  rows: FlexFlowRow[];
  loading: boolean;
  canWrite: boolean;
}

const keyOf = (row: FlexFlowRow) => row.flow.sid;
const isReady = (row: FlexFlowRow) => row.preview.kind === 'ready';
const searchText = ({ flow, integration }: FlexFlowRow) => [
  flow.friendlyName,
  flow.sid,
  flow.contactIdentity,
  flow.channelType,
  integration,
];

function flexFlowColumns(strings: MessagingSetupStrings, canWrite: boolean, open: OpenDialog): Column<FlexFlowRow>[] {
  const yesNo = (value: boolean) => (value ? strings.MessagingSetupYes : strings.MessagingSetupNo);
  // Each row's buttons named with the flow they act on (and the identity it holds), not just "Migrate".
  const named = (action: string, { friendlyName, contactIdentity }: FlexFlowRow['flow']) =>
    contactIdentity
      ? fill(strings.MessagingSetupFlexFlowActionForIdentity, { action, flow: friendlyName, identity: contactIdentity })
      : fill(strings.MessagingSetupFlexFlowActionFor, { action, flow: friendlyName });
  const setting = (label: string, value: boolean) => (
    <Text as="div" fontSize="fontSize20" whiteSpace="nowrap">
      {label}: {yesNo(value)}
    </Text>
  );
  return [
    {
      id: 'name',
      header: strings.MessagingSetupColumnName,
      cell: ({ flow }) => (
        <>
          <Text as="div" fontWeight="fontWeightSemibold">
            {flow.friendlyName}
          </Text>
          <SidWithCopy
            sid={flow.sid}
            address={flow.friendlyName}
            copyLabel={fill(strings.MessagingSetupCopyFlexFlowSid, { name: flow.friendlyName })}
          />
        </>
      ),
    },
    { id: 'channel', header: strings.MessagingSetupColumnChannel, cell: ({ flow }) => flow.channelType },
    {
      id: 'identity',
      header: strings.MessagingSetupColumnContactIdentity,
      cell: ({ flow }) => flow.contactIdentity ?? '—',
    },
    {
      id: 'integration',
      header: strings.MessagingSetupColumnIntegration,
      cell: (row) => (
        <>
          <Text as="div" fontSize="fontSize30" wordBreak="break-word">
            {row.integration}
          </Text>
          <Text as="div" fontSize="fontSize20" color="colorTextWeak">
            {strings.MessagingSetupColumnRetryCount}: {row.retryCount}
          </Text>
        </>
      ),
    },
    {
      id: 'settings',
      header: strings.MessagingSetupColumnSettings,
      cell: ({ flow }) => (
        <>
          {setting(strings.MessagingSetupColumnEnabled, flow.enabled)}
          {setting(strings.MessagingSetupColumnLongLived, flow.longLived)}
          {setting(strings.MessagingSetupColumnJanitor, flow.janitorEnabled)}
        </>
      ),
    },
    {
      id: 'migration',
      header: strings.MessagingSetupColumnMigration,
      dataColumn: 'actions',
      cell: (row) => (
        <>
          <Text as="div" fontWeight="fontWeightSemibold">
            {isReady(row) ? strings.MessagingSetupCanMigrate : strings.MessagingSetupCannotMigrate}
          </Text>
          {row.preview.kind === 'blocked' && (
            <Box maxWidth="size40">
              <Text as="div" fontSize="fontSize20" color="colorTextWeak">
                {row.preview.reason}
              </Text>
            </Box>
          )}
          {canWrite && (
            <Box display="flex" columnGap="space30" marginTop="space30" whiteSpace="nowrap">
              {isReady(row) && (
                <Button
                  variant="primary"
                  size="small"
                  aria-label={named(strings.MessagingSetupMigrate, row.flow)}
                  onClick={() => open({ kind: 'migrate-flex-flows', rows: [row] })}
                >
                  {strings.MessagingSetupMigrate}
                </Button>
              )}
              <Button
                variant="destructive_secondary"
                size="small"
                aria-label={named(strings.MessagingSetupDeleteFlexFlow, row.flow)}
                onClick={() => open({ kind: 'delete-flex-flow', row })}
              >
                {strings.MessagingSetupDeleteFlexFlow}
              </Button>
            </Box>
          )}
        </>
      ),
    },
  ];
}

/** The legacy Flex Flows: what each does, whether it can become an address, and the actions. */
export function FlexFlowsPanel({ rows, loading, canWrite }: FlexFlowsPanelProps) {
  const strings = useStrings();
  const open = useOpenDialog();
  const columns = useMemo(() => flexFlowColumns(strings, canWrite, open), [strings, canWrite, open]);
  const selection = useMemo<TableSelection<FlexFlowRow> | undefined>(
    () =>
      canWrite
        ? {
            isSelectable: isReady,
            rowLabel: ({ flow }) => fill(strings.MessagingSetupSelectFlexFlow, { name: flow.friendlyName }),
            allLabel: () => strings.MessagingSetupSelectAllFlexFlows,
            action: (chosen, done) => (
              <Button
                variant="primary"
                size="small"
                disabled={chosen.length === 0}
                onClick={() => open({ kind: 'migrate-flex-flows', rows: chosen, done })}
              >
                {fill(strings.MessagingSetupMigrateSelected, { count: chosen.length })}
              </Button>
            ),
          }
        : undefined,
    [canWrite, strings, open],
  );

  return (
    <Box>
      <Paragraph>{strings.MessagingSetupFlexFlowsIntro}</Paragraph>
      <DataTable
        items={rows}
        keyOf={keyOf}
        columns={columns}
        searchText={searchText}
        searchPlaceholder={strings.MessagingSetupFlexFlowSearchPlaceholder}
        emptyText={loading ? strings.MessagingSetupLoadingFlexFlows : strings.MessagingSetupNoFlexFlows}
        selection={selection}
        rowTestId="flex-flow-row"
      />
    </Box>
  );
}
