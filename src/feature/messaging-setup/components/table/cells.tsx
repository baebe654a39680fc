import React from 'react';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Td } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { Truncate } from '@twilio-paste/core/truncate';

import type { Diagnosis, DiagnosisLevel, Finding, InactiveState } from '../../diagnostics/diagnose';
import type { ChannelRow } from '../../state/rows';
import { useStrings, type MessagingSetupStrings } from '../../strings';
import { AddressRowActions, type FlexFlowsBySid } from '../tabs/AddressRowActions';
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

/**
 * The fixed widths of the columns whose content has a size of its own (badges, buttons, a short
 * SID): the Phone numbers, WhatsApp senders and Addresses tables fit 1024 px this way, the name
 * and routing columns sharing the rest (docs/ARCHITECTURE.md, "The first screen").
 */
export const COLUMN_WIDTH = {
  address: '9.5rem',
  status: '7.75rem',
  diagnosis: '7.25rem',
  sid: '11rem',
  actions: '10rem',
} as const;

export const AddressCell = React.memo(function AddressCell({ address }: { address: string }) {
  return (
    <Td data-column="address">
      <Text as="span" fontWeight="fontWeightSemibold">
        <Truncate title={address}>{address}</Truncate>
      </Text>
    </Td>
  );
});

export const NameCell = React.memo(function NameCell({ name, note }: { name: string; note: string | null }) {
  return (
    <Td>
      <Text as="div">
        <Truncate title={name}>{name}</Truncate>
      </Text>
      {note && (
        <Text as="div" fontSize="fontSize20" color="colorTextWeak">
          <Truncate title={note}>{note}</Truncate>
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
      {/* The reason on hover (the badge's title) and for screen readers, not as a second line: the
          column is too narrow for more than a few of its words, and a row of one line leaves room
          for eight on the first screen. The row's diagnosis says it whole. */}
      {reason && <ScreenReaderOnly>{reason}</ScreenReaderOnly>}
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
    width: COLUMN_WIDTH.diagnosis,
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
      <Text as="span" fontSize="fontSize30">
        {routing ? <Truncate title={routing}>{routing}</Truncate> : '—'}
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
  diagnosis,
  flexFlows,
  recommendedId,
  actions,
}: Pick<ChannelRow, 'type' | 'address' | 'name' | 'connectable' | 'addressConfiguration'> & {
  /** Which button is primary: the fix the diagnosis recommends (a row set aside as not for Flex has none). */
  diagnosis: Diagnosis | undefined;
  flexFlows?: FlexFlowsBySid;
  /** The table's RecommendedNote. */
  recommendedId: string;
  actions: ChannelRowActions;
}) {
  return (
    <Td textAlign="right" data-column="actions">
      <AddressRowActions
        address={address}
        name={name}
        diagnosis={diagnosis}
        hasAddress={Boolean(addressConfiguration)}
        flexFlows={flexFlows}
        recommendedId={recommendedId}
        {...(addressConfiguration
          ? {
              onEdit: () => actions.onEdit(addressConfiguration),
              onDelete: () => actions.onDelete(addressConfiguration),
            }
          : connectable
            ? { onCreate: () => actions.onCreate({ type, address, name }) }
            : {})}
      />
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
