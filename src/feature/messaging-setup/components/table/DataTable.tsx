import React, { useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Table, TBody, Td, THead, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';

import { matchesSearch } from '../../state/rows';
import { fill, useStrings } from '../../strings';
import { clampPage, Pager, pageOf } from './Pager';
import { TableToolbar, type TableFilters } from './TableToolbar';
import { useSelection } from './useSelection';
import { DataRow, HeaderRow, type Column, type RowSelection } from './DataRow';
import { useSharedItems } from './useSharedItems';

export type { Column } from './DataRow';

/** Ticking rows for a bulk action: which can be ticked, their names, and the action on the ticked ones. */
export interface TableSelection<T> {
  isSelectable: (item: T) => boolean;
  /** The accessible name of a row's checkbox: "Select +14155550100". */
  rowLabel: (item: T) => string;
  /** The accessible name of the header's checkbox, given how many matching rows it ticks. */
  allLabel: (count: number) => string;
  /** The bulk action's button, for the ticked rows that can still be ticked; `done` clears the ticks. */
  action: (chosen: T[], done: () => void) => React.ReactNode;
}

interface DataTableProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Keep its identity (useMemo): a row renders again only when its item or the columns change. */
  columns: readonly Column<T>[];
  /** What the search looks in, per item; none: the table has no search (its tab searches otherwise). */
  searchText?: (item: T) => readonly (string | null | undefined)[];
  searchPlaceholder?: string;
  /** The table's own filters beside the search (status, diagnosis), with the predicate they make. */
  filters?: TableFilters & { matches: (item: T) => boolean; key: string };
  /** When `items` is empty: "No phone numbers on this account" (or that they still load). */
  emptyText: string;
  /** Beside the toolbar, at the right: "Create address". */
  toolbarAction?: React.ReactNode;
  selection?: TableSelection<T>;
  rowTestId: string;
}

/**
 * The one table pattern of the view: toolbar (search, filters, "Showing n of m"), header, a page of
 * rows, pager, and optionally ticking rows for a bulk action. Every tab is one configuration of it.
 */
export function DataTable<T>({
  items,
  keyOf,
  columns,
  searchText,
  searchPlaceholder,
  filters,
  emptyText,
  toolbarAction,
  selection,
  rowTestId,
}: DataTableProps<T>) {
  const strings = useStrings();
  const [query, setQuery] = useState('');
  // A new search or filter starts again at the first page.
  const view = `${query}\u0000${filters?.key ?? ''}`;
  const [paging, setPaging] = useState({ view, page: 0 });
  const { selected, toggle, clear } = useSelection();

  const matches = filters?.matches;
  const filtered = useMemo(
    () =>
      items.filter((item) => (!matches || matches(item)) && (!searchText || matchesSearch(searchText(item), query))),
    [items, matches, searchText, query],
  );
  const shownPage = clampPage(paging.view === view ? paging.page : 0, filtered.length);
  const visible = useSharedItems(pageOf(filtered, shownPage), keyOf);

  const isSelectable = selection?.isSelectable;
  // Only rows that can still be ticked count: one that got an address meanwhile drops out.
  const chosen = useMemo(
    () => (isSelectable ? items.filter((item) => isSelectable(item) && selected.has(keyOf(item))) : []),
    [items, isSelectable, selected, keyOf],
  );
  const matching = useMemo(() => (isSelectable ? filtered.filter(isSelectable) : []), [filtered, isSelectable]);
  const rowSelection = useMemo<RowSelection<T> | undefined>(
    () => selection && { label: selection.rowLabel, toggle: (key, on) => toggle([key], on) },
    [selection, toggle],
  );

  const colSpan = columns.length + (selection ? 1 : 0);
  const fixedLayout = columns.some((column) => column.width !== undefined);
  return (
    <Box>
      <Box display="flex" justifyContent="space-between" alignItems="center">
        <Box flexGrow={1}>
          <TableToolbar
            query={query}
            onQuery={searchText && setQuery}
            filters={filters}
            placeholder={searchPlaceholder}
            summary={fill(strings.MessagingSetupShowing, { shown: filtered.length, total: items.length })}
          />
        </Box>
        {(toolbarAction || selection) && (
          <Box marginLeft="space60" display="flex" columnGap="space40" flexShrink={0} whiteSpace="nowrap">
            {selection?.action(chosen, clear)}
            {toolbarAction}
          </Box>
        )}
      </Box>
      {/* Focusable by script only: where focus goes when a dialog's change took its opener away. */}
      <Table scrollHorizontally tableLayout={fixedLayout ? 'fixed' : 'auto'} tabIndex={-1}>
        <THead>
          <HeaderRow
            columns={columns}
            selectAll={
              selection && {
                label: selection.allLabel(matching.length),
                checked: matching.length > 0 && matching.every((item) => selected.has(keyOf(item))),
                some: matching.some((item) => selected.has(keyOf(item))),
                disabled: matching.length === 0,
                onChange: (on) => toggle(matching.map(keyOf), on),
              }
            }
          />
        </THead>
        <TBody>
          {visible.length === 0 && (
            <Tr>
              <Td colSpan={colSpan}>
                <Text as="p" color="colorTextWeak">
                  {items.length === 0 ? emptyText : strings.MessagingSetupNoMatches}
                </Text>
              </Td>
            </Tr>
          )}
          {visible.map((item) => {
            const key = keyOf(item);
            const canSelect = Boolean(isSelectable?.(item));
            return (
              <DataRow
                key={key}
                rowKey={key}
                item={item}
                columns={columns}
                testId={rowTestId}
                selection={rowSelection}
                selectable={canSelect}
                selected={canSelect && selected.has(key)}
              />
            );
          })}
        </TBody>
      </Table>
      <Pager page={shownPage} total={filtered.length} onPage={(page) => setPaging({ view, page })} />
    </Box>
  );
}
