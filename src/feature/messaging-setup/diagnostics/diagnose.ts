/**
 * Whether inbound messages to a number or WhatsApp sender will reach an agent, and why not.
 * Computed in one place, from data the view has already loaded: no Twilio request per row.
 */
import { BUILT_IN_WEBHOOK_FILTERS, isBuiltInWebhookUrl } from '../api/builtInWebhook';
import { fill, messagingSetupStrings, type MessagingSetupStringKey, type MessagingSetupStrings } from '../strings';
import type {
  AddressSummary,
  PhoneNumberSummary,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../../contract/types';

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

export interface Finding {
  code: FindingCode;
  severity: Exclude<DiagnosisLevel, 'ready'>;
  /** One sentence a supervisor understands: what happens to a customer's message. */
  explanation: string;
  /** What to do about it. */
  fix: string;
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

/** Everything a diagnosis looks at besides the row itself; built once per view render. */
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
  /** False while the Studio flows, the Flex configuration or the Messaging Services' numbers still load: say nothing about them yet. */
  complete?: { studioFlows: boolean; flexConfiguration: boolean; messagingServiceNumbers: boolean; flexFlows: boolean };
  /** The texts of the findings (the account's, resolved at registration); ours by default. */
  strings?: MessagingSetupStrings;
}

const ALL_COMPLETE = { studioFlows: true, flexConfiguration: true, messagingServiceNumbers: true, flexFlows: true };

/**
 * A finding in the view's words: `key` names its explanation, `${key}Fix` its fix, both in
 * strings.ts, filled with `values`.
 */
function finding(
  ctx: DiagnosisContext,
  code: FindingCode,
  severity: Finding['severity'],
  key: MessagingSetupStringKey,
  fixKey: MessagingSetupStringKey,
  values: Record<string, string> = {},
): Finding {
  const strings = ctx.strings ?? messagingSetupStrings;
  return { code, severity, explanation: fill(strings[key], values), fix: fill(strings[fixKey], values) };
}

export function levelOf(findings: readonly Finding[]): DiagnosisLevel {
  if (findings.some((f) => f.severity === 'broken')) return 'broken';
  return findings.length > 0 ? 'warning' : 'ready';
}

/** Findings about the address configuration itself (shared by numbers, senders and the address status). */
export function addressFindings(address: AddressSummary | undefined, label: string, ctx: DiagnosisContext): Finding[] {
  const complete = ctx.complete ?? ALL_COMPLETE;
  if (!address) {
    return [
      finding(ctx, 'no-address', 'broken', 'MessagingSetupFindingNoAddress', 'MessagingSetupFindingNoAddressFix', {
        label,
      }),
    ];
  }
  const findings: Finding[] = [];
  if (!address.autoCreationEnabled) {
    findings.push(
      finding(
        ctx,
        'auto-creation-disabled',
        'broken',
        'MessagingSetupFindingAutoCreationOff',
        'MessagingSetupFindingAutoCreationOffFix',
        { label },
      ),
    );
  }
  const { integration } = address;
  if (integration.type === 'studio') {
    const flow = ctx.studioFlowsBySid.get(integration.studioFlowSid);
    // While the flows load, a flow not yet seen is unknown, not missing; one already seen is judged.
    if (!flow && complete.studioFlows) {
      findings.push(
        finding(
          ctx,
          'studio-flow-missing',
          'broken',
          'MessagingSetupFindingFlowMissing',
          'MessagingSetupFindingFlowMissingFix',
          {
            sid: integration.studioFlowSid,
          },
        ),
      );
    } else if (flow && flow.status !== 'published') {
      findings.push(
        finding(
          ctx,
          'studio-flow-unpublished',
          'broken',
          'MessagingSetupFindingFlowUnpublished',
          'MessagingSetupFindingFlowUnpublishedFix',
          { name: flow.friendlyName },
        ),
      );
    }
  }
  if (integration.type === 'webhook' && !integration.webhookUrl) {
    findings.push(
      finding(
        ctx,
        'webhook-url-empty',
        'broken',
        'MessagingSetupFindingWebhookUrlEmpty',
        'MessagingSetupFindingWebhookUrlEmptyFix',
      ),
    );
  }
  if (
    integration.type === 'webhook' &&
    isBuiltInWebhookUrl(integration.webhookUrl) &&
    !BUILT_IN_WEBHOOK_FILTERS.every((filter) => integration.webhookFilters.includes(filter))
  ) {
    findings.push(
      finding(
        ctx,
        'built-in-webhook-filter-missing',
        'broken',
        'MessagingSetupFindingBuiltInFilterMissing',
        'MessagingSetupFindingBuiltInFilterMissingFix',
      ),
    );
  }
  const service = address.conversationServiceSid ?? ctx.defaultServiceSid;
  if (complete.flexConfiguration && ctx.flexServiceSid && service && service !== ctx.flexServiceSid) {
    findings.push(
      finding(
        ctx,
        'service-not-flex',
        'broken',
        address.conversationServiceSid
          ? 'MessagingSetupFindingServiceNotFlex'
          : 'MessagingSetupFindingDefaultServiceNotFlex',
        'MessagingSetupFindingServiceNotFlexFix',
      ),
    );
  }
  return findings;
}

function flexFlowFinding(identity: string, ctx: DiagnosisContext): Finding[] {
  const flow = (ctx.complete ?? ALL_COMPLETE).flexFlows ? ctx.flexFlowsByIdentity.get(identity) : undefined;
  if (!flow) return [];
  return [
    finding(
      ctx,
      'legacy-flex-flow',
      'warning',
      'MessagingSetupFindingLegacyFlexFlow',
      'MessagingSetupFindingLegacyFlexFlowFix',
      {
        name: flow.friendlyName,
      },
    ),
  ];
}

export function diagnoseNumber(number: PhoneNumberSummary, ctx: DiagnosisContext): Diagnosis {
  const label = number.phoneNumber;
  if (!number.capabilities.sms) {
    const findings = [
      finding(ctx, 'no-sms-capability', 'broken', 'MessagingSetupFindingNoSms', 'MessagingSetupFindingNoSmsFix'),
    ];
    return { level: 'broken', findings };
  }
  const address = ctx.addressesByAddress.get(number.phoneNumber);
  const findings = addressFindings(address, label, ctx);
  // Beside an address these handlers run in parallel with it; without one they are the only route,
  // so the fix is to create the address first.
  if (number.smsUrl) {
    findings.push(
      address
        ? finding(
            ctx,
            'sms-url-set',
            'warning',
            'MessagingSetupFindingSmsUrlBeside',
            'MessagingSetupFindingSmsUrlBesideFix',
            {
              url: number.smsUrl,
            },
          )
        : finding(
            ctx,
            'sms-url-set',
            'warning',
            'MessagingSetupFindingSmsUrlOnly',
            'MessagingSetupFindingSmsUrlOnlyFix',
            {
              url: number.smsUrl,
            },
          ),
    );
  }
  if (number.smsApplicationSid) {
    const sid = number.smsApplicationSid;
    findings.push(
      address
        ? finding(
            ctx,
            'sms-application-set',
            'warning',
            'MessagingSetupFindingSmsAppBeside',
            'MessagingSetupFindingSmsAppBesideFix',
            {
              sid,
            },
          )
        : finding(
            ctx,
            'sms-application-set',
            'warning',
            'MessagingSetupFindingSmsAppOnly',
            'MessagingSetupFindingSmsAppOnlyFix',
            {
              sid,
            },
          ),
    );
  }
  const service = (ctx.complete ?? ALL_COMPLETE).messagingServiceNumbers
    ? ctx.messagingServiceByNumberSid.get(number.sid)
    : undefined;
  if (service) {
    findings.push(
      finding(
        ctx,
        'in-messaging-service',
        'warning',
        'MessagingSetupFindingMessagingService',
        'MessagingSetupFindingMessagingServiceFix',
        { name: service },
      ),
    );
  }
  findings.push(...flexFlowFinding(number.phoneNumber, ctx));
  return { level: levelOf(findings), findings };
}

export function diagnoseSender(sender: WhatsAppSenderSummary, ctx: DiagnosisContext): Diagnosis {
  const findings = addressFindings(ctx.addressesByAddress.get(sender.senderId), sender.senderId, ctx);
  if (sender.status !== 'ONLINE') {
    const reasons = sender.offlineReasons.length > 0 ? ` (${sender.offlineReasons.join('; ')})` : '';
    findings.push(
      finding(
        ctx,
        'sender-not-online',
        'broken',
        'MessagingSetupFindingSenderOffline',
        'MessagingSetupFindingSenderOfflineFix',
        {
          status: sender.status,
          reasons,
        },
      ),
    );
  }
  findings.push(...flexFlowFinding(sender.senderId, ctx));
  return { level: levelOf(findings), findings };
}

/**
 * Whether a customer's message to an address reaches an agent, for the channels with nothing
 * more to check than the address itself: a Facebook Page (`messenger:<page ID>`, on its page's
 * row) and a chat address (on its own row of the Addresses tab). What breaks them is what breaks
 * any address — auto-creation off, a Studio flow missing or unpublished, a webhook without a URL or,
 * for the built-in handler, without onMessageAdded, a service that is not Flex's — plus a legacy
 * Flex Flow still holding the same page.
 */
export function diagnoseAddress(address: string, ctx: DiagnosisContext): Diagnosis {
  const findings = addressFindings(ctx.addressesByAddress.get(address), address, ctx);
  findings.push(...flexFlowFinding(address, ctx));
  return { level: levelOf(findings), findings };
}
