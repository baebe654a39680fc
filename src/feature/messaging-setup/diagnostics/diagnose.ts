/**
 * Whether a customer's message reaches an agent, and why not: the parts every channel shares. Each
 * channel's own checks live in its descriptor (channels/); all of them build on these, from data
 * the view has already loaded: no Twilio request per row. Findings are codes and values; only
 * components word them, through the view's strings (components/findingText.ts).
 */
import { BUILT_IN_WEBHOOK_FILTERS, isBuiltInWebhookUrl } from '../api/builtInWebhook';
import type { MessagingSetupStringKey } from '../strings';
import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';

export type DiagnosisLevel = 'ready' | 'warning' | 'broken';

export type FindingCode =
  | 'no-sms-capability'
  | 'no-address'
  | 'auto-creation-disabled'
  | 'studio-flow-missing'
  | 'studio-flow-unpublished'
  | 'webhook-url-empty'
  | 'built-in-webhook-filter-missing'
  | 'service-not-flex'
  | 'sms-url-set'
  | 'sms-application-set'
  | 'in-messaging-service'
  | 'legacy-flex-flow'
  | 'sender-not-online';

/** A string key whose fix is the key with `Fix` after it: a finding's words. */
type FindingTextKey = {
  [K in MessagingSetupStringKey]: `${K}Fix` extends MessagingSetupStringKey ? K : never;
}[MessagingSetupStringKey];

export interface Finding {
  code: FindingCode;
  severity: Exclude<DiagnosisLevel, 'ready'>;
  /** Which words say it: the explanation's string key (its fix is the same key + `Fix`). */
  text: FindingTextKey;
  /** What the words are filled with (`{{label}}`, `{{name}}`, …). */
  values: Record<string, string>;
}

export interface Diagnosis {
  level: DiagnosisLevel;
  findings: Finding[];
}

/** A legacy Flex Flow as diagnostics needs it. */
export interface FlexFlowRef {
  sid: string;
  friendlyName: string;
  contactIdentity: string | null;
  enabled: boolean;
}

/** Everything a diagnosis looks at besides the row itself; built once per change of what it reads. */
export interface DiagnosisContext {
  addressesByAddress: ReadonlyMap<string, AddressSummary>;
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  /** Flex's conversation service (Flex configuration `flex_service_instance_sid`). */
  flexServiceSid: string | null;
  /** The account's default Conversations service (used when an address names none). */
  defaultServiceSid: string | null;
  /** Messaging Service name by phone number SID. */
  messagingServiceByNumberSid: ReadonlyMap<string, string>;
  flexFlowsByIdentity: ReadonlyMap<string, FlexFlowRef>;
  /** False while a source still loads or after it failed: say nothing about it yet. */
  complete: { studioFlows: boolean; flexConfiguration: boolean; messagingServiceNumbers: boolean; flexFlows: boolean };
}

export const finding = (
  code: FindingCode,
  severity: Finding['severity'],
  text: FindingTextKey,
  values: Record<string, string> = {},
): Finding => ({ code, severity, text, values });

function levelOf(findings: readonly Finding[]): DiagnosisLevel {
  if (findings.some((f) => f.severity === 'broken')) return 'broken';
  return findings.length > 0 ? 'warning' : 'ready';
}

export const diagnosisOf = (findings: Finding[]): Diagnosis => ({ level: levelOf(findings), findings });

/** How an address stands with Flex: the badge in its row. */
export type AddressStatus = 'connected' | 'not-connected' | 'problem';

/** The findings that make an address's status a `problem`: the address itself routes nowhere. */
const STATUS_FINDINGS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'auto-creation-disabled',
  'studio-flow-missing',
  'studio-flow-unpublished',
  'webhook-url-empty',
]);

/**
 * The Status column, from the row's one diagnosis: connected means an address with auto-creation on
 * routes new messages somewhere that exists; `finding` says why not. The Diagnosis column looks
 * wider (handlers on the number, Messaging Services, Flex Flows, the conversation service).
 */
export function statusOf(
  addressConfiguration: AddressSummary | undefined,
  findings: readonly Finding[],
): { status: AddressStatus; finding?: Finding } {
  if (!addressConfiguration) return { status: 'not-connected' };
  const problem = findings.find((f) => STATUS_FINDINGS.has(f.code));
  return problem ? { status: 'problem', finding: problem } : { status: 'connected' };
}

/** Findings about the address configuration itself, which every channel's diagnosis starts from. */
export function addressFindings(address: AddressSummary | undefined, label: string, ctx: DiagnosisContext): Finding[] {
  const { complete } = ctx;
  if (!address) return [finding('no-address', 'broken', 'MessagingSetupFindingNoAddress', { label })];
  const findings: Finding[] = [];
  if (!address.autoCreationEnabled) {
    findings.push(finding('auto-creation-disabled', 'broken', 'MessagingSetupFindingAutoCreationOff', { label }));
  }
  const { integration } = address;
  if (integration.type === 'studio') {
    const flow = ctx.studioFlowsBySid.get(integration.studioFlowSid);
    // While the flows load, a flow not yet seen is unknown, not missing; one already seen is judged.
    if (!flow && complete.studioFlows) {
      findings.push(
        finding('studio-flow-missing', 'broken', 'MessagingSetupFindingFlowMissing', {
          sid: integration.studioFlowSid,
        }),
      );
    } else if (flow && flow.status !== 'published') {
      findings.push(
        finding('studio-flow-unpublished', 'broken', 'MessagingSetupFindingFlowUnpublished', {
          name: flow.friendlyName,
        }),
      );
    }
  }
  if (integration.type === 'webhook' && !integration.webhookUrl) {
    findings.push(finding('webhook-url-empty', 'broken', 'MessagingSetupFindingWebhookUrlEmpty'));
  }
  if (
    integration.type === 'webhook' &&
    isBuiltInWebhookUrl(integration.webhookUrl) &&
    !BUILT_IN_WEBHOOK_FILTERS.every((filter) => integration.webhookFilters.includes(filter))
  ) {
    findings.push(finding('built-in-webhook-filter-missing', 'broken', 'MessagingSetupFindingBuiltInFilterMissing'));
  }
  const service = address.conversationServiceSid ?? ctx.defaultServiceSid;
  if (complete.flexConfiguration && ctx.flexServiceSid && service && service !== ctx.flexServiceSid) {
    findings.push(
      finding(
        'service-not-flex',
        'broken',
        address.conversationServiceSid
          ? 'MessagingSetupFindingServiceNotFlex'
          : 'MessagingSetupFindingDefaultServiceNotFlex',
      ),
    );
  }
  return findings;
}

/** A legacy Flex Flow that still holds the same identity (a number, a sender, a page). */
export function flexFlowFindings(identity: string, ctx: DiagnosisContext): Finding[] {
  const flow = ctx.complete.flexFlows ? ctx.flexFlowsByIdentity.get(identity) : undefined;
  return flow
    ? [finding('legacy-flex-flow', 'warning', 'MessagingSetupFindingLegacyFlexFlow', { name: flow.friendlyName })]
    : [];
}

/**
 * The diagnosis of a channel with nothing more to check than the address itself (a Facebook Page,
 * a chat or an email address): what breaks any address, plus a legacy Flex Flow still holding it.
 */
export function diagnoseAddress(address: string, ctx: DiagnosisContext): Diagnosis {
  return diagnosisOf([
    ...addressFindings(ctx.addressesByAddress.get(address), address, ctx),
    ...flexFlowFindings(address, ctx),
  ]);
}
