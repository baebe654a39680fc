import React, { useMemo, useState } from 'react';
import { Button } from '@twilio-paste/core/button';
import { useUID } from '@twilio-paste/core/uid-library';

import type { AddressSummary } from '../../../../contract/types';
import { matchesDiagnosis, type ChannelRow, type DiagnosisFilter, type StatusFilter } from '../../state/rows';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import {
  ActionsCell,
  COLUMN_WIDTH,
  AddressCell,
  diagnosisColumn,
  NameCell,
  NoActionsCell,
  RoutingCell,
  SidCell,
  StatusCell,
} from '../table/cells';
import { DataTable, type Column, type TableSelection } from '../table/DataTable';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import { flexFlowsBySid, RecommendedNote, type FlexFlowsBySid } from './AddressRowActions';

/** What a row's buttons do; the view's, one object for its life. */
export interface ChannelRowActions {
  onCreate: (target: Pick<ChannelRow, 'type' | 'address' | 'name'>) => void;
  onEdit: (addressConfiguration: AddressSummary) => void;
  onDelete: (addressConfiguration: AddressSummary) => void;
  /** Opens a row's findings, by its key. */
  onDiagnose: (key: string) => void;
  /**
   * Creates addresses for many rows with one configuration; `clearTicks` once the run starts (a
   * cancelled settings dialog leaves the rows ticked, and focus goes back to this button).
   */
  onBulkCreate: (rows: ChannelRow[], clearTicks: () => void) => void;
}

interface ConnectionsTableProps {
  rows: ChannelRow[];
  /** Column heading for the address: "Phone number" or "WhatsApp sender". */
  addressHeading: string;
  emptyText: string;
  canWrite: boolean;
  actions: ChannelRowActions;
  /** The Diagnosis filter is the view's, so the health banner's counts can set it. */
  diagnosisFilter: DiagnosisFilter;
  onDiagnosisFilter: (filter: DiagnosisFilter) => void;
  /** The legacy Flex Flows: a row one of them holds offers to migrate it (its primary action). */
  flexFlows?: readonly FlexFlowRow[];
}

/** A row bulk create can take: no address yet, and one can be made. */
const selectable = (row: ChannelRow) => !row.addressConfiguration && row.connectable;
const keyOf = (row: ChannelRow) => row.key;
const searchText = (row: ChannelRow) => [
  row.address,
  row.name,
  row.routing,
  row.addressConfiguration?.sid,
  row.addressConfiguration?.friendlyName,
  row.note,
];

function channelColumns(
  strings: MessagingSetupStrings,
  addressHeading: string,
  canWrite: boolean,
  actions: ChannelRowActions,
  flexFlows: FlexFlowsBySid,
  recommendedId: string,
): Column<ChannelRow>[] {
  return [
    {
      id: 'address',
      width: COLUMN_WIDTH.address,
      header: addressHeading,
      dataColumn: 'address',
      td: (row) => <AddressCell address={row.address} />,
    },
    {
      id: 'name',
      header: strings.MessagingSetupColumnName,
      td: (row) => <NameCell name={row.name} note={row.note} />,
    },
    {
      id: 'status',
      width: COLUMN_WIDTH.status,
      header: strings.MessagingSetupColumnStatus,
      td: (row) => <StatusCell status={row.status} finding={row.statusFinding} />,
    },
    diagnosisColumn(strings, actions.onDiagnose),
    {
      id: 'routing',
      header: strings.MessagingSetupColumnRouting,
      td: (row) => <RoutingCell routing={row.routing} />,
    },
    {
      id: 'sid',
      width: COLUMN_WIDTH.sid,
      header: strings.MessagingSetupColumnAddressSid,
      td: (row) => <SidCell sid={row.addressConfiguration?.sid} address={row.address} />,
    },
    {
      id: 'actions',
      width: COLUMN_WIDTH.actions,
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      td: (row) =>
        canWrite ? (
          <ActionsCell
            type={row.type}
            address={row.address}
            name={row.name}
            connectable={row.connectable}
            addressConfiguration={row.addressConfiguration}
            diagnosis={row.diagnosis}
            flexFlows={flexFlows}
            recommendedId={recommendedId}
            actions={actions}
          />
        ) : (
          <NoActionsCell />
        ),
    },
  ];
}

const NO_FLEX_FLOWS: readonly FlexFlowRow[] = [];

/** The Phone numbers and WhatsApp senders tables: one row per number/sender, its address status. */
export function ChannelTable({
  rows,
  addressHeading,
  emptyText,
  canWrite,
  actions,
  diagnosisFilter,
  onDiagnosisFilter,
  flexFlows = NO_FLEX_FLOWS,
}: ConnectionsTableProps) {
  const strings = useStrings();
  const [status, setStatus] = useState<StatusFilter>('all');
  const flows = useMemo(() => flexFlowsBySid(flexFlows), [flexFlows]);
  const recommendedId = useUID();
  const columns = useMemo(
    () => channelColumns(strings, addressHeading, canWrite, actions, flows, recommendedId),
    [strings, addressHeading, canWrite, actions, flows, recommendedId],
  );
  const filters = useMemo(
    () => ({
      status,
      onStatus: setStatus,
      diagnosis: diagnosisFilter,
      onDiagnosis: onDiagnosisFilter,
      key: `${status}/${diagnosisFilter}`,
      matches: (row: ChannelRow) =>
        (status === 'all' || row.status === status) && matchesDiagnosis(row.diagnosis, diagnosisFilter),
    }),
    [status, diagnosisFilter, onDiagnosisFilter],
  );
  const selection = useMemo<TableSelection<ChannelRow> | undefined>(
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
                onClick={() => actions.onBulkCreate(chosen, done)}
              >
                {fill(strings.MessagingSetupBulkCreate, { count: chosen.length })}
              </Button>
            ),
          }
        : undefined,
    [canWrite, strings, actions],
  );
  return (
    <>
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
      {canWrite && <RecommendedNote id={recommendedId} />}
    </>
  );
}
