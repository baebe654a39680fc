import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';

import type {
  AddressInput,
  AddressSummary,
  AddressType,
  HistoryEntry,
  StuckConversation,
} from '../../../../contract/types';
import type { AddressCorrection } from '../../diagnostics/fixes';
import type { FlexFlowRow } from '../../state/flexFlowRows';
import type { ChannelRow } from '../../state/rows';
import { useFocusReturn } from './useFocusReturn';

/**
 * Which dialog of the view is open, with what it acts on. Every trigger (a row's button, a
 * toolbar, the health banner, the Flex Flows and History tabs) opens one through the one owner
 * (`useDialogOwner`, given to them by `useOpenDialog`); MessagingSetupDialogs renders it, wired
 * to its verb. A create or edit form is made when its dialog renders, from the view's defaults then.
 */
export type Dialog =
  | { kind: 'none' }
  | { kind: 'create'; type: AddressType; address: string; friendlyName?: string; addressFixed: boolean }
  /** `correction`: from a diagnosis finding's fix, the form opens with it made (diagnostics/fixes.ts). */
  | { kind: 'edit'; addressConfiguration: AddressSummary; correction?: AddressCorrection }
  | { kind: 'delete'; addressConfiguration: AddressSummary }
  | { kind: 'diagnosis'; key: string }
  /** `clearTicks`: the table's, called when the run starts. */
  | { kind: 'bulk-settings'; rows: ChannelRow[]; clearTicks?: () => void }
  | { kind: 'bulk-run'; rows: ChannelRow[]; template: AddressInput }
  /** `done`: after the run, e.g. the table clears its ticks. */
  | { kind: 'migrate-flex-flows'; rows: FlexFlowRow[]; done?: () => void }
  | { kind: 'delete-flex-flow'; row: FlexFlowRow }
  /** `done`: after a revert, e.g. the History tab loads again from the newest. */
  | { kind: 'revert'; entry: HistoryEntry; summary: string; done?: () => void }
  | { kind: 'fix-default-service'; flexServiceSid: string }
  /** From the Trace tab: `done` after the close, e.g. the trace runs again. */
  | { kind: 'close-conversation'; conversationSid: string; serviceSid: string; customer: string; done?: () => void }
  /** From the Stuck conversations tab (one row or the ticked ones): `done` after the run, e.g. the list reloads. */
  | { kind: 'close-conversations'; conversations: StuckConversation[]; done?: () => void }
  /** After an address was saved: the conversations it left open in the service it pointed at before. */
  | { kind: 'left-behind'; address: string; conversations: StuckConversation[] };

export type OpenDialog = (dialog: Dialog) => void;

/**
 * The one owner of the view's dialog: what is open, opening (remembering the focused control,
 * which gets focus back when the dialog closes) and closing.
 */
export function useDialogOwner() {
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const isOpen = dialog.kind !== 'none';
  const rememberOpener = useFocusReturn(isOpen);
  // Read when opening, so `open` stays one function for the view's life (rows hold it).
  const wasOpen = useRef(isOpen);
  wasOpen.current = isOpen;
  const open = useCallback<OpenDialog>(
    (next) => {
      // Moving from one dialog to the next (bulk settings → run) keeps the first opener.
      if (!wasOpen.current) rememberOpener();
      wasOpen.current = next.kind !== 'none';
      setDialog(next);
    },
    [rememberOpener],
  );
  const close = useCallback(() => {
    wasOpen.current = false;
    setDialog({ kind: 'none' });
  }, []);
  /** Opens `next` only while no dialog is open: what the view offers on its own never covers the user's. */
  const offer = useCallback<OpenDialog>(
    (next) => {
      if (!wasOpen.current) open(next);
    },
    [open],
  );
  return useMemo(() => ({ dialog, open, close, offer }), [dialog, open, close, offer]);
}

const OpenDialogContext = createContext<OpenDialog>(() => {
  throw new Error('A dialog was opened outside the Messaging Setup view.');
});

export const OpenDialogProvider = OpenDialogContext.Provider;

/** How a trigger anywhere in the view opens a dialog: the owner's `open`. */
export const useOpenDialog = (): OpenDialog => useContext(OpenDialogContext);
