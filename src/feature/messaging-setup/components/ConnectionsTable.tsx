import React, { useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import { filterRows, type ConnectionRow, type DiagnosisFilter, type StatusFilter } from '../state/rows';
import { AddressStatusBadge } from './AddressStatusBadge';
import { DiagnosisBadge } from './DiagnosisBadge';
import { fill, useStrings } from '../strings';
import { SidCell } from './SidCell';
import { clampPage, Pager, pageOf } from './Pager';
import { TableToolbar } from './TableToolbar';

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
}

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
}: ConnectionsTableProps) {
  const strings = useStrings();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(0);
  const filtered = useMemo(
    () => filterRows(rows, query, status, diagnosisFilter),
    [rows, query, status, diagnosisFilter],
  );
  const shownPage = clampPage(page, filtered.length);
  const visible = pageOf(filtered, shownPage);

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
      <Table scrollHorizontally>
        <THead>
          <Tr>
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
              <Td colSpan={7}>
                <Text as="p" color="colorTextWeak">
                  {rows.length === 0 ? emptyText : strings.MessagingSetupNoMatches}
                </Text>
              </Td>
            </Tr>
          )}
          {visible.map((row) => (
            <Tr key={row.key} data-testid="connection-row">
              <Td>
                <Text as="span" fontWeight="fontWeightSemibold">
                  {row.address}
                </Text>
              </Td>
              <Td>
                <Text as="div">{row.name}</Text>
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
                  <DiagnosisBadge address={row.address} diagnosis={row.diagnosis} onOpen={() => onDiagnose(row)} />
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
              <Td textAlign="right">
                {canWrite && (
                  <Box display="flex" justifyContent="flex-end" columnGap="space30">
                    {row.config ? (
                      <>
                        <Button variant="secondary" size="small" onClick={() => onEdit(row)}>
                          {strings.MessagingSetupEditAddress}
                        </Button>
                        <Button variant="destructive_secondary" size="small" onClick={() => onDelete(row)}>
                          {strings.MessagingSetupDeleteAddress}
                        </Button>
                      </>
                    ) : (
                      <Button variant="primary" size="small" disabled={!row.connectable} onClick={() => onCreate(row)}>
                        {strings.MessagingSetupCreateAddress}
                      </Button>
                    )}
                  </Box>
                )}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pager page={shownPage} total={filtered.length} onPage={setPage} />
    </Box>
  );
}
