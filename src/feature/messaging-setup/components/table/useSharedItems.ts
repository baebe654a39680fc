import { useRef } from 'react';
import { dequal } from 'dequal';

/**
 * The items of a page, each the same object as at the last render while its content is equal.
 * The view rebuilds its rows from the loaded data (every page of a large account's answers makes
 * new row objects), so without this every memoised row would render again each time. Compares by
 * value, whole objects (no field list to keep in step), and only the page's items: at most one
 * page's worth of comparisons per render.
 */
export function useSharedItems<T>(items: readonly T[], keyOf: (item: T) => string): readonly T[] {
  const previous = useRef<ReadonlyMap<string, T>>(new Map());
  const shared = items.map((item) => {
    const before = previous.current.get(keyOf(item));
    return before !== undefined && before !== item && dequal(before, item) ? before : item;
  });
  previous.current = new Map(shared.map((item) => [keyOf(item), item]));
  return shared;
}
