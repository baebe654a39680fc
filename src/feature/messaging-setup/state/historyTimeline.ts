import { useCallback, useState } from 'react';

/** A request to show one address's every change on the History tab; `serial` tells a repeat apart. */
export interface TimelineRequest {
  address: string;
  serial: number;
}

/**
 * A row's timeline, opened from its diagnosis (RecentChanges' "Show every change of …"): the
 * latest asked for (for the History tab), and `show`, which closes the open dialog and selects
 * the History tab, filtered to the address. The view owns the tabs, so it holds this.
 */
export function useHistoryTimeline(selectTab: (tabId: string) => void, historyTabId: string, closeDialog: () => void) {
  const [request, setRequest] = useState<TimelineRequest | null>(null);
  const show = useCallback(
    (address: string) => {
      closeDialog();
      setRequest((was) => ({ address, serial: (was?.serial ?? 0) + 1 }));
      selectTab(historyTabId);
    },
    [closeDialog, selectTab, historyTabId],
  );
  return { request, show };
}
