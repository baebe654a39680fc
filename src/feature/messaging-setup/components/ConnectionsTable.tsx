import React, { useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import { filterRows, type ConnectionRow, type StatusFilter } from '../state/rows';
import { AddressStatusBadge } from './AddressStatusBadge';
import { CopyButton } from './CopyButton';
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
}: ConnectionsTableProps) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [page, setPage] = useState(0);
  const filtered = useMemo(() => filterRows(rows, query, status), [rows, query, status]);
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
        summary={`Showing ${filtered.length} of ${rows.length}`}
      />
      <Table scrollHorizontally>
        <THead>
          <Tr>
            <Th>{addressHeading}</Th>
            <Th>Name</Th>
            <Th>Status</Th>
            <Th>Routing</Th>
            <Th>Address SID</Th>
            <Th textAlign="right">Actions</Th>
          </Tr>
        </THead>
        <TBody>
          {visible.length === 0 && (
            <Tr>
              <Td colSpan={6}>
                <Text as="p" color="colorTextWeak">
                  {rows.length === 0 ? emptyText : 'Nothing matches the search and filter.'}
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
                <Text as="span" fontSize="fontSize30" wordBreak="break-word">
                  {row.routing || '—'}
                </Text>
              </Td>
              <Td>
                {row.config ? (
                  <Box display="flex" alignItems="center" columnGap="space20">
                    <Text as="code" fontFamily="fontFamilyCode" fontSize="fontSize20">
                      {row.config.sid}
                    </Text>
                    <CopyButton value={row.config.sid} label={`Copy address SID of ${row.address}`} />
                  </Box>
                ) : (
                  '—'
                )}
              </Td>
              <Td textAlign="right">
                {canWrite && (
                  <Box display="flex" justifyContent="flex-end" columnGap="space30">
                    {row.config ? (
                      <>
                        <Button variant="secondary" size="small" onClick={() => onEdit(row)}>
                          Edit address
                        </Button>
                        <Button variant="destructive_secondary" size="small" onClick={() => onDelete(row)}>
                          Delete address
                        </Button>
                      </>
                    ) : (
                      <Button variant="primary" size="small" disabled={!row.connectable} onClick={() => onCreate(row)}>
                        Create address
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
