import React, { useEffect, useMemo, useState } from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Badge } from '@twilio-paste/core/badge';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Paragraph } from '@twilio-paste/core/paragraph';
import { Text } from '@twilio-paste/core/text';

import type { HistoryEntry, UnreadableHistoryEntry } from '../../../../contract/types';
import { wordedByView, type BackendClient } from '../../api/backendClient';
import {
  changedFields,
  describeChainProblem,
  describeHistoryEntry,
  describeState,
  identityOf,
  isRevertible,
  type HistoryNames,
} from '../../state/historyText';
import { whenText } from '../../state/historyTime';
import type { TimelineRequest } from '../../state/historyTimeline';
import { useHistory } from '../../state/useHistory';
import { fill, useStrings, type MessagingSetupStrings } from '../../strings';
import { DataTable, type Column } from '../table/DataTable';
import { useOpenDialog } from '../dialogs/dialogOwner';
import { HistoryFilterForm, type HistoryFormFilters } from './HistoryFilterForm';
import { HistoryIntegrityNotice } from './HistoryIntegrityNotice';

interface HistoryPanelProps {
  backend: BackendClient;
  names: HistoryNames;
  canWrite: boolean;
  /** Whether its tab is the one shown: each time it is shown again, it loads from the newest. */
  selected: boolean;
  /** The latest row timeline asked for (a diagnosis's "Show every change of …"): shown filtered to it. */
  timeline?: TimelineRequest | null;
}

/**
 * A row of the table: an entry and its sentence (searched, and named by its Revert), or an item of
 * the history that is not an entry (`entry` null), with the sentence that says so.
 */
interface HistoryRow {
  key: string;
  /** The history item's id (its place in the history). */
  id: string;
  entry: HistoryEntry | null;
  summary: string;
}

const keyOf = (row: HistoryRow) => row.key;

/** An item id's place, newest first; one that is not a number goes last. */
const placeOf = (id: string) => (/^\d+$/.test(id) ? Number(id) : -Infinity);

/** The unreadable items among the entries, each where its id falls (the list is newest first). */
function withUnreadable(
  rows: HistoryRow[],
  unreadable: readonly UnreadableHistoryEntry[],
  strings: MessagingSetupStrings,
): HistoryRow[] {
  const all = [...rows];
  for (const { id, field } of unreadable) {
    const summary = field
      ? fill(strings.MessagingSetupHistoryUnreadable, { id, field })
      : fill(strings.MessagingSetupHistoryUnreadableWhole, { id });
    const at = all.findIndex((row) => placeOf(row.id) < placeOf(id));
    all.splice(at < 0 ? all.length : at, 0, { key: `unreadable-${id}`, id, entry: null, summary });
  }
  return all;
}

/** How the entry stands against the history's chain, when it is not simply verified. */
function ChainLabel({ entry, strings }: { entry: HistoryEntry; strings: MessagingSetupStrings }) {
  if (entry.chain === 'failed') {
    return (
      <Badge as="span" variant="error">
        {strings.MessagingSetupHistoryChainFailed}
      </Badge>
    );
  }
  if (entry.chain === 'carried-over') {
    const why = fill(strings.MessagingSetupHistoryCarriedOverWhy, { id: entry.carriedOverFrom ?? entry.id });
    return (
      <Badge as="span" variant="neutral" title={why}>
        {strings.MessagingSetupHistoryCarriedOver}
      </Badge>
    );
  }
  return null;
}

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
  onRevert: (row: { entry: HistoryEntry; summary: string }) => void,
): Column<HistoryRow>[] {
  return [
    {
      id: 'when',
      header: strings.MessagingSetupHistoryColumnWhen,
      // Relative to the supervisor's today, in their time zone; the exact instant on demand.
      cell: ({ entry }) =>
        entry ? (
          <time dateTime={entry.at} title={entry.at}>
            {whenText(entry.at, strings)}
          </time>
        ) : (
          '—'
        ),
    },
    {
      id: 'who',
      header: strings.MessagingSetupHistoryColumnWho,
      cell: ({ entry }) => (entry ? identityOf(entry) : '—'),
    },
    {
      id: 'change',
      header: strings.MessagingSetupHistoryColumnChange,
      cell: ({ entry, summary }) =>
        entry ? (
          <>
            <Text as="div" wordBreak="break-word">
              {summary}
              {entry.bulk && ` (${strings.MessagingSetupHistoryBulk})`}
            </Text>
            <ChainLabel entry={entry} strings={strings} />
            <StatesDetails entry={entry} names={names} strings={strings} />
          </>
        ) : (
          <Text as="div" wordBreak="break-word" color="colorTextWeak">
            {summary}
          </Text>
        ),
    },
    {
      id: 'outcome',
      header: strings.MessagingSetupHistoryColumnOutcome,
      cell: ({ entry }) =>
        entry &&
        (entry.outcome === 'succeeded' ? strings.MessagingSetupHistorySucceeded : strings.MessagingSetupHistoryFailed),
    },
    {
      id: 'actions',
      header: strings.MessagingSetupColumnActions,
      align: 'right',
      cell: ({ entry, summary }) => {
        if (!canWrite || !entry) return null;
        // The backend refuses to revert an entry that does not match the chain: say why instead.
        if (entry.chain === 'failed') {
          return (
            <Text as="span" fontSize="fontSize20" color="colorTextWeak">
              {fill(strings.MessagingSetupHistoryChainFailedWhy, {
                problem: describeChainProblem(entry.chainProblem, strings),
              })}
            </Text>
          );
        }
        return (
          isRevertible(entry) && (
            <Button
              variant="secondary"
              size="small"
              aria-label={fill(strings.MessagingSetupHistoryRevertLabel, { summary })}
              onClick={() => onRevert({ entry, summary })}
            >
              {strings.MessagingSetupHistoryRevert}
            </Button>
          )
        );
      },
    },
  ];
}

/**
 * The History tab: every change made through Messaging Setup, newest first, filtered by the
 * backend (one search, person, kind, days; or one address's timeline, from its diagnosis), each
 * readable at a glance with its exact before and after on demand, and — for users who may write —
 * a Revert that the backend refuses when the resource changed since.
 */
export function HistoryPanel({ backend, names, canWrite, selected, timeline }: HistoryPanelProps) {
  const strings = useStrings();
  const [formFilters, setFormFilters] = useState<HistoryFormFilters>({});
  // One address's timeline (exact: that row's, not a search), until "Show all changes".
  const [address, setAddress] = useState(timeline?.address ?? null);
  useEffect(() => {
    if (timeline) setAddress(timeline.address);
  }, [timeline]);
  const filters = useMemo(() => ({ ...formFilters, ...(address ? { address } : {}) }), [formFilters, address]);
  const history = useHistory(backend, filters, selected);
  const openDialog = useOpenDialog();
  const { refresh } = history;
  const rows = useMemo(
    () =>
      withUnreadable(
        history.entries.map((entry) => ({
          key: entry.id,
          id: entry.id,
          entry,
          summary: describeHistoryEntry(entry, names, strings),
        })),
        history.unreadable,
        strings,
      ),
    [history.entries, history.unreadable, names, strings],
  );
  const columns = useMemo(
    () =>
      historyColumns(strings, names, canWrite, ({ entry, summary }) =>
        openDialog({ kind: 'revert', entry, summary, done: refresh }),
      ),
    [strings, names, canWrite, openDialog, refresh],
  );
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <Paragraph>{strings.MessagingSetupHistoryIntro}</Paragraph>
      <HistoryFilterForm onApply={setFormFilters} />
      {address && (
        <Box marginBottom="space50" data-testid="history-timeline">
          <Alert variant="neutral">
            {fill(strings.MessagingSetupHistoryTimelineOf, { address })}{' '}
            <Button variant="link" onClick={() => setAddress(null)}>
              {strings.MessagingSetupHistoryShowAll}
            </Button>
          </Alert>
        </Box>
      )}
      {history.integrity && <HistoryIntegrityNotice integrity={history.integrity} />}
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
