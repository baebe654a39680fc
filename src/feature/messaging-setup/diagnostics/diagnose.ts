/**
 * Whether inbound messages to a number or WhatsApp sender will reach an agent, and why not.
 * Computed in one place, from data the view has already loaded: no Twilio request per row.
 */
import { BUILT_IN_WEBHOOK_FILTERS, isBuiltInWebhookUrl } from '../api/builtInWebhook';
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
  flowsBySid: ReadonlyMap<string, StudioFlowSummary>;
  /** Flex's conversation service (Flex configuration `flex_service_instance_sid`). */
  flexServiceSid: string | null;
  /** The account's default Conversations service (used when an address names none). */
  defaultServiceSid: string | null;
  /** Messaging Service name by phone number SID. */
  messagingServiceByNumberSid: ReadonlyMap<string, string>;
  flexFlowsByIdentity: ReadonlyMap<string, FlexFlowRef>;
  /** False while flows, configuration or memberships are still loading: say nothing about them yet. */
  complete?: { flows: boolean; essentials: boolean; memberships: boolean; flexFlows: boolean };
}

const ALL_COMPLETE = { flows: true, essentials: true, memberships: true, flexFlows: true };

export function levelOf(findings: readonly Finding[]): DiagnosisLevel {
  if (findings.some((f) => f.severity === 'broken')) return 'broken';
  return findings.length > 0 ? 'warning' : 'ready';
}

/** Findings about the address configuration itself (shared by numbers and senders). */
function addressFindings(address: AddressSummary | undefined, label: string, ctx: DiagnosisContext): Finding[] {
  const complete = ctx.complete ?? ALL_COMPLETE;
  if (!address) {
    return [
      {
        code: 'no-address',
        severity: 'broken',
        explanation: `${label} has no Conversations address, so customer messages to it never become conversations in Flex.`,
        fix: 'Create an address for it, routed to the Studio flow "Messaging Flow" with retry count 3.',
      },
    ];
  }
  const findings: Finding[] = [];
  if (!address.autoCreationEnabled) {
    findings.push({
      code: 'auto-creation-disabled',
      severity: 'broken',
      explanation: `Auto-creation is off on ${label}'s address, so new messages do not create conversations.`,
      fix: 'Edit the address and turn auto-creation on.',
    });
  }
  const { integration } = address;
  if (integration.type === 'studio' && complete.flows) {
    const flow = ctx.flowsBySid.get(integration.studioFlowSid);
    if (!flow) {
      findings.push({
        code: 'studio-flow-missing',
        severity: 'broken',
        explanation: `The address routes to a Studio flow (${integration.studioFlowSid}) that does not exist, so messages go nowhere.`,
        fix: 'Edit the address and choose an existing, published Studio flow.',
      });
    } else if (flow.status !== 'published') {
      findings.push({
        code: 'studio-flow-unpublished',
        severity: 'broken',
        explanation: `The Studio flow "${flow.friendlyName}" is a draft that was never published, so it does not run.`,
        fix: `Publish "${flow.friendlyName}" in Studio, or choose a published flow.`,
      });
    }
  }
  if (integration.type === 'webhook' && !integration.webhookUrl) {
    findings.push({
      code: 'webhook-url-empty',
      severity: 'broken',
      explanation: 'The address uses a webhook but has no webhook URL, so nothing creates the task.',
      fix: 'Edit the address and set the webhook URL.',
    });
  }
  if (
    integration.type === 'webhook' &&
    isBuiltInWebhookUrl(integration.webhookUrl) &&
    !BUILT_IN_WEBHOOK_FILTERS.every((filter) => integration.webhookFilters.includes(filter))
  ) {
    findings.push({
      code: 'built-in-webhook-filter-missing',
      severity: 'broken',
      explanation:
        'The address calls the built-in Flex webhook without the onMessageAdded filter, so the handler never hears of a customer message and creates no task.',
      fix: 'Edit the address and choose "Flex webhook (built in)" again: it sets the onMessageAdded filter.',
    });
  }
  const service = address.conversationServiceSid ?? ctx.defaultServiceSid;
  if (complete.essentials && ctx.flexServiceSid && service && service !== ctx.flexServiceSid) {
    findings.push({
      code: 'service-not-flex',
      severity: 'broken',
      explanation: address.conversationServiceSid
        ? "The address puts conversations in a Conversations service that is not Flex's, so agents never see them."
        : "The address uses the account's default Conversations service, which is not Flex's, so agents never see them.",
      fix: "Edit the address and choose Flex's conversation service.",
    });
  }
  return findings;
}

function flexFlowFinding(identity: string, ctx: DiagnosisContext): Finding[] {
  const flow = (ctx.complete ?? ALL_COMPLETE).flexFlows ? ctx.flexFlowsByIdentity.get(identity) : undefined;
  if (!flow) return [];
  return [
    {
      code: 'legacy-flex-flow',
      severity: 'warning',
      explanation: `The legacy Flex Flow "${flow.friendlyName}" still holds this address, which can lose or duplicate tasks.`,
      fix: 'Migrate the Flex Flow to the address (or delete the Flex Flow).',
    },
  ];
}

export function diagnoseNumber(number: PhoneNumberSummary, ctx: DiagnosisContext): Diagnosis {
  const label = number.phoneNumber;
  if (!number.capabilities.sms) {
    const findings: Finding[] = [
      {
        code: 'no-sms-capability',
        severity: 'broken',
        explanation: 'This number cannot receive SMS at all.',
        fix: 'Use an SMS-capable number for messaging, or ask Twilio support about enabling SMS on it.',
      },
    ];
    return { level: 'broken', findings };
  }
  const address = ctx.addressesByAddress.get(number.phoneNumber);
  const findings = addressFindings(address, label, ctx);
  // Beside an address these handlers run in parallel with it; without one they are the only route,
  // so the fix is to create the address first.
  if (number.smsUrl) {
    findings.push({
      code: 'sms-url-set',
      severity: 'warning',
      explanation: address
        ? `The number's "A message comes in" webhook (${number.smsUrl}) runs in parallel with the address for every message.`
        : `The number's messages go to its "A message comes in" webhook (${number.smsUrl}), not to Flex.`,
      fix: address
        ? 'Clear the "A message comes in" URL (it is shown so you can copy it first).'
        : 'Create an address for the number, then clear the "A message comes in" URL.',
    });
  }
  if (number.smsApplicationSid) {
    findings.push({
      code: 'sms-application-set',
      severity: 'warning',
      explanation: address
        ? `The number's SMS is handled by a TwiML app (${number.smsApplicationSid}) in parallel with the address.`
        : `The number's SMS is handled by a TwiML app (${number.smsApplicationSid}), not by Flex.`,
      fix: address
        ? "Remove the number's SMS application."
        : "Create an address for the number, then remove the number's SMS application.",
    });
  }
  const service = (ctx.complete ?? ALL_COMPLETE).memberships
    ? ctx.messagingServiceByNumberSid.get(number.sid)
    : undefined;
  if (service) {
    findings.push({
      code: 'in-messaging-service',
      severity: 'warning',
      explanation: `The number is in the Messaging Service "${service}", whose inbound settings can take its messages before the address does.`,
      fix: 'Remove the number from the Messaging Service, or set the service to defer inbound messages to the number.',
    });
  }
  findings.push(...flexFlowFinding(number.phoneNumber, ctx));
  return { level: levelOf(findings), findings };
}

export function diagnoseSender(sender: WhatsAppSenderSummary, ctx: DiagnosisContext): Diagnosis {
  const findings = addressFindings(ctx.addressesByAddress.get(sender.senderId), sender.senderId, ctx);
  if (sender.status !== 'ONLINE') {
    const reasons = sender.offlineReasons.length > 0 ? ` (${sender.offlineReasons.join('; ')})` : '';
    findings.push({
      code: 'sender-not-online',
      severity: 'broken',
      explanation: `The WhatsApp sender is ${sender.status}${reasons}, so WhatsApp does not deliver messages to it.`,
      fix: 'Finish or fix the sender registration in the Twilio Console (Messaging › Senders › WhatsApp senders).',
    });
  }
  findings.push(...flexFlowFinding(sender.senderId, ctx));
  return { level: levelOf(findings), findings };
}
