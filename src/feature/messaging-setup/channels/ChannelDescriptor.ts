import type { ContractChannel } from '../../../contract/channels';
import type { AddressType, PhoneNumberSummary } from '../../../contract/types';
import type { DiagnosisContext, Finding } from '../diagnostics/diagnose';
import { channelRow, type ChannelRow } from '../state/rows';
import type { SetupData } from '../state/setupData';
import type { MessagingSetupStringKey, MessagingSetupStrings } from '../strings';

/** What a row of a channel's own tab is, before its address and diagnosis are added. */
export interface ChannelRowBase {
  key: string;
  type: AddressType;
  /** What goes into an address: `+1…`, `whatsapp:+1…`, `messenger:<page ID>`. */
  address: string;
  name: string;
  /** Shown under the name: a sender's status, "No SMS capability"… */
  note: string | null;
  /** False when no address can be made for it (a number without SMS). */
  connectable: boolean;
  /** The phone number itself (Phone numbers tab), for the fixes on it. */
  number?: PhoneNumberSummary;
}

/**
 * A channel with a tab of its own, as its descriptor declares it: its rows are things the account
 * has (numbers, senders, pages), each with or without an address. `S` is what one row is built from.
 */
interface ChannelTabSpec<S> {
  tabId: string;
  tabLabel: MessagingSetupStringKey;
  /** The first column's heading. */
  addressHeading: MessagingSetupStringKey;
  loadingText: MessagingSetupStringKey;
  emptyText: MessagingSetupStringKey;
  intro?: MessagingSetupStringKey;
  isLoading: (data: SetupData) => boolean;
  /**
   * Its rows are a list of the account's own (numbers, senders): an address of this type for
   * something not in it is not on this account, and there may be thousands (listed page by page in
   * a chain of their own).
   */
  accountList?: true;
  /** What its rows are built from: they are rebuilt only when one of these changes. */
  inputs: (data: SetupData) => readonly unknown[];
  subjects: (data: SetupData) => readonly S[];
  row: (subject: S, strings: MessagingSetupStrings) => ChannelRowBase;
  /** Every finding of one row (its address's included: diagnostics/diagnose.ts has the shared checks). */
  findings: (subject: S, row: ChannelRowBase, ctx: DiagnosisContext) => Finding[];
}

/** A channel's own tab as the registry holds it: what it is built from closed over. */
export interface ChannelTab extends Omit<ChannelTabSpec<unknown>, 'subjects' | 'row' | 'findings'> {
  /** Its rows, each with its address, its one diagnosis and the status read from it. */
  rows: (data: SetupData, ctx: DiagnosisContext, strings: MessagingSetupStrings) => ChannelRow[];
}

/**
 * One channel Flex routes, all the plugin knows of it in one place: the view, the health banner,
 * the row selector, the dialog and the diagnosis map over these (channels/index.ts). Its twin in
 * `src/contract/channels/` holds what the backend shares (address rule, inbound mapping).
 */
export interface ChannelDescriptor {
  type: AddressType;
  contract: ContractChannel;
  /** "SMS", "WhatsApp": how the view names the channel. */
  label: MessagingSetupStringKey;
  /** The address field's label: what the address is of ("Phone number", "Email address"). */
  addressField: MessagingSetupStringKey;
  /** The published Studio flows (by friendly name, first found wins) a new address starts with. */
  studioFlowNames: readonly string[];
  /** Its line in the health banner; `always`: shown even with no rows. */
  health: { heading: MessagingSetupStringKey; countLabel: MessagingSetupStringKey; always?: boolean };
  /**
   * Advice the health banner shows while it applies (once the lists it reads have loaded): e.g.
   * webchat that still relies on a legacy Flex Flow and has no chat address.
   */
  advice?: { text: MessagingSetupStringKey; applies: (data: SetupData) => boolean };
  /** Its own tab of rows; without one its addresses stand on the Addresses tab, filtered to its type. */
  tab?: ChannelTab;
}

/** Declares a channel's own tab with its subject type checked, and closes over it. */
export function channelTab<S>({ subjects, row, findings, ...shown }: ChannelTabSpec<S>): ChannelTab {
  return {
    ...shown,
    rows: (data, ctx, strings) =>
      subjects(data).map((subject) => {
        const base = row(subject, strings);
        return channelRow(base, findings(subject, base, ctx), ctx, strings);
      }),
  };
}
