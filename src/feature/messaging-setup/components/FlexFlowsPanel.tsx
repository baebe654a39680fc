import React, { useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import type { MigrateFlexFlowResponse } from '../../../contract/types';
import type { FlexFlowRow } from '../state/flexFlowRows';
import { matchesSearch } from '../state/rows';
import { fill, useStrings } from '../strings';
import { DeleteFlexFlowDialog } from './DeleteFlexFlowDialog';
import { MigrateFlexFlowsDialog, type MigrationItemResult } from './MigrateFlexFlowsDialog';
import { clampPage, Pager, pageOf } from './Pager';
import { SidCell } from './SidCell';
import { TableToolbar } from './TableToolbar';
import { useFocusReturn } from './useFocusReturn';
import { useSelection } from './useSelection';

interface FlexFlowsPanelProps {
  rows: FlexFlowRow[];
  loading: boolean;
  canWrite: boolean;
  migrate: (row: FlexFlowRow) => Promise<MigrateFlexFlowResponse>;
  onMigrationFinished: (results: MigrationItemResult[]) => void;
  deleteFlow: (row: FlexFlowRow) => Promise<void>;
}

type PanelDialog = { kind: 'none' } | { kind: 'migrate'; rows: FlexFlowRow[] } | { kind: 'delete'; row: FlexFlowRow };

/** The legacy Flex Flows: what each does, whether it can become an address, and the actions. */
export function FlexFlowsPanel(props: FlexFlowsPanelProps) {
  const { rows, loading, canWrite } = props;
  const strings = useStrings();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const { selected, toggle, clear } = useSelection();
  const [dialog, setDialog] = useState<PanelDialog>({ kind: 'none' });
  const rememberOpener = useFocusReturn(dialog.kind !== 'none');
  const openDialog = (next: PanelDialog) => {
    rememberOpener();
    setDialog(next);
  };

  const filtered = useMemo(
    () =>
      rows.filter((r) =>
        matchesSearch(
          [r.flow.friendlyName, r.flow.sid, r.flow.contactIdentity, r.flow.channelType, r.integration],
          query,
        ),
      ),
    [rows, query],
  );
  const shownPage = clampPage(page, filtered.length);
  const visible = pageOf(filtered, shownPage);
  const migratable = rows.filter((r) => r.preview.kind === 'ready');
  // Selection survives reloads only for flows that still exist and can still be migrated.
  const chosen = migratable.filter((r) => selected.has(r.flow.sid));
  const yesNo = (value: boolean) => (value ? strings.MessagingSetupYes : strings.MessagingSetupNo);
  const close = () => setDialog({ kind: 'none' });

  return (
    <Box>
      <Paragraph>{strings.MessagingSetupFlexFlowsIntro}</Paragraph>
      <Box display="flex" justifyContent="space-between" alignItems="flex-start">
        <Box flexGrow={1}>
          <TableToolbar
            query={query}
            onQuery={(q) => {
              setQuery(q);
              setPage(0);
            }}
            placeholder={strings.MessagingSetupFlexFlowSearchPlaceholder}
            summary={fill(strings.MessagingSetupShowing, { shown: filtered.length, total: rows.length })}
          />
        </Box>
        {canWrite && (
          <Box marginLeft="space60" paddingTop="space80">
            <Button
              variant="primary"
              size="small"
              disabled={chosen.length === 0}
              onClick={() => openDialog({ kind: 'migrate', rows: chosen })}
            >
              {fill(strings.MessagingSetupMigrateSelected, { count: chosen.length })}
            </Button>
          </Box>
        )}
      </Box>
      {/* Focusable by script only: where focus goes when a dialog's change took its opener away. */}
      <Table scrollHorizontally tabIndex={-1}>
        <THead>
          <Tr>
            {canWrite && (
              <Th>
                <Checkbox
                  id="messaging-setup-flex-flows-all"
                  checked={migratable.length > 0 && chosen.length === migratable.length}
                  indeterminate={chosen.length > 0 && chosen.length < migratable.length}
                  disabled={migratable.length === 0}
                  onChange={(e) =>
                    e.target.checked
                      ? toggle(
                          migratable.map((r) => r.flow.sid),
                          true,
                        )
                      : clear()
                  }
                >
                  <ScreenReaderOnly>{strings.MessagingSetupSelectAllFlexFlows}</ScreenReaderOnly>
                </Checkbox>
              </Th>
            )}
            <Th>{strings.MessagingSetupColumnName}</Th>
            <Th>{strings.MessagingSetupColumnChannel}</Th>
            <Th>{strings.MessagingSetupColumnContactIdentity}</Th>
            <Th>{strings.MessagingSetupColumnIntegration}</Th>
            <Th>{strings.MessagingSetupColumnSettings}</Th>
            <Th>{strings.MessagingSetupColumnMigration}</Th>
          </Tr>
        </THead>
        <TBody>
          {visible.length === 0 && (
            <Tr>
              <Td colSpan={canWrite ? 7 : 6}>
                <Text as="p" color="colorTextWeak">
                  {rows.length > 0
                    ? strings.MessagingSetupNoMatches
                    : loading
                      ? strings.MessagingSetupLoadingFlexFlows
                      : strings.MessagingSetupNoFlexFlows}
                </Text>
              </Td>
            </Tr>
          )}
          {visible.map((row) => {
            const { flow, preview } = row;
            return (
              <Tr key={flow.sid} data-testid="flex-flow-row">
                {canWrite && (
                  <Td>
                    <Checkbox
                      id={`messaging-setup-select-${flow.sid}`}
                      checked={selected.has(flow.sid) && preview.kind === 'ready'}
                      disabled={preview.kind !== 'ready'}
                      onChange={(e) => toggle([flow.sid], e.target.checked)}
                    >
                      <ScreenReaderOnly>
                        {fill(strings.MessagingSetupSelectFlexFlow, { name: flow.friendlyName })}
                      </ScreenReaderOnly>
                    </Checkbox>
                  </Td>
                )}
                <Td>
                  <Text as="div" fontWeight="fontWeightSemibold">
                    {flow.friendlyName}
                  </Text>
                  <SidCell
                    sid={flow.sid}
                    address={flow.friendlyName}
                    copyLabel={fill(strings.MessagingSetupCopyFlexFlowSid, { name: flow.friendlyName })}
                  />
                </Td>
                <Td>{flow.channelType}</Td>
                <Td>{flow.contactIdentity ?? '—'}</Td>
                <Td>
                  <Text as="div" fontSize="fontSize30" wordBreak="break-word">
                    {row.integration}
                  </Text>
                  <Text as="div" fontSize="fontSize20" color="colorTextWeak">
                    {strings.MessagingSetupColumnRetryCount}: {row.retryCount}
                  </Text>
                </Td>
                <Td>
                  <Text as="div" fontSize="fontSize20" whiteSpace="nowrap">
                    {strings.MessagingSetupColumnEnabled}: {yesNo(flow.enabled)}
                  </Text>
                  <Text as="div" fontSize="fontSize20" whiteSpace="nowrap">
                    {strings.MessagingSetupColumnLongLived}: {yesNo(flow.longLived)}
                  </Text>
                  <Text as="div" fontSize="fontSize20" whiteSpace="nowrap">
                    {strings.MessagingSetupColumnJanitor}: {yesNo(flow.janitorEnabled)}
                  </Text>
                </Td>
                <Td>
                  <Text as="div" fontWeight="fontWeightSemibold">
                    {preview.kind === 'ready' ? strings.MessagingSetupCanMigrate : strings.MessagingSetupCannotMigrate}
                  </Text>
                  {preview.kind === 'blocked' && (
                    <Box maxWidth="size40">
                      <Text as="div" fontSize="fontSize20" color="colorTextWeak">
                        {preview.reason}
                      </Text>
                    </Box>
                  )}
                  {canWrite && (
                    <Box display="flex" columnGap="space30" marginTop="space30" whiteSpace="nowrap">
                      {preview.kind === 'ready' && (
                        <Button
                          variant="primary"
                          size="small"
                          onClick={() => openDialog({ kind: 'migrate', rows: [row] })}
                        >
                          {strings.MessagingSetupMigrate}
                        </Button>
                      )}
                      <Button
                        variant="destructive_secondary"
                        size="small"
                        onClick={() => openDialog({ kind: 'delete', row })}
                      >
                        {strings.MessagingSetupDeleteFlexFlow}
                      </Button>
                    </Box>
                  )}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      <Pager page={shownPage} total={filtered.length} onPage={setPage} />

      {dialog.kind === 'migrate' && (
        <MigrateFlexFlowsDialog
          rows={dialog.rows}
          onMigrate={props.migrate}
          onFinished={(results) => {
            clear();
            props.onMigrationFinished(results);
          }}
          onClose={close}
        />
      )}
      {dialog.kind === 'delete' && (
        <DeleteFlexFlowDialog
          row={dialog.row}
          onConfirm={() => props.deleteFlow(dialog.row)}
          onCancel={close}
          onDone={close}
        />
      )}
    </Box>
  );
}
