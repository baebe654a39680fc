import type {
  AddressSummary,
  AddressType,
  PhoneNumberSummary,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../../contract/types';
import type { Diagnosis, DiagnosisLevel } from '../diagnostics/diagnose';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';
import { addressStatusOf, describeRouting, type AddressStatus } from './addressStatus';

/** One row of the Phone numbers or WhatsApp senders table. */
export interface ConnectionRow {
  key: string;
  type: AddressType;
  /** What goes into an address: `+1…` or `whatsapp:+1…`. */
  address: string;
  name: string;
  /** Sender status, or "No SMS capability"; shown under the name. */
  note: string | null;
  /** False when no address can be made for it (a number without SMS). */
  connectable: boolean;
  /** The number's or sender's Address Configuration, when it has one. */
  addressConfiguration: AddressSummary | undefined;
  status: AddressStatus;
  statusReason: string;
  routing: string;
  /** Whether inbound messages reach an agent; set by useSetupRows, from the same data as the other columns. */
  diagnosis?: Diagnosis;
  /** The phone number itself (Phone numbers table), for the fixes on it. */
  number?: PhoneNumberSummary;
}

function rowFor(
  base: Pick<ConnectionRow, 'key' | 'type' | 'address' | 'name' | 'note' | 'connectable' | 'number'>,
  addressConfiguration: AddressSummary | undefined,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  studioFlowsKnown: boolean,
  strings: MessagingSetupStrings,
): ConnectionRow {
  const { status, reason } = addressStatusOf(addressConfiguration, studioFlowsBySid, studioFlowsKnown, strings);
  const routing = addressConfiguration ? describeRouting(addressConfiguration, studioFlowsBySid, strings) : '';
  return { ...base, addressConfiguration, status, statusReason: reason, routing };
}

export function numberRows(
  numbers: readonly PhoneNumberSummary[],
  byAddress: ReadonlyMap<string, AddressSummary>,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  studioFlowsKnown = true,
  strings: MessagingSetupStrings = messagingSetupStrings,
): ConnectionRow[] {
  return numbers.map((n) =>
    rowFor(
      {
        key: n.sid,
        type: 'sms',
        address: n.phoneNumber,
        name: n.friendlyName,
        note: n.capabilities.sms ? null : strings.MessagingSetupNoteNoSms,
        connectable: n.capabilities.sms,
        number: n,
      },
      byAddress.get(n.phoneNumber),
      studioFlowsBySid,
      studioFlowsKnown,
      strings,
    ),
  );
}

export function senderRows(
  senders: readonly WhatsAppSenderSummary[],
  byAddress: ReadonlyMap<string, AddressSummary>,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  studioFlowsKnown = true,
  strings: MessagingSetupStrings = messagingSetupStrings,
): ConnectionRow[] {
  return senders.map((s) =>
    rowFor(
      {
        key: s.sid,
        type: 'whatsapp',
        address: s.senderId,
        name: s.profileName ?? '',
        note: fill(strings.MessagingSetupNoteSender, { status: s.status }),
        connectable: true,
      },
      byAddress.get(s.senderId),
      studioFlowsBySid,
      studioFlowsKnown,
      strings,
    ),
  );
}

export type StatusFilter = 'all' | AddressStatus;

/** The Diagnosis filter: `attention` is warning and broken together. */
export type DiagnosisFilter = 'all' | 'attention' | DiagnosisLevel;
export const DIAGNOSIS_FILTERS: readonly DiagnosisFilter[] = ['all', 'attention', 'broken', 'warning', 'ready'];

export function matchesDiagnosis(diagnosis: Diagnosis | undefined, filter: DiagnosisFilter): boolean {
  if (filter === 'all') return true;
  if (!diagnosis) return false;
  return filter === 'attention' ? diagnosis.level !== 'ready' : diagnosis.level === filter;
}

/** Case-insensitive match on everything a user can see in the row, plus SIDs. */
export function matchesSearch(fields: readonly (string | null | undefined)[], query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return fields.some((field) => field?.toLowerCase().includes(needle));
}

const PHONE_TYPES: ReadonlySet<string> = new Set(['sms', 'whatsapp']);

/** One row of the Addresses table: every Address Configuration on the account. */
export interface AddressRow {
  /** The address configuration's SID. */
  key: string;
  /** What the row is about, as the diagnosis names it. */
  address: string;
  addressConfiguration: AddressSummary;
  status: AddressStatus;
  statusReason: string;
  routing: string;
  /**
   * False for an address of a number or sender that is not on this account. Other types have
   * nothing the view can check them against (no API lists an account's Facebook Pages), so true.
   */
  onAccount: boolean;
  /** For the types Flex routes: whether a customer's message reaches an agent (set by useSetupRows). */
  diagnosis?: Diagnosis;
}

export function addressRows(
  addresses: Iterable<AddressSummary>,
  onAccount: ReadonlySet<string>,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  studioFlowsKnown = true,
  strings: MessagingSetupStrings = messagingSetupStrings,
): AddressRow[] {
  return [...addresses].map((addressConfiguration) => {
    const { status, reason } = addressStatusOf(addressConfiguration, studioFlowsBySid, studioFlowsKnown, strings);
    return {
      key: addressConfiguration.sid,
      address: addressConfiguration.address,
      addressConfiguration,
      status,
      statusReason: reason,
      routing: describeRouting(addressConfiguration, studioFlowsBySid, strings),
      onAccount: !PHONE_TYPES.has(addressConfiguration.type) || onAccount.has(addressConfiguration.address),
    };
  });
}

/** A Facebook Page the account is known to have connected: by its Messenger address or a legacy Flex Flow. */
export interface FacebookPage {
  /** `messenger:<page ID>`, what its address holds. */
  address: string;
  /** The address's friendly name; '' when only a Flex Flow names the page. */
  name: string;
  /** The legacy Flex Flow that still names it, if any. */
  flexFlowName: string | null;
}

export function pageRows(
  pages: readonly FacebookPage[],
  byAddress: ReadonlyMap<string, AddressSummary>,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  studioFlowsKnown = true,
  strings: MessagingSetupStrings = messagingSetupStrings,
): ConnectionRow[] {
  return pages.map((page) =>
    rowFor(
      {
        key: `page:${page.address}`,
        type: 'messenger',
        address: page.address,
        name: page.name,
        note: page.flexFlowName ? fill(strings.MessagingSetupNotePageFromFlexFlow, { name: page.flexFlowName }) : null,
        connectable: true,
      },
      byAddress.get(page.address),
      studioFlowsBySid,
      studioFlowsKnown,
      strings,
    ),
  );
}
