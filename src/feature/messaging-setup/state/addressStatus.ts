import { isBuiltInWebhookUrl } from '../api/builtInWebhook';
import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';
import { addressFindings, type FindingCode } from '../diagnostics/diagnose';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';

/** How a number or sender stands with Flex: the badge in its row. */
export type AddressStatus = 'connected' | 'not-connected' | 'problem';

export interface AddressStatusInfo {
  status: AddressStatus;
  /** Why a `problem`, in one sentence; empty otherwise. */
  reason: string;
}

/** The diagnosis findings that make an address's status a `problem`: the address itself routes nowhere. */
const STATUS_FINDINGS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'auto-creation-disabled',
  'studio-flow-missing',
  'studio-flow-unpublished',
  'webhook-url-empty',
]);

/**
 * Connected means an address with auto-creation on routes new messages somewhere that exists. The
 * checks are the diagnosis's own (diagnostics/diagnose.ts `addressFindings`), so the Status and
 * Diagnosis columns cannot disagree; the diagnosis looks wider (webhooks on the number, Messaging
 * Services, Flex Flows, the conversation service).
 */
export function addressStatusOf(
  address: AddressSummary | undefined,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  /** False while the Studio flows load, or when they could not: a flow not in the map is then unknown, not gone. */
  studioFlowsKnown = true,
  strings?: MessagingSetupStrings,
): AddressStatusInfo {
  if (!address) return { status: 'not-connected', reason: '' };
  const findings = addressFindings(address, address.address, {
    addressesByAddress: new Map(),
    studioFlowsBySid,
    flexServiceSid: null,
    defaultServiceSid: null,
    messagingServiceByNumberSid: new Map(),
    flexFlowsByIdentity: new Map(),
    complete: {
      studioFlows: studioFlowsKnown,
      flexConfiguration: false,
      messagingServiceNumbers: false,
      flexFlows: false,
    },
    strings,
  });
  const problem = findings.find((finding) => STATUS_FINDINGS.has(finding.code));
  return problem ? { status: 'problem', reason: problem.explanation } : { status: 'connected', reason: '' };
}

/** "Studio: Messaging Flow · retry 3", "Webhook: POST https://…", "Default (no integration)". */
export function describeRouting(
  address: AddressSummary,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  const { integration } = address;
  if (integration.type === 'studio') {
    const flow = studioFlowsBySid.get(integration.studioFlowSid)?.friendlyName ?? integration.studioFlowSid;
    return fill(strings.MessagingSetupRoutingStudio, { flow, retry: integration.retryCount });
  }
  if (integration.type === 'webhook') {
    const template = isBuiltInWebhookUrl(integration.webhookUrl)
      ? strings.MessagingSetupRoutingBuiltIn
      : strings.MessagingSetupRoutingWebhook;
    return fill(template, { method: integration.webhookMethod, url: integration.webhookUrl });
  }
  return strings.MessagingSetupIntegrationDefault;
}
