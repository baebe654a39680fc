import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Checkbox } from '@twilio-paste/core/checkbox';
import { ScreenReaderOnly } from '@twilio-paste/core/screen-reader-only';
import { Td, Th, Tr } from '@twilio-paste/core/table';
import { useUID } from '@twilio-paste/core/uid-library';

/**
 * One column of a table: its heading and what it shows for an item — `cell`, the content the row
 * puts in a Td, or `td`, the whole cell (a memoised component that renders its own Td, so that when
 * a row changes only the cells whose props changed render again).
 */
export type Column<T> = ColumnBase &
  ({ cell: (item: T) => React.ReactNode; td?: undefined } | { td: (item: T) => React.ReactElement; cell?: undefined });

interface ColumnBase {
  id: string;
  header: React.ReactNode;
  align?: 'right';
  /**
   * Marks the cells (`data-column`): `actions` is where focus goes back to after a dialog took its
   * opener away, `address` what the browser tests read.
   */
  dataColumn?: string;
  /**
   * A fixed width (a CSS length): a table with such columns lays out fixed — it never grows past
   * its container (no sideways scroll at 1024 px) — and the columns without one share what is left,
   * their long values truncated with the whole value on demand.
   */
  width?: string;
}

/** The checkbox column's width in a fixed table. */
const SELECT_WIDTH = '2.75rem';

/** How a row's checkbox is named and ticked; one object for the table's life. */
export interface RowSelection<T> {
  label: (item: T) => string;
  toggle: (key: string, on: boolean) => void;
}

interface DataRowProps<T> {
  rowKey: string;
  item: T;
  columns: readonly Column<T>[];
  testId: string;
  selection?: RowSelection<T>;
  selectable: boolean;
  selected: boolean;
}

/** A row's checkbox (none when the row cannot be ticked), memoised like the other cells. */
const SelectCell = React.memo(function SelectCell({
  rowKey,
  label,
  selected,
  toggle,
}: {
  rowKey: string;
  /** The checkbox's name; null when the row cannot be ticked. */
  label: string | null;
  selected: boolean;
  toggle: (key: string, on: boolean) => void;
}) {
  return (
    <Td>
      {label !== null && (
        <Checkbox id={`select-${rowKey}`} checked={selected} onChange={(e) => toggle(rowKey, e.target.checked)}>
          <ScreenReaderOnly>{label}</ScreenReaderOnly>
        </Checkbox>
      )}
    </Td>
  );
});

function DataRowView<T>({ rowKey, item, columns, testId, selection, selectable, selected }: DataRowProps<T>) {
  return (
    <Tr data-testid={testId}>
      {selection && (
        <SelectCell
          rowKey={rowKey}
          label={selectable ? selection.label(item) : null}
          selected={selected}
          toggle={selection.toggle}
        />
      )}
      {columns.map((column) =>
        column.td ? (
          <React.Fragment key={column.id}>{column.td(item)}</React.Fragment>
        ) : (
          <Td key={column.id} textAlign={column.align} data-column={column.dataColumn}>
            {column.cell(item)}
          </Td>
        ),
      )}
    </Tr>
  );
}

/**
 * A row renders again only when one of its props changes: the table keeps each item's identity
 * while its content is the same (useSharedItems), and the columns and selection are the table's.
 * Paste components are the costly part of a render, and while a large account loads most rows of
 * the page do not change.
 */
export const DataRow = React.memo(DataRowView) as typeof DataRowView;

interface SelectAll {
  label: string;
  checked: boolean;
  some: boolean;
  disabled: boolean;
  onChange: (on: boolean) => void;
}

export function HeaderRow<T>({ columns, selectAll }: { columns: readonly Column<T>[]; selectAll?: SelectAll }) {
  const selectAllId = useUID();
  return (
    <Tr>
      {selectAll && (
        <Th width={SELECT_WIDTH}>
          <Checkbox
            id={selectAllId}
            checked={selectAll.checked}
            indeterminate={!selectAll.checked && selectAll.some}
            disabled={selectAll.disabled}
            onChange={(e) => selectAll.onChange(e.target.checked)}
          >
            <ScreenReaderOnly>{selectAll.label}</ScreenReaderOnly>
          </Checkbox>
        </Th>
      )}
      {columns.map((column) => (
        <Th key={column.id} textAlign={column.align} width={column.width}>
          {/* One line: a heading that wraps makes the header row twice as tall. */}
          <Box as="span" display="block" whiteSpace="nowrap" overflow="hidden" textOverflow="ellipsis">
            {column.header}
          </Box>
        </Th>
      ))}
    </Tr>
  );
}
