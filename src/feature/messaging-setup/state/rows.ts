import type { AddressSummary } from '../../../contract/types';
import type { ChannelRowBase } from '../channels/ChannelDescriptor';
import {
  diagnosisOf,
  statusOf,
  type AddressStatus,
  type Diagnosis,
  type DiagnosisContext,
  type DiagnosisLevel,
  type Finding,
} from '../diagnostics/diagnose';
import type { MessagingSetupStrings } from '../strings';
import { describeRouting } from './routing';

export type { AddressStatus } from '../diagnostics/diagnose';

/** One row of a channel's own tab (Phone numbers, WhatsApp senders, Facebook pages). */
export interface ChannelRow extends ChannelRowBase {
  /** The number's, sender's or page's Address Configuration, when it has one. */
  addressConfiguration: AddressSummary | undefined;
  status: AddressStatus;
  /** Why a `problem` (the finding the status comes from). */
  statusFinding: Finding | undefined;
  routing: string;
  /** Whether inbound messages reach an agent; the status is read from the same findings. */
  diagnosis: Diagnosis;
}

/** A channel's row: its address, its one diagnosis, and the status and routing read from them. */
export function channelRow(
  base: ChannelRowBase,
  findings: Finding[],
  ctx: DiagnosisContext,
  strings: MessagingSetupStrings,
): ChannelRow {
  const addressConfiguration = ctx.addressesByAddress.get(base.address);
  const { status, finding } = statusOf(addressConfiguration, findings);
  return {
    ...base,
    addressConfiguration,
    status,
    // Always set, so every row has one shape (thousands of them are filtered on each keystroke).
    statusFinding: finding,
    routing: addressConfiguration ? describeRouting(addressConfiguration, ctx.studioFlowsBySid, strings) : '',
    diagnosis: diagnosisOf(findings, ctx.setAsides.get(base.address)),
  };
}

export type StatusFilter = 'all' | AddressStatus;

/** The Diagnosis filter: `attention` is broken, unknown and warning together (not what is not in use). */
export type DiagnosisFilter = 'all' | 'attention' | DiagnosisLevel;
export const DIAGNOSIS_FILTERS: readonly DiagnosisFilter[] = [
  'all',
  'attention',
  'broken',
  'unknown',
  'warning',
  'ready',
  'inactive',
  'set-aside',
];

const ATTENTION: ReadonlySet<DiagnosisLevel> = new Set<DiagnosisLevel>(['broken', 'unknown', 'warning']);

export function matchesDiagnosis(diagnosis: Diagnosis | undefined, filter: DiagnosisFilter): boolean {
  if (filter === 'all') return true;
  if (!diagnosis) return false;
  return filter === 'attention' ? ATTENTION.has(diagnosis.level) : diagnosis.level === filter;
}

/** Case-insensitive match on everything a user can see in the row, plus SIDs. */
export function matchesSearch(fields: readonly (string | null | undefined)[], query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  return fields.some((field) => field?.toLowerCase().includes(needle));
}

/** One row of the Addresses table: every Address Configuration on the account. */
export interface AddressRow {
  /** The address configuration's SID. */
  key: string;
  /** What the row is about, as the diagnosis names it. */
  address: string;
  addressConfiguration: AddressSummary;
  status: AddressStatus;
  statusFinding: Finding | undefined;
  routing: string;
  /**
   * False for an address of a number or sender that is not on this account. Other types have
   * nothing the view can check them against (no API lists an account's Facebook Pages), so true.
   */
  onAccount: boolean;
  /** For the types Flex routes: whether a customer's message reaches an agent. */
  diagnosis?: Diagnosis;
}

/**
 * An Addresses row. `diagnosis`: the channel's, for a type Flex routes; a read-only type has none,
 * and its status is read from the address's own findings.
 */
export function addressRow(
  addressConfiguration: AddressSummary,
  onAccount: boolean,
  diagnosis: Diagnosis | undefined,
  ctx: DiagnosisContext,
  strings: MessagingSetupStrings,
): AddressRow {
  // A type Flex does not route is listed for what it is, read-only: not judged as a problem.
  const { status, finding } = diagnosis
    ? statusOf(addressConfiguration, diagnosis.findings)
    : { status: 'read-only' as const, finding: undefined };
  return {
    key: addressConfiguration.sid,
    address: addressConfiguration.address,
    addressConfiguration,
    status,
    statusFinding: finding,
    routing: describeRouting(addressConfiguration, ctx.studioFlowsBySid, strings),
    onAccount,
    ...(diagnosis ? { diagnosis } : {}),
  };
}
