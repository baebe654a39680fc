import React, { useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Table, TBody, Td, Th, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';
import { addressStatusOf, describeRouting } from '../state/addressStatus';
import { matchesSearch } from '../state/rows';
import { AddressStatusBadge } from './AddressStatusBadge';
import { fill, useStrings } from '../strings';
import { AddressRowActions } from './AddressRowActions';
import { SidCell } from './SidCell';
import { clampPage, Pager, pageOf } from './Pager';
import { TableToolbar } from './TableToolbar';

interface AddressesTableProps {
  addresses: AddressSummary[];
  flowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  /** False while the Studio flows load or after they failed to: unknown flows are then not reported missing. */
  flowsKnown?: boolean;
  /** Addresses on this account's numbers and senders; the others are marked. */
  ownedAddresses: ReadonlySet<string>;
  canWrite: boolean;
  onCreate: () => void;
  onEdit: (address: AddressSummary) => void;
  onDelete: (address: AddressSummary) => void;
}

/** Every SMS and WhatsApp address configuration, including those of numbers not on this account. */
export function AddressesTable({
  addresses,
  flowsBySid,
  flowsKnown = true,
  ownedAddresses,
  canWrite,
  onCreate,
  onEdit,
  onDelete,
}: AddressesTableProps) {
  const strings = useStrings();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () =>
      addresses
        .map((a) => ({
          config: a,
          routing: describeRouting(a, flowsBySid, strings),
          ...addressStatusOf(a, flowsBySid, flowsKnown, strings),
        }))
        .filter((r) =>
          matchesSearch([r.config.address, r.config.friendlyName, r.config.sid, r.routing, r.config.type], query),
        ),
    [addresses, flowsBySid, flowsKnown, query, strings],
  );
  const shownPage = clampPage(page, rows.length);

  return (
    <Box>
      <Box display="flex" justifyContent="space-between" alignItems="flex-start">
        <Box flexGrow={1}>
          <TableToolbar
            query={query}
            onQuery={(q) => {
              setQuery(q);
              setPage(0);
            }}
            summary={fill(strings.MessagingSetupShowing, { shown: rows.length, total: addresses.length })}
          />
        </Box>
        {canWrite && (
          <Box marginLeft="space60" paddingTop="space80">
            <Button variant="primary" size="small" onClick={onCreate}>
              {strings.MessagingSetupCreateAddress}
            </Button>
          </Box>
        )}
      </Box>
      {/* Focusable by script only: where focus goes when a dialog's change took its opener away. */}
      <Table scrollHorizontally tabIndex={-1}>
        <THead>
          <Tr>
            <Th>{strings.MessagingSetupColumnAddress}</Th>
            <Th>{strings.MessagingSetupColumnType}</Th>
            <Th>{strings.MessagingSetupColumnFriendlyName}</Th>
            <Th>{strings.MessagingSetupColumnStatus}</Th>
            <Th>{strings.MessagingSetupColumnRouting}</Th>
            <Th>{strings.MessagingSetupColumnAddressSid}</Th>
            <Th textAlign="right">{strings.MessagingSetupColumnActions}</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.length === 0 && (
            <Tr>
              <Td colSpan={7}>
                <Text as="p" color="colorTextWeak">
                  {addresses.length === 0 ? strings.MessagingSetupNoAddresses : strings.MessagingSetupNoMatches}
                </Text>
              </Td>
            </Tr>
          )}
          {pageOf(rows, shownPage).map(({ config, routing, status, reason }) => (
            <Tr key={config.sid} data-testid="address-row">
              <Td data-column="address">
                <Text as="div" fontWeight="fontWeightSemibold">
                  {config.address}
                </Text>
                {!ownedAddresses.has(config.address) && (
                  <Text as="div" fontSize="fontSize20" color="colorTextWeak">
                    {strings.MessagingSetupNotOnAccount}
                  </Text>
                )}
              </Td>
              <Td>{config.type === 'whatsapp' ? strings.MessagingSetupTypeWhatsApp : strings.MessagingSetupTypeSms}</Td>
              <Td>{config.friendlyName ?? '—'}</Td>
              <Td>
                <AddressStatusBadge status={status} reason={reason} />
              </Td>
              <Td>
                <Text as="span" fontSize="fontSize30" wordBreak="break-word">
                  {routing}
                </Text>
              </Td>
              <Td>
                <SidCell sid={config.sid} address={config.address} />
              </Td>
              <Td textAlign="right" data-column="actions">
                {canWrite && <AddressRowActions onEdit={() => onEdit(config)} onDelete={() => onDelete(config)} />}
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pager page={shownPage} total={rows.length} onPage={setPage} />
    </Box>
  );
}
