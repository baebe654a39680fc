import { useCallback, useEffect, useRef } from 'react';

interface Opener {
  element: HTMLElement;
  row: HTMLElement | null;
  table: HTMLElement | null;
  /** A container marked `data-focus-return` (the health banner), when the opener is in one. */
  region: HTMLElement | null;
  panel: HTMLElement | null;
}

const ENABLED_BUTTON = 'button:not(:disabled)';

const usable = (element: HTMLElement | null): element is HTMLElement =>
  Boolean(element?.isConnected) && !(element as HTMLButtonElement).disabled;

/**
 * Where focus goes: the opener while it is there and enabled; else its row's first enabled action;
 * else its table; else its region; else the table of its tab panel, or the panel.
 */
function targetOf({ element, row, table, region, panel }: Opener): HTMLElement | null {
  if (usable(element)) return element;
  if (row?.isConnected) {
    const action =
      row.querySelector<HTMLElement>(`td[data-column="actions"] ${ENABLED_BUTTON}`) ??
      row.querySelector<HTMLElement>(ENABLED_BUTTON);
    if (action) return action;
  }
  if (usable(table)) return table;
  if (usable(region)) return region;
  if (usable(panel)) return panel.querySelector<HTMLElement>('table') ?? panel;
  return null;
}

/**
 * Paste's modal gives focus back to the element that opened it. When the change the dialog made
 * took that element away (a row's "Create address" once the address exists, its Edit and Delete
 * once it is deleted, a deleted or migrated row), focus would fall to the page's body and a
 * keyboard user would start again from the side nav. This puts it on the opener's row's first
 * enabled action instead, else on its table, else on its region (tables and regions get
 * `tabIndex={-1}` for this), else on its tab panel's table.
 *
 * Call the returned function just before opening the dialog (while the opener has focus); pass
 * whether a dialog is open.
 */
export function useFocusReturn(open: boolean): () => void {
  const opener = useRef<Opener | null>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    const closed = wasOpen.current && !open;
    wasOpen.current = open;
    const saved = opener.current;
    if (!closed || !saved) return undefined;
    opener.current = null;
    // After the modal's own focus return (a microtask once it unmounts): act only if it found nothing.
    const timer = window.setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body) return;
      targetOf(saved)?.focus();
    }, 0);
    return () => window.clearTimeout(timer);
  }, [open]);

  return useCallback(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return;
    opener.current = {
      element,
      row: element.closest('tr'),
      table: element.closest('table'),
      region: element.closest<HTMLElement>('[data-focus-return]'),
      panel: element.closest<HTMLElement>('[role="tabpanel"]'),
    };
  }, []);
}
