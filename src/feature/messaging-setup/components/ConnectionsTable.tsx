import React, { useCallback, useMemo, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import type { DiagnosisLevel } from '../diagnostics/diagnose';
import type { AddressStatus } from '../state/addressStatus';
import { filterRows, type ConnectionRow, type DiagnosisFilter, type StatusFilter } from '../state/rows';
import { AddressStatusBadge } from './AddressStatusBadge';
import { DiagnosisBadge } from './DiagnosisBadge';
import { fill, useStrings } from '../strings';
import { AddressRowActions } from './AddressRowActions';
import { SidCell } from './SidCell';
import { clampPage, Pager, pageOf } from './Pager';
import { TableToolbar } from './TableToolbar';
import { useLatestCallback } from './useLatestCallback';
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
  /** The same object for the table's life: its functions call the table's latest handlers. */
  actions: RowActions;
}

/** Whether a row shows the same as before: its rows object is new on every view render. */
function sameRow(a: ConnectionRowViewProps, b: ConnectionRowViewProps): boolean {
  const x = a.row;
  const y = b.row;
  return (
    a.bulk === b.bulk &&
    a.selected === b.selected &&
    a.canWrite === b.canWrite &&
    a.actions === b.actions &&
    x.key === y.key &&
    x.address === y.address &&
    x.name === y.name &&
    x.note === y.note &&
    x.connectable === y.connectable &&
    x.config === y.config &&
    x.status === y.status &&
    x.statusReason === y.statusReason &&
    x.routing === y.routing &&
    x.diagnosis?.level === y.diagnosis?.level
  );
}

// A row's cells, each memoised on its own props. When an answer changes a row while the view loads
// (a flow's name, a diagnosis), only the changed cells render again, not the row's buttons and
// checkbox: Paste components are the costly part of a render, and at 100 numbers the render after
// the last answer is what a view load waits for.

const SelectCell = React.memo(function SelectCell({
  rowKey,
  address,
  selectable: canSelect,
  selected,
  onToggle,
}: {
  rowKey: string;
  address: string;
  selectable: boolean;
  selected: boolean;
  onToggle: (key: string, on: boolean) => void;
}) {
  const strings = useStrings();
  return (
    <Td>
      {canSelect && (
        <Checkbox id={`select-${rowKey}`} checked={selected} onChange={(e) => onToggle(rowKey, e.target.checked)}>
          <ScreenReaderOnly>{fill(strings.MessagingSetupSelectRow, { address })}</ScreenReaderOnly>
        </Checkbox>
      )}
    </Td>
  );
});

const AddressCell = React.memo(function AddressCell({ address }: { address: string }) {
  return (
    <Td data-column="address">
      <Text as="span" fontWeight="fontWeightSemibold">
        {address}
      </Text>
    </Td>
  );
});

const NameCell = React.memo(function NameCell({ name, note }: { name: string; note: string | null }) {
  return (
    <Td>
      <Text as="div" whiteSpace="nowrap">
        {name}
      </Text>
      {note && (
        <Text as="div" fontSize="fontSize20" color="colorTextWeak">
          {note}
        </Text>
      )}
    </Td>
  );
});

const StatusCell = React.memo(function StatusCell({ status, reason }: { status: AddressStatus; reason: string }) {
  return (
    <Td>
      <AddressStatusBadge status={status} reason={reason} />
      {reason && (
        <Text as="div" fontSize="fontSize20" color="colorTextError">
          {reason}
        </Text>
      )}
    </Td>
  );
});

const DiagnosisCell = React.memo(function DiagnosisCell({
  address,
  level,
  onOpen,
}: {
  address: string;
  level?: DiagnosisLevel;
  onOpen: () => void;
}) {
  return <Td>{level ? <DiagnosisBadge address={address} level={level} onOpen={onOpen} /> : '—'}</Td>;
});

const RoutingCell = React.memo(function RoutingCell({ routing }: { routing: string }) {
  return (
    <Td>
      <Text as="span" fontSize="fontSize30" wordBreak="break-word">
        {routing || '—'}
      </Text>
    </Td>
  );
});

const AddressSidCell = React.memo(function AddressSidCell({ sid, address }: { sid?: string; address: string }) {
  return <Td>{sid ? <SidCell sid={sid} address={address} /> : '—'}</Td>;
});

const ActionsCell = React.memo(function ActionsCell({
  hasAddress,
  connectable,
  onCreate,
  onEdit,
  onDelete,
}: {
  hasAddress: boolean;
  connectable: boolean;
  onCreate: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const strings = useStrings();
  return (
    <Td textAlign="right" data-column="actions">
      <AddressRowActions onEdit={onEdit} onDelete={onDelete}>
        {hasAddress ? undefined : (
          <Button variant="primary" size="small" disabled={!connectable} onClick={onCreate}>
            {strings.MessagingSetupCreateAddress}
          </Button>
        )}
      </AddressRowActions>
    </Td>
  );
});

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
  // The cells' handlers keep their identity (so the cells can skip rendering) and act on the row
  // as last rendered.
  const latest = useRef(row);
  latest.current = row;
  const handlers = useMemo(
    () => ({
      onCreate: () => actions.onCreate(latest.current),
      onEdit: () => actions.onEdit(latest.current),
      onDelete: () => actions.onDelete(latest.current),
      onDiagnose: () => actions.onDiagnose(latest.current),
    }),
    [actions],
  );
  return (
    <Tr data-testid="connection-row">
      {bulk && (
        <SelectCell
          rowKey={row.key}
          address={row.address}
          selectable={selectable(row)}
          selected={selected}
          onToggle={actions.toggle}
        />
      )}
      <AddressCell address={row.address} />
      <NameCell name={row.name} note={row.note} />
      <StatusCell status={row.status} reason={row.statusReason} />
      <DiagnosisCell address={row.address} level={row.diagnosis?.level} onOpen={handlers.onDiagnose} />
      <RoutingCell routing={row.routing} />
      <AddressSidCell sid={row.config?.sid} address={row.address} />
      {canWrite ? (
        <ActionsCell
          hasAddress={row.config !== undefined}
          connectable={row.connectable}
          onCreate={handlers.onCreate}
          onEdit={handlers.onEdit}
          onDelete={handlers.onDelete}
        />
      ) : (
        <Td textAlign="right" data-column="actions" />
      )}
    </Tr>
  );
}, sameRow);

/**
 * The table's head; memoised (flat props, compared one by one), as it changes only with the
 * selection. `selectAllId` is set when rows can be selected.
 */
const ConnectionsHead = React.memo(function ConnectionsHead({
  addressHeading,
  selectAllId,
  allChosen,
  someChosen,
  matchingCount,
  onSelectAll,
}: {
  addressHeading: string;
  selectAllId?: string;
  allChosen: boolean;
  someChosen: boolean;
  matchingCount: number;
  onSelectAll: (on: boolean) => void;
}) {
  const strings = useStrings();
  return (
    <THead>
      <Tr>
        {selectAllId && (
          <Th>
            <Checkbox
              id={selectAllId}
              checked={allChosen}
              indeterminate={!allChosen && someChosen}
              disabled={matchingCount === 0}
              onChange={(e) => onSelectAll(e.target.checked)}
            >
              <ScreenReaderOnly>
                {fill(strings.MessagingSetupSelectAllMatching, { count: matchingCount })}
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
  );
});

/** "Create addresses (3)": memoised, as it changes only with the selection's size. */
const BulkCreateBar = React.memo(function BulkCreateBar({ count, onCreate }: { count: number; onCreate: () => void }) {
  const strings = useStrings();
  return (
    <Box display="flex" justifyContent="flex-end" marginBottom="space40">
      <Button variant="primary" size="small" disabled={count === 0} onClick={onCreate}>
        {fill(strings.MessagingSetupBulkCreate, { count })}
      </Button>
    </Box>
  );
});

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
  // Only rows still without an address count: one that got an address meanwhile drops out.
  const chosen = useMemo(() => rows.filter((r) => selectable(r) && selected.has(r.key)), [rows, selected]);
  const matching = useMemo(() => filtered.filter(selectable), [filtered]);
  const allMatchingChosen = matching.length > 0 && matching.every((r) => selected.has(r.key));

  // Handlers that keep their identity, so the memoised toolbar, head and rows render only when
  // what they show changes.
  const onCreateRow = useLatestCallback(onCreate);
  const onEditRow = useLatestCallback(onEdit);
  const onDeleteRow = useLatestCallback(onDelete);
  const onDiagnoseRow = useLatestCallback(onDiagnose);
  const actions = useMemo<RowActions>(
    () => ({
      onCreate: onCreateRow,
      onEdit: onEditRow,
      onDelete: onDeleteRow,
      onDiagnose: onDiagnoseRow,
      toggle: (key, on) => toggle([key], on),
    }),
    [onCreateRow, onEditRow, onDeleteRow, onDiagnoseRow, toggle],
  );
  const onQuery = useCallback((q: string) => {
    setQuery(q);
    setPage(0);
  }, []);
  const onStatus = useCallback((s: StatusFilter) => {
    setStatus(s);
    setPage(0);
  }, []);
  const onDiagnosis = useLatestCallback((d: DiagnosisFilter) => {
    onDiagnosisFilter(d);
    setPage(0);
  });
  const toggleMatching = useLatestCallback((on: boolean) =>
    toggle(
      matching.map((r) => r.key),
      on,
    ),
  );
  const createChosen = useLatestCallback(() => {
    onBulkCreate?.(chosen);
    clear();
  });

  return (
    <Box>
      <TableToolbar
        query={query}
        onQuery={onQuery}
        status={status}
        onStatus={onStatus}
        diagnosis={diagnosisFilter}
        onDiagnosis={onDiagnosis}
        summary={fill(strings.MessagingSetupShowing, { shown: filtered.length, total: rows.length })}
      />
      {bulk && <BulkCreateBar count={chosen.length} onCreate={createChosen} />}
      {/* Focusable by script only: where focus goes when a dialog's change took its opener away. */}
      <Table scrollHorizontally tabIndex={-1}>
        <ConnectionsHead
          addressHeading={addressHeading}
          selectAllId={bulk ? selectAllId : undefined}
          allChosen={allMatchingChosen}
          someChosen={matching.some((r) => selected.has(r.key))}
          matchingCount={matching.length}
          onSelectAll={toggleMatching}
        />
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
