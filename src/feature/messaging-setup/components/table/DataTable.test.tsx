import React from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { DataTable, type Column } from './DataTable';

interface Item {
  id: string;
  name: string;
  tags: string[];
}

const items = (count: number, rename: Record<string, string> = {}): Item[] =>
  Array.from({ length: count }, (_, i) => {
    const id = `item-${i}`;
    return { id, name: rename[id] ?? `Name ${i}`, tags: ['a', 'b'] };
  });

const keyOf = (item: Item) => item.id;
const searchText = (item: Item) => [item.name];

function setup(initial: Item[]) {
  // Which items a cell was rendered for, in order: a row renders again only when something it shows changed.
  const rendered: string[] = [];
  const columns: Column<Item>[] = [
    {
      id: 'name',
      header: 'Name',
      cell: (item) => {
        rendered.push(item.id);
        return item.name;
      },
    },
  ];
  const table = (list: Item[]) => (
    <DataTable
      items={list}
      keyOf={keyOf}
      columns={columns}
      searchText={searchText}
      emptyText="Nothing here"
      rowTestId="row"
    />
  );
  const view = render(table(initial));
  return { rendered, rerender: (list: Item[]) => view.rerender(table(list)) };
}

test('rows rebuilt as new but equal objects do not render again; a changed one does', () => {
  const { rendered, rerender } = setup(items(5));
  expect(rendered).toEqual(['item-0', 'item-1', 'item-2', 'item-3', 'item-4']);
  rendered.length = 0;

  rerender(items(5));
  expect(rendered).toEqual([]);

  rerender(items(5, { 'item-3': 'Renamed' }));
  expect(rendered).toEqual(['item-3']);
  expect(screen.getAllByTestId('row')[3]).toHaveTextContent('Renamed');
});

test('pages of 25, searched, a new search back on the first page', async () => {
  const user = userEvent.setup();
  setup(items(60));
  expect(screen.getAllByTestId('row')).toHaveLength(25);
  expect(screen.getByText('Showing 60 of 60')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Next page' }));
  expect(screen.getAllByTestId('row')[0]).toHaveTextContent('Name 25');

  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'Name 5');
  const rows = screen.getAllByTestId('row');
  expect(rows.map((row) => row.textContent)).toEqual(['Name 5', ...Array.from({ length: 10 }, (_, i) => `Name 5${i}`)]);
  expect(screen.getByText('Showing 11 of 60')).toBeInTheDocument();

  await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
  await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'nothing like it');
  expect(within(screen.getByRole('table')).getByText('Nothing matches the search and filter.')).toBeInTheDocument();
});
