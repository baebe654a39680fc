/**
 * Which fix Messaging Setup can make for each finding, as codes: the diagnosis dialog words them
 * (components/shared/findingText.ts) and makes them through the view's own dialogs and verbs. A
 * finding whose fix lies outside what the view can change (Twilio Console, Studio, support) has none.
 */
import type { Finding, FindingCode } from './diagnose';

/** A number's own inbound handler that the view can safely clear (and restore). */
export type InboundField = 'smsUrl' | 'smsApplicationSid';

/**
 * What the Edit address dialog opens with, corrected: the field the fix sets (auto-creation on,
 * the channel's default Studio flow, the built-in webhook, Flex's service), or, for a value only
 * the user knows (a webhook URL), the field to fill in.
 */
export type AddressCorrection =
  'auto-creation-on' | 'studio-flow' | 'webhook-url' | 'built-in-webhook' | 'flex-service';

export type FindingFix =
  | { kind: 'edit'; correction: AddressCorrection }
  | { kind: 'create' }
  | { kind: 'clear-inbound'; field: InboundField }
  /** `name`: the Flex Flow's, for the button. */
  | { kind: 'migrate'; flexFlowSid: string; name: string }
  | { kind: 'delete-flex-flow'; flexFlowSid: string; name: string }
  | { kind: 'fix-default-service' }
  | { kind: 'set-aside' };

/** The row as the fixes need it. */
export interface FixSubject {
  hasAddress: boolean;
  /** A number or sender (not yet set aside) that may be marked not for Flex. */
  canSetAside: boolean;
  /** Whether migrating this Flex Flow would run (its preview is not blocked). */
  migratable: (flexFlowSid: string) => boolean;
}

/** What a finding's fixes are made from: the finding, the row, and the fixes of the row's own. */
interface FixInputs {
  finding: Finding;
  subject: FixSubject;
  /** Making an address, or migrating the Flex Flow that holds the row (which makes it, keeping the flow's settings). */
  address: FindingFix[];
  /** Marking the row not for Flex, where it can be. */
  setAside: FindingFix[];
}

const edit =
  (correction: AddressCorrection) =>
  ({ subject }: FixInputs): FindingFix[] =>
    subject.hasAddress ? [{ kind: 'edit', correction }] : [];

/** Beside an address, a number's own handler is cleared; without one it is the only route: the address first. */
const inbound =
  (field: InboundField) =>
  ({ subject, address, setAside }: FixInputs): FindingFix[] =>
    subject.hasAddress ? [{ kind: 'clear-inbound', field }] : [...address, ...setAside];

const none = (): FindingFix[] => [];

/** The legacy Flex Flow a finding says holds the row, if it is that finding. */
const heldFlow = (finding: Finding) =>
  finding.code === 'legacy-flex-flow' && finding.flexFlowSid
    ? { flexFlowSid: finding.flexFlowSid, name: finding.values.name ?? '' }
    : undefined;

/**
 * Every finding's fixes, the recommended first; a finding with none has its fix outside the view:
 * the Twilio Console (SMS capability, sender registration, Messaging Services' settings), Studio
 * (a flow that could not be read), another's server (a webhook), or a list that did not load.
 */
const FIXES: Record<FindingCode, (inputs: FixInputs) => FindingFix[]> = {
  'no-sms-capability': none,
  'no-address': ({ address, setAside }) => [...address, ...setAside],
  'auto-creation-disabled': edit('auto-creation-on'),
  'studio-flow-missing': edit('studio-flow'),
  'studio-flow-unpublished': edit('studio-flow'),
  'studio-flow-no-conversation-trigger': edit('studio-flow'),
  'studio-flow-no-send-to-flex': edit('studio-flow'),
  'default-integration': edit('studio-flow'),
  'webhook-url-empty': edit('webhook-url'),
  'built-in-webhook-filter-missing': edit('built-in-webhook'),
  // On the account's default service, making Flex's the default fixes every such address at once.
  'service-not-flex': (inputs) => [
    ...edit('flex-service')(inputs),
    ...(inputs.finding.text === 'MessagingSetupFindingDefaultServiceNotFlex'
      ? [{ kind: 'fix-default-service' } as const]
      : []),
  ],
  'sms-url-set': inbound('smsUrl'),
  'sms-application-set': inbound('smsApplicationSid'),
  // No verb takes a number out of a Messaging Service; a number that serves one may not be for Flex.
  'in-messaging-service': ({ setAside }) => setAside,
  'legacy-flex-flow': ({ finding, subject }) => {
    const flow = heldFlow(finding);
    if (!flow) return [];
    if (subject.migratable(flow.flexFlowSid)) return [{ kind: 'migrate', ...flow }];
    // A flow that cannot be migrated goes once an address is there, not before (it is the route).
    return subject.hasAddress ? [{ kind: 'delete-flex-flow', ...flow }] : [];
  },
  'sender-not-online': none,
  'sender-in-review': none,
  'studio-flow-unchecked': none,
  'webhook-unchecked': none,
  'not-checked': none,
};

/**
 * Each finding's fixes, in the findings' order. A row with no address that a legacy Flex Flow
 * still holds is migrated rather than given a new address: the migration keeps the flow's Studio
 * flow and retry count, and leaves no Flex Flow beside the address to warn about.
 */
export function fixesFor(findings: readonly Finding[], subject: FixSubject): FindingFix[][] {
  const heldBy = findings.map(heldFlow).find(Boolean);
  const address: FindingFix[] =
    heldBy && subject.migratable(heldBy.flexFlowSid) ? [{ kind: 'migrate', ...heldBy }] : [{ kind: 'create' }];
  const setAside: FindingFix[] = subject.canSetAside ? [{ kind: 'set-aside' }] : [];
  return findings.map((finding) => FIXES[finding.code]({ finding, subject, address, setAside }));
}
