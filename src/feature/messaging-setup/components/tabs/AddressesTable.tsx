import React, { useMemo } from 'react';
import { Button } from '@twilio-paste/core/button';
import { useUID } from '@twilio-paste/core/uid-library';
import { Text } from '@twilio-paste/core/text';

import { isAddressType, type AddressSummary } from '../../../../contract/types';
import { matchesDiagnosis, type AddressRow, type DiagnosisFilter } from '../../state/rows';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { AddressRowActions, flexFlowsBySid, RecommendedNote, type FlexFlowsBySid } from './AddressRowActions';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import { COLUMN_WIDTH, diagnosisColumn, RoutingCell, StatusCell } from '../table/cells';
import { channelLabel, isReadOnlyType, READ_ONLY_CHANNELS } from '../../channels';
import { SidWithCopy } from '../table/SidWithCopy';
import { DataTable, type Column } from '../table/DataTable';
import type { TypeFilter } from '../table/TableToolbar';

/** What the table's buttons do; the view's, one object for its life. */
export interface AddressTableActions {
  onCreate: () => void;
  onEdit: (addressConfiguration: AddressSummary) => void;
  onDelete: (addressConfiguration: AddressSummary) => void;
  /** Opens a row's findings, by its key (the address configuration's SID). */
  onDiagnose: (key: string) => void;
}

interface AddressesTableProps {
  rows: AddressRow[];
  canWrite: boolean;
  actions: AddressTableActions;
  /** The Type and Diagnosis filters are the view's, so the health banner's chat counts can set them. */
  typeFilter: TypeFilter;
  onTypeFilter: (type: TypeFilter) => void;
  diagnosisFilter: DiagnosisFilter;
  onDiagnosisFilter: (filter: DiagnosisFilter) => void;
  /** The legacy Flex Flows: an address one of them still holds offers to migrate it. */
  flexFlows?: readonly FlexFlowRow[];
}

const NO_FLEX_FLOWS: readonly FlexFlowRow[] = [];

const keyOf = (row: AddressRow) => row.key;
const searchText = ({ addressConfiguration: a, routing }: AddressRow) => [
  a.address,
  a.friendlyName,
  a.sid,
  routing,
  a.type,
];

function addressColumns(
  strings: MessagingSetupStrings,
  canWrite: boolean,
  actions: AddressTableActions,
  flexFlows: FlexFlowsBySid,
  recommendedId: string,
): Column<AddressRow>[] {
  return [
    {
      id: 'address',
      width: COLUMN_WIDTH.address,
      header: strings.MessagingSetupColumnAddress,
      dataColumn: 'address',
      cell: ({ addressConfiguration, onAccount }) => (
        <>
          <Text as="div" fontWeight="fontWeightSemibold">
            {addressConfiguration.address}
          </Text>
          {!onAccount && (
            <Text as="div" fontSize="fontSize20" color="colorTextWeak">
              {strings.MessagingSetupNotOnAccount}
            </Text>
          )}
        </>
      ),
    },
    {
      id: 'type',
      header: strings.MessagingSetupColumnType,
      cell: (row) => channelLabel(row.addressConfiguration.type, strings),
    },
    {
      id: 'name',
      header: strings.MessagingSetupColumnFriendlyName,
      cell: (row) => row.addressConfiguration.friendlyName ?? '—',
    },
    {
      id: 'status',
      width: COLUMN_WIDTH.status,
      header: strings.MessagingSetupColumnStatus,
      td: (row) => <StatusCell status={row.status} finding={row.statusFinding} />,
    },
    diagnosisColumn(strings, actions.onDiagnose),
    { id: 'routing', header: strings.MessagingSetupColumnRouting, td: (row) => <RoutingCell routing={row.routing} /> },
    {
      id: 'sid',
      width: COLUMN_WIDTH.sid,
      header: strings.MessagingSetupColumnAddressSid,
      cell: ({ addressConfiguration: a }) => <SidWithCopy sid={a.sid} address={a.address} />,
    },
    {
      id: 'actions',
      width: COLUMN_WIDTH.actions,
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      dataColumn: 'actions',
      cell: ({ addressConfiguration: a, diagnosis }) =>
        !isAddressType(a.type) ? (
          <Text as="span" fontSize="fontSize20" color="colorTextWeak">
            {isReadOnlyType(a.type)
              ? strings[READ_ONLY_CHANNELS[a.type].note]
              : fill(strings.MessagingSetupReadOnlyType, { type: a.type })}
          </Text>
        ) : (
          canWrite && (
            <AddressRowActions
              address={a.address}
              name={a.friendlyName}
              diagnosis={diagnosis}
              hasAddress
              flexFlows={flexFlows}
              recommendedId={recommendedId}
              onEdit={() => actions.onEdit(a)}
              onDelete={() => actions.onDelete(a)}
            />
          )
        ),
    },
  ];
}

/**
 * Every Address Configuration on the account, of every type, including those of numbers not on
 * this account; the types Flex does not route are shown read-only.
 */
export function AddressesTable({
  rows,
  canWrite,
  actions,
  typeFilter: type,
  onTypeFilter,
  diagnosisFilter,
  onDiagnosisFilter,
  flexFlows = NO_FLEX_FLOWS,
}: AddressesTableProps) {
  const strings = useStrings();
  const flows = useMemo(() => flexFlowsBySid(flexFlows), [flexFlows]);
  const recommendedId = useUID();
  const columns = useMemo(
    () => addressColumns(strings, canWrite, actions, flows, recommendedId),
    [strings, canWrite, actions, flows, recommendedId],
  );
  const filters = useMemo(
    () => ({
      type,
      onType: onTypeFilter,
      diagnosis: diagnosisFilter,
      onDiagnosis: onDiagnosisFilter,
      key: `${type}/${diagnosisFilter}`,
      matches: ({ addressConfiguration: a, diagnosis }: AddressRow) =>
        (type === 'all' || (type === 'other' ? !isAddressType(a.type) : a.type === type)) &&
        matchesDiagnosis(diagnosis, diagnosisFilter),
    }),
    [type, onTypeFilter, diagnosisFilter, onDiagnosisFilter],
  );
  return (
    <>
      <DataTable
        items={rows}
        keyOf={keyOf}
        columns={columns}
        searchText={searchText}
        filters={filters}
        emptyText={strings.MessagingSetupNoAddresses}
        toolbarAction={
          canWrite && (
            <Button variant="primary" size="small" onClick={actions.onCreate}>
              {strings.MessagingSetupCreateAddress}
            </Button>
          )
        }
        rowTestId="address-row"
      />
      {canWrite && <RecommendedNote id={recommendedId} />}
    </>
  );
}
