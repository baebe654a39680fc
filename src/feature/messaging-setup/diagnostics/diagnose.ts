/**
 * Whether a customer's message reaches an agent, and why not: the parts every channel shares. Each
 * channel's own checks live in its descriptor (channels/); all of them build on these, from data
 * the view has already loaded: no Twilio request per row. Findings are codes and values; only
 * components word them, through the view's strings (components/findingText.ts).
 */
import { BUILT_IN_WEBHOOK_FILTERS, isBuiltInWebhookUrl } from '../api/builtInWebhook';
import { SOURCE_LABEL } from '../components/view/sourceLabels';
import type { MessagingSetupStringKey } from '../strings';
import type { AddressIntegration, AddressSummary, SetAsideMark, StudioFlowSummary } from '../../../contract/types';

/**
 * `ready`: every link from Twilio to a Flex task was checked; `unknown`: a link could not be checked
 * (its source did not load, or it is outside what Twilio shows, like a webhook's own server);
 * `inactive`: not in use for messaging, which is no problem (a voice-only number, a sender in review);
 * `set-aside`: a supervisor marked it not for Flex (its findings stay, for what they are, but it
 * leaves the counts of what needs attention).
 */
export type DiagnosisLevel = 'ready' | 'warning' | 'unknown' | 'broken' | 'inactive' | 'set-aside';

/** What one finding can weigh: a level from the row's own facts (being set aside is no finding). */
export type FindingSeverity = Exclude<DiagnosisLevel, 'ready' | 'set-aside'>;

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
  | 'sender-not-online'
  | 'sender-in-review'
  | 'default-integration'
  | 'studio-flow-no-conversation-trigger'
  | 'studio-flow-no-send-to-flex'
  | 'studio-flow-unchecked'
  | 'webhook-unchecked'
  | 'not-checked';

/** A string key whose fix is the key with `Fix` after it: a finding's words. */
type FindingTextKey = {
  [K in MessagingSetupStringKey]: `${K}Fix` extends MessagingSetupStringKey ? K : never;
}[MessagingSetupStringKey];

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** Which words say it: the explanation's string key (its fix is the same key + `Fix`). */
  text: FindingTextKey;
  /** What the words are filled with (`{{label}}`, `{{name}}`, …). */
  values: Record<string, string>;
  /** Values that are themselves the view's words, by string key (a source's name). */
  wordedValues?: Record<string, MessagingSetupStringKey>;
  /** What the finding's fix acts on besides the row itself (diagnostics/fixes.ts): the legacy Flex Flow. */
  flexFlowSid?: string;
}

/** What an `inactive` row is, in a word of its own (its badge). */
export type InactiveState = 'voice-only' | 'in-review';

export interface Diagnosis {
  level: DiagnosisLevel;
  findings: Finding[];
  /** For an `inactive` diagnosis: which state. */
  state?: InactiveState;
  /** For a `set-aside` diagnosis: the mark (who, when, why). */
  setAside?: SetAsideMark;
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
  /** False while a source still loads or after it failed: what depends on it is `unknown`. */
  complete: {
    studioFlows: boolean;
    flexConfiguration: boolean;
    messagingServiceNumbers: boolean;
    flexFlows: boolean;
    addresses: boolean;
  };
  /** The sources that failed to load (as opposed to still loading), for the words. */
  failed: ReadonlySet<DiagnosisSource>;
  /** The numbers and senders set aside as not for Flex, by address (none while their list loads). */
  setAsides: ReadonlyMap<string, SetAsideMark>;
}

/** The sources a diagnosis depends on. */
export type DiagnosisSource = keyof DiagnosisContext['complete'];

export const finding = (
  code: FindingCode,
  severity: Finding['severity'],
  text: FindingTextKey,
  values: Record<string, string> = {},
): Finding => ({ code, severity, text, values });

/** The worst first: a link that is broken, one that could not be checked, a risk, not in use. */
const LEVEL_ORDER: readonly FindingSeverity[] = ['broken', 'unknown', 'warning', 'inactive'];

function levelOf(findings: readonly Finding[]): DiagnosisLevel {
  return LEVEL_ORDER.find((level) => findings.some((f) => f.severity === level)) ?? 'ready';
}

const INACTIVE_STATE: Partial<Record<FindingCode, InactiveState>> = {
  'no-sms-capability': 'voice-only',
  'sender-in-review': 'in-review',
};

/**
 * A row's diagnosis from its findings; a row set aside as not for Flex is `set-aside` whatever they
 * say (they are kept: the dialog shows what would stand in the way if it were for Flex).
 */
export function diagnosisOf(findings: Finding[], setAside?: SetAsideMark): Diagnosis {
  if (setAside) return { level: 'set-aside', findings, setAside };
  const level = levelOf(findings);
  const state = level === 'inactive' ? findings.map((f) => INACTIVE_STATE[f.code]).find(Boolean) : undefined;
  return state ? { level, findings, state } : { level, findings };
}

/** The words for a source that is not there to check: still loading, or failed to load. */
export function notChecked(source: DiagnosisSource, ctx: DiagnosisContext): Finding {
  return {
    ...finding(
      'not-checked',
      'unknown',
      ctx.failed.has(source) ? 'MessagingSetupFindingNotCheckedFailed' : 'MessagingSetupFindingNotCheckedLoading',
    ),
    wordedValues: { source: SOURCE_LABEL[source] },
  };
}

/** How an address stands with Flex: the badge in its row. */
export type AddressStatus = 'connected' | 'not-connected' | 'problem' | 'read-only';

/** The findings that make an address's status a `problem`: the address itself routes nowhere. */
const STATUS_FINDINGS: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'auto-creation-disabled',
  'studio-flow-missing',
  'studio-flow-unpublished',
  'studio-flow-no-conversation-trigger',
  'studio-flow-no-send-to-flex',
  'webhook-url-empty',
  'default-integration',
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

/** A Studio flow's findings: it must exist, be published, and hand a new conversation to Flex. */
function studioFlowFindings(studioFlowSid: string, ctx: DiagnosisContext): Finding[] {
  const flow = ctx.studioFlowsBySid.get(studioFlowSid);
  // While the flows load (or when they failed), a flow not yet seen is unknown, not missing.
  if (!flow) {
    return ctx.complete.studioFlows
      ? [finding('studio-flow-missing', 'broken', 'MessagingSetupFindingFlowMissing', { sid: studioFlowSid })]
      : [notChecked('studioFlows', ctx)];
  }
  const name = { name: flow.friendlyName };
  if (flow.status !== 'published') {
    return [finding('studio-flow-unpublished', 'broken', 'MessagingSetupFindingFlowUnpublished', name)];
  }
  switch (flow.conversationRoute ?? 'unknown') {
    case 'sends-to-flex':
      return [];
    case 'no-conversation-trigger':
      return [finding('studio-flow-no-conversation-trigger', 'broken', 'MessagingSetupFindingFlowNoTrigger', name)];
    case 'no-send-to-flex':
      return [finding('studio-flow-no-send-to-flex', 'broken', 'MessagingSetupFindingFlowNoSendToFlex', name)];
    default:
      return [finding('studio-flow-unchecked', 'unknown', 'MessagingSetupFindingFlowUnchecked', name)];
  }
}

/** A webhook's findings: a URL; for ours, the filters it needs; another's own server cannot be checked. */
function webhookFindings(integration: Extract<AddressIntegration, { type: 'webhook' }>): Finding[] {
  if (!integration.webhookUrl) return [finding('webhook-url-empty', 'broken', 'MessagingSetupFindingWebhookUrlEmpty')];
  if (!isBuiltInWebhookUrl(integration.webhookUrl)) {
    return [
      finding('webhook-unchecked', 'unknown', 'MessagingSetupFindingWebhookUnchecked', { url: integration.webhookUrl }),
    ];
  }
  return BUILT_IN_WEBHOOK_FILTERS.every((filter) => integration.webhookFilters.includes(filter))
    ? []
    : [finding('built-in-webhook-filter-missing', 'broken', 'MessagingSetupFindingBuiltInFilterMissing')];
}

/** Findings about the address configuration itself, which every channel's diagnosis starts from. */
export function addressFindings(address: AddressSummary | undefined, label: string, ctx: DiagnosisContext): Finding[] {
  const { complete } = ctx;
  if (!address) {
    // Without the addresses, "no address" is not known.
    return complete.addresses
      ? [finding('no-address', 'broken', 'MessagingSetupFindingNoAddress', { label })]
      : [notChecked('addresses', ctx)];
  }
  const findings: Finding[] = [];
  if (!address.autoCreationEnabled) {
    findings.push(finding('auto-creation-disabled', 'broken', 'MessagingSetupFindingAutoCreationOff', { label }));
  }
  const { integration } = address;
  if (integration.type === 'studio') findings.push(...studioFlowFindings(integration.studioFlowSid, ctx));
  if (integration.type === 'webhook') findings.push(...webhookFindings(integration));
  // The default integration only makes the conversation: nothing hands it to Flex.
  if (integration.type === 'default') {
    findings.push(finding('default-integration', 'broken', 'MessagingSetupFindingDefaultIntegration', { label }));
  }
  const service = address.conversationServiceSid ?? ctx.defaultServiceSid;
  if (!complete.flexConfiguration) {
    findings.push(notChecked('flexConfiguration', ctx));
  } else if (ctx.flexServiceSid && service && service !== ctx.flexServiceSid) {
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
  if (!ctx.complete.flexFlows) return [notChecked('flexFlows', ctx)];
  const flow = ctx.flexFlowsByIdentity.get(identity);
  return flow
    ? [
        {
          ...finding('legacy-flex-flow', 'warning', 'MessagingSetupFindingLegacyFlexFlow', { name: flow.friendlyName }),
          flexFlowSid: flow.sid,
        },
      ]
    : [];
}

/**
 * The diagnosis of a channel with nothing more to check than the address itself (a Facebook Page,
 * a chat or an email address): what breaks any address, plus a legacy Flex Flow still holding it.
 */
export function diagnoseAddress(address: string, ctx: DiagnosisContext): Diagnosis {
  return diagnosisOf(
    [...addressFindings(ctx.addressesByAddress.get(address), address, ctx), ...flexFlowFindings(address, ctx)],
    ctx.setAsides.get(address),
  );
}
