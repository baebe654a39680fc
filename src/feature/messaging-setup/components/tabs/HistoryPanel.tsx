import React, { useMemo, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import type { HistoryEntry } from '../../../../contract/types';
import { wordedByView, type BackendClient } from '../../api/backendClient';
import {
  changedFields,
  describeHistoryEntry,
  describeState,
  formatWhen,
  isRevertible,
  type HistoryNames,
} from '../../state/historyText';
import { useHistory, type HistoryFilters } from '../../state/useHistory';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { DataTable, type Column } from '../table/DataTable';
import { useOpenDialog } from '../dialogs/dialogOwner';
import { HistoryFilterForm } from './HistoryFilterForm';

interface HistoryPanelProps {
  backend: BackendClient;
  names: HistoryNames;
  canWrite: boolean;
  /** Whether its tab is the one shown: each time it is shown again, it loads from the newest. */
  selected: boolean;
}

/** An entry as the table shows it: the entry, and its sentence (searched, and named by its Revert). */
interface HistoryRow {
  entry: HistoryEntry;
  summary: string;
}

const keyOf = (row: HistoryRow) => row.entry.id;
const searchText = ({ entry, summary }: HistoryRow) => [summary, entry.who.identity, entry.resource.sid];

function StatesDetails({
  entry,
  names,
  strings,
}: {
  entry: HistoryEntry;
  names: HistoryNames;
  strings: MessagingSetupStrings;
}) {
  return (
    <details>
      <summary>
        <Text as="span" fontSize="fontSize20" color="colorTextLink">
          {strings.MessagingSetupHistoryDetails}
        </Text>
      </summary>
      <Box marginTop="space20" fontSize="fontSize20">
        {entry.summarised && <Text as="p">{strings.MessagingSetupHistorySummarised}</Text>}
        {entry.error && <Text as="p">{wordedByView(entry.error, entry.errorKey, entry.errorValues, strings)}</Text>}
        <Box as="ul" margin="space0" paddingLeft="space60" aria-label={strings.MessagingSetupHistoryChangedFields}>
          {changedFields(entry).map(({ field, before, after }) => (
            <Text as="li" key={field} fontSize="fontSize20" fontFamily="fontFamilyCode">
              {field}: {before} → {after}
            </Text>
          ))}
        </Box>
        {(['before', 'after'] as const).map((side) => (
          <Box key={side} marginTop="space20">
            <Text as="p" fontWeight="fontWeightSemibold" fontSize="fontSize20">
              {side === 'before' ? strings.MessagingSetupHistoryBefore : strings.MessagingSetupHistoryAfter}:{' '}
              {describeState(entry[side], names, strings)}
            </Text>
            {/* The exact managed fields, as the backend recorded them. */}
            <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }}>
              {JSON.stringify(entry[side], null, 2)}
            </pre>
          </Box>
        ))}
      </Box>
    </details>
  );
}

function historyColumns(
  strings: MessagingSetupStrings,
  names: HistoryNames,
  canWrite: boolean,
  onRevert: (row: HistoryRow) => void,
): Column<HistoryRow>[] {
  return [
    { id: 'when', header: strings.MessagingSetupHistoryColumnWhen, cell: ({ entry }) => formatWhen(entry.at) },
    { id: 'who', header: strings.MessagingSetupHistoryColumnWho, cell: ({ entry }) => entry.who.identity },
    {
      id: 'change',
      header: strings.MessagingSetupHistoryColumnChange,
      cell: (row) => (
        <>
          <Text as="div" wordBreak="break-word">
            {row.summary}
            {row.entry.bulk && ` (${strings.MessagingSetupHistoryBulk})`}
          </Text>
          <StatesDetails entry={row.entry} names={names} strings={strings} />
        </>
      ),
    },
    {
      id: 'outcome',
      header: strings.MessagingSetupHistoryColumnOutcome,
      cell: ({ entry }) =>
        entry.outcome === 'succeeded' ? strings.MessagingSetupHistorySucceeded : strings.MessagingSetupHistoryFailed,
    },
    {
      id: 'actions',
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      cell: (row) =>
        canWrite &&
        isRevertible(row.entry) && (
          <Button
            variant="secondary"
            size="small"
            aria-label={fill(strings.MessagingSetupHistoryRevertLabel, { summary: row.summary })}
            onClick={() => onRevert(row)}
          >
            {strings.MessagingSetupHistoryRevert}
          </Button>
        ),
    },
  ];
}

/**
 * The History tab: every change made through Messaging Setup, newest first, filtered by the
 * backend (address or number, person, kind), each readable at a glance with its exact before and
 * after on demand, and — for users who may write — a Revert that the backend refuses when the
 * resource changed since.
 */
export function HistoryPanel({ backend, names, canWrite, selected }: HistoryPanelProps) {
  const strings = useStrings();
  const [filters, setFilters] = useState<HistoryFilters>({});
  const history = useHistory(backend, filters, selected);
  const openDialog = useOpenDialog();
  const { refresh } = history;
  const rows = useMemo(
    () => history.entries.map((entry) => ({ entry, summary: describeHistoryEntry(entry, names, strings) })),
    [history.entries, names, strings],
  );
  const columns = useMemo(
    () =>
      historyColumns(strings, names, canWrite, ({ entry, summary }) =>
        openDialog({ kind: 'revert', entry, summary, done: refresh }),
      ),
    [strings, names, canWrite, openDialog, refresh],
  );
  const filtered = Boolean(filters.address || filters.identity || filters.kind);

  return (
    <>
      <Paragraph>{strings.MessagingSetupHistoryIntro}</Paragraph>
      <HistoryFilterForm onApply={setFilters} />
      {history.error && (
        <Box marginBottom="space50">
          <Alert variant="error">
            {fill(strings.MessagingSetupHistoryLoadFailed, { error: history.error })}{' '}
            <Button variant="link" onClick={refresh}>
              {strings.MessagingSetupTryAgain}
            </Button>
          </Alert>
        </Box>
      )}
      <DataTable
        items={rows}
        keyOf={keyOf}
        columns={columns}
        searchText={searchText}
        searchPlaceholder={strings.MessagingSetupHistorySearchPlaceholder}
        emptyText={
          history.loading
            ? strings.MessagingSetupHistoryLoading
            : filtered
              ? strings.MessagingSetupHistoryEmptyFiltered
              : strings.MessagingSetupHistoryEmpty
        }
        rowTestId="history-row"
      />
      {history.hasMore && (
        <Box marginTop="space50">
          <Button variant="secondary" onClick={history.loadMore} loading={history.loading}>
            {strings.MessagingSetupHistoryLoadMore}
          </Button>
        </Box>
      )}
    </>
  );
}
