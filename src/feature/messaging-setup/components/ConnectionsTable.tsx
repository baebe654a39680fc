import React, { useMemo, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import { filterRows, type ConnectionRow, type DiagnosisFilter, type StatusFilter } from '../state/rows';
import { AddressStatusBadge } from './AddressStatusBadge';
import { DiagnosisBadge } from './DiagnosisBadge';
import { fill, useStrings } from '../strings';
import { AddressRowActions } from './AddressRowActions';
import { SidCell } from './SidCell';
import { clampPage, Pager, pageOf } from './Pager';
import { TableToolbar } from './TableToolbar';
import { useSelection } from './useSelection';

interface ConnectionsTableProps {
  rows: ConnectionRow[];
  /** Column heading for the address: "Phone number" or "WhatsApp sender". */
  addressHeading: string;
  emptyText: string;
  canWrite: boolean;
  onCreate: (row: ConnectionRow) => void;
  onEdit: (row: ConnectionRow) => void;
  onDelete: (row: ConnectionRow) => void;
  /** Opens a row's findings. */
  onDiagnose: (row: ConnectionRow) => void;
  /** The Diagnosis filter is the view's, so the health banner's counts can set it. */
  diagnosisFilter: DiagnosisFilter;
  onDiagnosisFilter: (filter: DiagnosisFilter) => void;
  /** Creates addresses for many rows with one configuration (shown to writers). */
  onBulkCreate?: (rows: ConnectionRow[]) => void;
}

/** A row bulk create can take: no address yet, and one can be made. */
const selectable = (row: ConnectionRow) => !row.config && row.connectable;

interface RowActions {
  onCreate: (row: ConnectionRow) => void;
  onEdit: (row: ConnectionRow) => void;
  onDelete: (row: ConnectionRow) => void;
  onDiagnose: (row: ConnectionRow) => void;
  toggle: (key: string, on: boolean) => void;
}

interface ConnectionRowViewProps {
  row: ConnectionRow;
  bulk: boolean;
  selected: boolean;
  canWrite: boolean;
  actions: React.MutableRefObject<RowActions>;
}

const diagnosisKey = (row: ConnectionRow) =>
  row.diagnosis ? `${row.diagnosis.level}:${row.diagnosis.findings.map((f) => f.code).join(',')}` : '';

/** Whether a row shows the same as before: its rows object is new on every view render. */
function sameRow(a: ConnectionRowViewProps, b: ConnectionRowViewProps): boolean {
  const x = a.row;
  const y = b.row;
  return (
    a.bulk === b.bulk &&
    a.selected === b.selected &&
    a.canWrite === b.canWrite &&
    x.key === y.key &&
    x.address === y.address &&
    x.name === y.name &&
    x.note === y.note &&
    x.connectable === y.connectable &&
    x.config === y.config &&
    x.status === y.status &&
    x.statusReason === y.statusReason &&
    x.routing === y.routing &&
    diagnosisKey(x) === diagnosisKey(y)
  );
}

/**
 * One row. Memoised: while a large account loads, each page of addresses changes a few rows, and
 * re-rendering every row of Paste components per page would hold up the next page.
 */
const ConnectionRowView = React.memo(function ConnectionRowView({
  row,
  bulk,
  selected,
  canWrite,
  actions,
}: ConnectionRowViewProps) {
  const strings = useStrings();
  return (
    <Tr data-testid="connection-row">
      {bulk && (
        <Td>
          {selectable(row) && (
            <Checkbox
              id={`select-${row.key}`}
              checked={selected}
              onChange={(e) => actions.current.toggle(row.key, e.target.checked)}
            >
              <ScreenReaderOnly>{fill(strings.MessagingSetupSelectRow, { address: row.address })}</ScreenReaderOnly>
            </Checkbox>
          )}
        </Td>
      )}
      <Td data-column="address">
        <Text as="span" fontWeight="fontWeightSemibold">
          {row.address}
        </Text>
      </Td>
      <Td>
        <Text as="div" whiteSpace="nowrap">
          {row.name}
        </Text>
        {row.note && (
          <Text as="div" fontSize="fontSize20" color="colorTextWeak">
            {row.note}
          </Text>
        )}
      </Td>
      <Td>
        <AddressStatusBadge status={row.status} reason={row.statusReason} />
        {row.statusReason && (
          <Text as="div" fontSize="fontSize20" color="colorTextError">
            {row.statusReason}
          </Text>
        )}
      </Td>
      <Td>
        {row.diagnosis ? (
          <DiagnosisBadge
            address={row.address}
            diagnosis={row.diagnosis}
            onOpen={() => actions.current.onDiagnose(row)}
          />
        ) : (
          '—'
        )}
      </Td>
      <Td>
        <Text as="span" fontSize="fontSize30" wordBreak="break-word">
          {row.routing || '—'}
        </Text>
      </Td>
      <Td>{row.config ? <SidCell sid={row.config.sid} address={row.address} /> : '—'}</Td>
      <Td textAlign="right" data-column="actions">
        {canWrite && (
          <AddressRowActions onEdit={() => actions.current.onEdit(row)} onDelete={() => actions.current.onDelete(row)}>
            {row.config ? undefined : (
              <Button
                variant="primary"
                size="small"
                disabled={!row.connectable}
                onClick={() => actions.current.onCreate(row)}
              >
                {strings.MessagingSetupCreateAddress}
              </Button>
            )}
          </AddressRowActions>
        )}
      </Td>
    </Tr>
  );
}, sameRow);

/** The Phone numbers and WhatsApp senders tables: one row per number/sender, its address status. */
export function ConnectionsTable({
  rows,
  addressHeading,
  emptyText,
  canWrite,
  onCreate,
  onEdit,
  onDelete,
  onDiagnose,
  diagnosisFilter,
  onDiagnosisFilter,
  onBulkCreate,
}: ConnectionsTableProps) {
  const strings = useStrings();
  const [query, setQuery] = useState('');
  const { selected, toggle, clear } = useSelection();
  const selectAllId = useUID();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(0);
  const filtered = useMemo(
    () => filterRows(rows, query, status, diagnosisFilter),
    [rows, query, status, diagnosisFilter],
  );
  const shownPage = clampPage(page, filtered.length);
  const visible = pageOf(filtered, shownPage);
  const bulk = canWrite && onBulkCreate !== undefined;
  // Rows re-render only when their own data changes (see ConnectionRowView), so they reach the
  // handlers through a ref that always holds the latest ones.
  const actions = useRef<RowActions>({ onCreate, onEdit, onDelete, onDiagnose, toggle: () => undefined });
  // Only rows still without an address count: one that got an address meanwhile drops out.
  const chosen = useMemo(() => rows.filter((r) => selectable(r) && selected.has(r.key)), [rows, selected]);
  const matching = useMemo(() => filtered.filter(selectable), [filtered]);
  const allMatchingChosen = matching.length > 0 && matching.every((r) => selected.has(r.key));
  actions.current = { onCreate, onEdit, onDelete, onDiagnose, toggle: (key, on) => toggle([key], on) };

  return (
    <Box>
      <TableToolbar
        query={query}
        onQuery={(q) => {
          setQuery(q);
          setPage(0);
        }}
        status={status}
        onStatus={(s) => {
          setStatus(s);
          setPage(0);
        }}
        diagnosis={diagnosisFilter}
        onDiagnosis={(d) => {
          onDiagnosisFilter(d);
          setPage(0);
        }}
        summary={fill(strings.MessagingSetupShowing, { shown: filtered.length, total: rows.length })}
      />
      {bulk && (
        <Box display="flex" justifyContent="flex-end" marginBottom="space40">
          <Button
            variant="primary"
            size="small"
            disabled={chosen.length === 0}
            onClick={() => {
              onBulkCreate(chosen);
              clear();
            }}
          >
            {fill(strings.MessagingSetupBulkCreate, { count: chosen.length })}
          </Button>
        </Box>
      )}
      {/* Focusable by script only: where focus goes when a dialog's change took its opener away. */}
      <Table scrollHorizontally tabIndex={-1}>
        <THead>
          <Tr>
            {bulk && (
              <Th>
                <Checkbox
                  id={selectAllId}
                  checked={allMatchingChosen}
                  indeterminate={!allMatchingChosen && matching.some((r) => selected.has(r.key))}
                  disabled={matching.length === 0}
                  onChange={(e) =>
                    toggle(
                      matching.map((r) => r.key),
                      e.target.checked,
                    )
                  }
                >
                  <ScreenReaderOnly>
                    {fill(strings.MessagingSetupSelectAllMatching, { count: matching.length })}
                  </ScreenReaderOnly>
                </Checkbox>
              </Th>
            )}
            <Th>{addressHeading}</Th>
            <Th>{strings.MessagingSetupColumnName}</Th>
            <Th>{strings.MessagingSetupColumnStatus}</Th>
            <Th>{strings.MessagingSetupColumnDiagnosis}</Th>
            <Th>{strings.MessagingSetupColumnRouting}</Th>
            <Th>{strings.MessagingSetupColumnAddressSid}</Th>
            <Th textAlign="right">{strings.MessagingSetupColumnActions}</Th>
          </Tr>
        </THead>
        <TBody>
          {visible.length === 0 && (
            <Tr>
              <Td colSpan={bulk ? 8 : 7}>
                <Text as="p" color="colorTextWeak">
                  {rows.length === 0 ? emptyText : strings.MessagingSetupNoMatches}
                </Text>
              </Td>
            </Tr>
          )}
          {visible.map((row) => (
            <ConnectionRowView
              key={row.key}
              row={row}
              bulk={bulk}
              selected={selected.has(row.key)}
              canWrite={canWrite}
              actions={actions}
            />
          ))}
        </TBody>
      </Table>
      <Pager page={shownPage} total={filtered.length} onPage={setPage} />
    </Box>
  );
}
