import { useCallback, useEffect, useRef } from 'react';

import { DIALOG_ERROR_ATTRIBUTE } from './DialogError';

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

/** The open dialog (Paste renders it last, in a portal): the one a user's keys go to. */
const openDialog = (): HTMLElement | null => {
  const dialogs = document.querySelectorAll<HTMLElement>('[role="dialog"][aria-modal="true"]');
  return dialogs.length > 0 ? dialogs[dialogs.length - 1] : null;
};

/**
 * Where focus goes in a dialog after its own change took it away: its first invalid field, else its
 * error (DialogError.tsx, focusable for this), else the control that had it, once that is back and
 * enabled (the submit, after a failed write).
 */
function targetIn(dialog: HTMLElement, last: HTMLElement | null): HTMLElement | null {
  const invalid = dialog.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)');
  if (invalid) return invalid;
  const error = dialog.querySelector<HTMLElement>(`[${DIALOG_ERROR_ATTRIBUTE}]`);
  if (error) return error;
  return last && dialog.contains(last) && usable(last) ? last : null;
}

/** Work under way in the dialog: the control that had focus is disabled until it ends, or a button is busy. */
const isBusy = (dialog: HTMLElement, last: HTMLElement | null) =>
  Boolean(last?.isConnected && dialog.contains(last) && (last as HTMLButtonElement).disabled) ||
  dialog.querySelector('[aria-busy="true"]') !== null;

/**
 * While a dialog is open, focus never stays out of it. A dialog's own change can take the focused
 * control away: Paste's Button disables itself while `loading`, so pressing Create (or Delete,
 * Confirm) leaves the browser's focus on the page body, where Escape no longer reaches the dialog
 * and Tab starts from the side nav; a run's Start gives way to its results. After each change in the
 * page, focus found lost (on the body, on a disabled or removed control) goes back once the work
 * has settled: to what the user needs next (targetIn), else to the dialog, whose focus lock puts it
 * on the dialog's first control. Focus the user put somewhere in the dialog is never moved. Returns
 * the function that stops watching.
 */
function keepFocusInDialog(): () => void {
  // The control last focused in a dialog: focus goes back to it when nothing else calls for it.
  let last: HTMLElement | null = null;
  let timer: number | undefined;
  const remember = (event: FocusEvent) => {
    const focused = event.target;
    if (focused instanceof HTMLElement && focused.closest('[role="dialog"]')) last = focused;
  };
  const check = () => {
    timer = undefined;
    const dialog = openDialog();
    const active = document.activeElement as HTMLElement | null;
    const lost =
      !active || active === document.body || !active.isConnected || (active as HTMLButtonElement).disabled === true;
    if (!dialog || !lost || isBusy(dialog, last)) return;
    (targetIn(dialog, last) ?? dialog).focus();
  };
  // Checked once the change is done, as the browser's own focus fix-up has run by then.
  const observer = new MutationObserver(() => {
    if (timer === undefined) timer = window.setTimeout(check, 0);
  });
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['disabled', 'aria-busy', 'aria-invalid'],
  });
  document.addEventListener('focusin', remember);
  return () => {
    observer.disconnect();
    document.removeEventListener('focusin', remember);
    window.clearTimeout(timer);
  };
}

/**
 * Paste's modal gives focus back to the element that opened it. When the change the dialog made
 * took that element away (a row's "Create address" once the address exists, its Edit and Delete
 * once it is deleted, a deleted or migrated row), focus would fall to the page's body and a
 * keyboard user would start again from the side nav. This puts it on the opener's row's first
 * enabled action instead, else on its table, else on its region (tables and regions get
 * `tabIndex={-1}` for this), else on its tab panel's table.
 *
 * While it is open, focus stays in it (keepFocusInDialog). Call the returned function just before
 * opening the dialog (while the opener has focus); pass whether a dialog is open.
 */
export function useFocusReturn(open: boolean): () => void {
  const opener = useRef<Opener | null>(null);
  const wasOpen = useRef(open);

  useEffect(() => (open ? keepFocusInDialog() : undefined), [open]);

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
