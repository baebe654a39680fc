import React from 'react';
import { Button } from '@twilio-paste/core/button';
import { Td } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import type { Diagnosis, DiagnosisLevel, Finding, InactiveState } from '../../diagnostics/diagnose';
import type { ChannelRow } from '../../state/rows';
import { useStrings, type MessagingSetupStrings } from '../../strings';
import { AddressRowActions } from '../tabs/AddressRowActions';
import { AddressStatusBadge } from '../shared/AddressStatusBadge';
import type { ChannelRowActions } from '../tabs/ChannelTable';
import { DiagnosisBadge } from '../shared/DiagnosisBadge';
import { wordFinding } from '../shared/findingText';
import { SidWithCopy } from './SidWithCopy';
import type { Column } from './DataRow';

// The tables' cells (Phone numbers, WhatsApp senders, Addresses), each memoised on flat props and
// rendering its own Td: while the view loads, an answer changes a column of every row (a status, a
// diagnosis) and only those cells render again, not the row's buttons and checkbox. Paste
// components are the costly part of a render.

export const AddressCell = React.memo(function AddressCell({ address }: { address: string }) {
  return (
    <Td data-column="address">
      <Text as="span" fontWeight="fontWeightSemibold">
        {address}
      </Text>
    </Td>
  );
});

export const NameCell = React.memo(function NameCell({ name, note }: { name: string; note: string | null }) {
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

export const StatusCell = React.memo(function StatusCell({
  status,
  finding,
}: Pick<ChannelRow, 'status'> & { finding: Finding | undefined }) {
  const strings = useStrings();
  const reason = finding ? wordFinding(finding, strings).explanation : '';
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
  rowKey,
  address,
  level,
  state,
  onOpen,
}: {
  rowKey: string;
  address: string;
  level?: DiagnosisLevel;
  state?: InactiveState;
  onOpen: (key: string) => void;
}) {
  return (
    <Td>
      {level ? <DiagnosisBadge address={address} level={level} state={state} onOpen={() => onOpen(rowKey)} /> : '—'}
    </Td>
  );
});

/** The Diagnosis column of every table whose rows are diagnosed: its badge opens the row's findings. */
export function diagnosisColumn<T extends { key: string; address: string; diagnosis?: Diagnosis }>(
  strings: MessagingSetupStrings,
  onDiagnose: (key: string) => void,
): Column<T> {
  return {
    id: 'diagnosis',
    header: strings.MessagingSetupColumnDiagnosis,
    td: (row) => (
      <DiagnosisCell
        rowKey={row.key}
        address={row.address}
        level={row.diagnosis?.level}
        state={row.diagnosis?.state}
        onOpen={onDiagnose}
      />
    ),
  };
}

export const RoutingCell = React.memo(function RoutingCell({ routing }: { routing: string }) {
  return (
    <Td>
      <Text as="span" fontSize="fontSize30" wordBreak="break-word">
        {routing || '—'}
      </Text>
    </Td>
  );
});

export const ActionsCell = React.memo(function ActionsCell({
  type,
  address,
  name,
  connectable,
  addressConfiguration,
  setAside = false,
  actions,
}: Pick<ChannelRow, 'type' | 'address' | 'name' | 'connectable' | 'addressConfiguration'> & {
  /** Set aside as not for Flex: making an address is no longer what the row asks for, so it is not the primary action. */
  setAside?: boolean;
  actions: ChannelRowActions;
}) {
  const strings = useStrings();
  return (
    <Td textAlign="right" data-column="actions">
      {addressConfiguration ? (
        <AddressRowActions
          onEdit={() => actions.onEdit(addressConfiguration)}
          onDelete={() => actions.onDelete(addressConfiguration)}
        />
      ) : (
        <AddressRowActions>
          <Button
            variant={setAside ? 'secondary' : 'primary'}
            size="small"
            disabled={!connectable}
            onClick={() => actions.onCreate({ type, address, name })}
          >
            {strings.MessagingSetupCreateAddress}
          </Button>
        </AddressRowActions>
      )}
    </Td>
  );
});

export const SidCell = React.memo(function SidCell({ sid, address }: { sid?: string; address: string }) {
  return <Td>{sid ? <SidWithCopy sid={sid} address={address} /> : '—'}</Td>;
});

/** A reader's row: nothing to do, the column kept so every row has the same cells. */
export const NoActionsCell = React.memo(function NoActionsCell() {
  return <Td textAlign="right" data-column="actions" />;
});
