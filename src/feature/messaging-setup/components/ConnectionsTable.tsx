import React, { useMemo, useState } from 'react';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';

import { matchesDiagnosis, type ConnectionRow, type DiagnosisFilter, type StatusFilter } from '../state/rows';
import { fill, useStrings, type MessagingSetupStrings } from '../strings';
import { AddressRowActions } from './AddressRowActions';
import { AddressStatusBadge } from './AddressStatusBadge';
import { DiagnosisBadge } from './DiagnosisBadge';
import { SidCell } from './SidCell';
import { DataTable, type Column, type TableSelection } from './table/DataTable';

/** What a row's buttons do; the view's, one object for its life. */
export interface ConnectionRowActions {
  onCreate: (row: ConnectionRow) => void;
  onEdit: (row: ConnectionRow) => void;
  onDelete: (row: ConnectionRow) => void;
  /** Opens a row's findings. */
  onDiagnose: (row: ConnectionRow) => void;
  /** Creates addresses for many rows with one configuration. */
  onBulkCreate: (rows: ConnectionRow[]) => void;
}

interface ConnectionsTableProps {
  rows: ConnectionRow[];
  /** Column heading for the address: "Phone number" or "WhatsApp sender". */
  addressHeading: string;
  emptyText: string;
  canWrite: boolean;
  actions: ConnectionRowActions;
  /** The Diagnosis filter is the view's, so the health banner's counts can set it. */
  diagnosisFilter: DiagnosisFilter;
  onDiagnosisFilter: (filter: DiagnosisFilter) => void;
}

/** A row bulk create can take: no address yet, and one can be made. */
const selectable = (row: ConnectionRow) => !row.addressConfiguration && row.connectable;
const keyOf = (row: ConnectionRow) => row.key;
const searchText = (row: ConnectionRow) => [
  row.address,
  row.name,
  row.routing,
  row.addressConfiguration?.sid,
  row.addressConfiguration?.friendlyName,
  row.note,
];

function connectionColumns(
  strings: MessagingSetupStrings,
  addressHeading: string,
  canWrite: boolean,
  actions: ConnectionRowActions,
): Column<ConnectionRow>[] {
  return [
    {
      id: 'address',
      header: addressHeading,
      dataColumn: 'address',
      cell: (row) => (
        <Text as="span" fontWeight="fontWeightSemibold">
          {row.address}
        </Text>
      ),
    },
    {
      id: 'name',
      header: strings.MessagingSetupColumnName,
      cell: (row) => (
        <>
          <Text as="div" whiteSpace="nowrap">
            {row.name}
          </Text>
          {row.note && (
            <Text as="div" fontSize="fontSize20" color="colorTextWeak">
              {row.note}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'status',
      header: strings.MessagingSetupColumnStatus,
      cell: (row) => (
        <>
          <AddressStatusBadge status={row.status} reason={row.statusReason} />
          {row.statusReason && (
            <Text as="div" fontSize="fontSize20" color="colorTextError">
              {row.statusReason}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'diagnosis',
      header: strings.MessagingSetupColumnDiagnosis,
      cell: (row) =>
        row.diagnosis ? (
          <DiagnosisBadge address={row.address} level={row.diagnosis.level} onOpen={() => actions.onDiagnose(row)} />
        ) : (
          '—'
        ),
    },
    {
      id: 'routing',
      header: strings.MessagingSetupColumnRouting,
      cell: (row) => (
        <Text as="span" fontSize="fontSize30" wordBreak="break-word">
          {row.routing || '—'}
        </Text>
      ),
    },
    {
      id: 'sid',
      header: strings.MessagingSetupColumnAddressSid,
      cell: (row) =>
        row.addressConfiguration ? <SidCell sid={row.addressConfiguration.sid} address={row.address} /> : '—',
    },
    {
      id: 'actions',
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      dataColumn: 'actions',
      cell: (row) =>
        canWrite && (
          <AddressRowActions onEdit={() => actions.onEdit(row)} onDelete={() => actions.onDelete(row)}>
            {row.addressConfiguration ? undefined : (
              <Button variant="primary" size="small" disabled={!row.connectable} onClick={() => actions.onCreate(row)}>
                {strings.MessagingSetupCreateAddress}
              </Button>
            )}
          </AddressRowActions>
        ),
    },
  ];
}

/** The Phone numbers and WhatsApp senders tables: one row per number/sender, its address status. */
export function ConnectionsTable({
  rows,
  addressHeading,
  emptyText,
  canWrite,
  actions,
  diagnosisFilter,
  onDiagnosisFilter,
}: ConnectionsTableProps) {
  const strings = useStrings();
  const [status, setStatus] = useState<StatusFilter>('all');
  const columns = useMemo(
    () => connectionColumns(strings, addressHeading, canWrite, actions),
    [strings, addressHeading, canWrite, actions],
  );
  const filters = useMemo(
    () => ({
      status,
      onStatus: setStatus,
      diagnosis: diagnosisFilter,
      onDiagnosis: onDiagnosisFilter,
      key: `${status}/${diagnosisFilter}`,
      matches: (row: ConnectionRow) =>
        (status === 'all' || row.status === status) && matchesDiagnosis(row.diagnosis, diagnosisFilter),
    }),
    [status, diagnosisFilter, onDiagnosisFilter],
  );
  const selection = useMemo<TableSelection<ConnectionRow> | undefined>(
    () =>
      canWrite
        ? {
            isSelectable: selectable,
            rowLabel: (row) => fill(strings.MessagingSetupSelectRow, { address: row.address }),
            allLabel: (count) => fill(strings.MessagingSetupSelectAllMatching, { count }),
            action: (chosen, done) => (
              <Button
                variant="primary"
                size="small"
                disabled={chosen.length === 0}
                onClick={() => {
                  actions.onBulkCreate(chosen);
                  done();
                }}
              >
                {fill(strings.MessagingSetupBulkCreate, { count: chosen.length })}
              </Button>
            ),
          }
        : undefined,
    [canWrite, strings, actions],
  );
  return (
    <DataTable
      items={rows}
      keyOf={keyOf}
      columns={columns}
      searchText={searchText}
      filters={filters}
      emptyText={emptyText}
      selection={selection}
      rowTestId="connection-row"
    />
  );
}
