import { messagingSetupStrings } from '../strings';
import fc from 'fast-check';

import type {
  AddressSummary,
  PhoneNumberSummary,
  StudioFlowSummary,
  WhatsAppSenderSummary,
} from '../../../contract/types';
import { CHANNELS } from '../channels';
import { initialSetupData } from '../state/setupData';
import { wordFinding } from '../components/shared/findingText';
import type { Diagnosis, DiagnosisContext, FindingCode } from './diagnose';

// Each channel's diagnosis, as its descriptor makes it (channels/sms.ts, channels/whatsapp.ts).
const diagnoseNumber = (n: PhoneNumberSummary, ctx: DiagnosisContext): Diagnosis =>
  CHANNELS.sms.tab!.rows({ ...initialSetupData, numbers: [n] }, ctx, messagingSetupStrings)[0].diagnosis;
const diagnoseSender = (s: WhatsAppSenderSummary, ctx: DiagnosisContext): Diagnosis =>
  CHANNELS.whatsapp.tab!.rows({ ...initialSetupData, senders: [s] }, ctx, messagingSetupStrings)[0].diagnosis;
const words = (finding: Diagnosis['findings'][number]) => wordFinding(finding, messagingSetupStrings);

const FLEX_SERVICE = 'IS' + 'f'.repeat(32);
const OTHER_SERVICE = 'IS' + 'e'.repeat(32);
const PUBLISHED: StudioFlowSummary = {
  sid: 'FW' + 'a'.repeat(32),
  friendlyName: 'Messaging Flow',
  status: 'published',
  conversationRoute: 'sends-to-flex',
};
const VOICE_IVR: StudioFlowSummary = {
  sid: 'FW' + 'd'.repeat(32),
  friendlyName: 'Voice IVR',
  status: 'published',
  conversationRoute: 'no-conversation-trigger',
};
const REPLY_ONLY: StudioFlowSummary = {
  sid: 'FW' + 'e'.repeat(32),
  friendlyName: 'Auto Reply',
  status: 'published',
  conversationRoute: 'no-send-to-flex',
};
const UNREAD: StudioFlowSummary = {
  sid: 'FW' + '9'.repeat(32),
  friendlyName: 'Imported Flow',
  status: 'published',
  conversationRoute: 'unknown',
};
const DRAFT: StudioFlowSummary = { sid: 'FW' + 'b'.repeat(32), friendlyName: 'Draft Flow', status: 'draft' };
const MISSING_FLOW = 'FW' + 'c'.repeat(32);

const number = (overrides: Partial<PhoneNumberSummary> = {}): PhoneNumberSummary => ({
  sid: 'PN' + '1'.repeat(32),
  phoneNumber: '+14155550100',
  friendlyName: '(415) 555-0100',
  capabilities: { sms: true, mms: true, voice: true },
  smsUrl: null,
  smsApplicationSid: null,
  ...overrides,
});

const sender = (overrides: Partial<WhatsAppSenderSummary> = {}): WhatsAppSenderSummary => ({
  sid: 'XE' + '1'.repeat(32),
  senderId: 'whatsapp:+14155550100',
  status: 'ONLINE',
  profileName: 'Owl',
  offlineReasons: [],
  ...overrides,
});

const studioAddress = (address: string, overrides: Partial<AddressSummary> = {}): AddressSummary => ({
  sid: 'IG' + '1'.repeat(32),
  type: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms',
  address,
  friendlyName: null,
  autoCreationEnabled: true,
  integration: { type: 'studio', studioFlowSid: PUBLISHED.sid, retryCount: 3 },
  conversationServiceSid: FLEX_SERVICE,
  dateUpdated: null,
  ...overrides,
});

function context(addresses: AddressSummary[] = [], overrides: Partial<DiagnosisContext> = {}): DiagnosisContext {
  return {
    addressesByAddress: new Map(addresses.map((a) => [a.address, a])),
    studioFlowsBySid: new Map([PUBLISHED, DRAFT, VOICE_IVR, REPLY_ONLY, UNREAD].map((f) => [f.sid, f])),
    flexServiceSid: FLEX_SERVICE,
    defaultServiceSid: FLEX_SERVICE,
    messagingServiceByNumberSid: new Map(),
    flexFlowsByIdentity: new Map(),
    complete: {
      studioFlows: true,
      flexConfiguration: true,
      messagingServiceNumbers: true,
      flexFlows: true,
      addresses: true,
    },
    failed: new Set(),
    setAsides: new Map(),
    ...overrides,
  };
}

const codes = (d: { findings: { code: FindingCode }[] }) => d.findings.map((f) => f.code).sort();

describe('diagnoseNumber, one finding at a time', () => {
  const n = number();
  const cases: [string, PhoneNumberSummary, DiagnosisContext, FindingCode[], string][] = [
    ['a correctly configured number', n, context([studioAddress(n.phoneNumber)]), [], 'ready'],
    ['no address', n, context(), ['no-address'], 'broken'],
    [
      'auto-creation off',
      n,
      context([studioAddress(n.phoneNumber, { autoCreationEnabled: false })]),
      ['auto-creation-disabled'],
      'broken',
    ],
    [
      'Studio flow missing',
      n,
      context([
        studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: MISSING_FLOW, retryCount: 3 } }),
      ]),
      ['studio-flow-missing'],
      'broken',
    ],
    [
      'Studio flow unpublished',
      n,
      context([
        studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: DRAFT.sid, retryCount: 3 } }),
      ]),
      ['studio-flow-unpublished'],
      'broken',
    ],
    [
      'webhook URL empty',
      n,
      context([
        studioAddress(n.phoneNumber, {
          integration: { type: 'webhook', webhookUrl: '', webhookMethod: 'POST', webhookFilters: [] },
        }),
      ]),
      ['webhook-url-empty'],
      'broken',
    ],
    [
      'the built-in Flex webhook without the onMessageAdded filter',
      n,
      context([
        studioAddress(n.phoneNumber, {
          integration: {
            type: 'webhook',
            webhookUrl: 'https://messaging-setup-1234-dev.twil.io/inbound-webhook',
            webhookMethod: 'POST',
            webhookFilters: ['onParticipantAdded'],
          },
        }),
      ]),
      ['built-in-webhook-filter-missing'],
      'broken',
    ],
    [
      'the built-in Flex webhook with the onMessageAdded filter',
      n,
      context([
        studioAddress(n.phoneNumber, {
          integration: {
            type: 'webhook',
            webhookUrl: 'https://messaging-setup-1234-dev.twil.io/inbound-webhook',
            webhookMethod: 'POST',
            webhookFilters: ['onParticipantAdded', 'onMessageAdded'],
          },
        }),
      ]),
      [],
      'ready',
    ],
    [
      'address in another service',
      n,
      context([studioAddress(n.phoneNumber, { conversationServiceSid: OTHER_SERVICE })]),
      ['service-not-flex'],
      'broken',
    ],
    [
      'address in the default service, which is not Flex’s',
      n,
      context([studioAddress(n.phoneNumber, { conversationServiceSid: null })], { defaultServiceSid: OTHER_SERVICE }),
      ['service-not-flex'],
      'broken',
    ],
    [
      '"A message comes in" URL',
      number({ smsUrl: 'https://x.example/sms' }),
      context([studioAddress(n.phoneNumber)]),
      ['sms-url-set'],
      'warning',
    ],
    [
      'SMS application',
      number({ smsApplicationSid: 'AP' + '1'.repeat(32) }),
      context([studioAddress(n.phoneNumber)]),
      ['sms-application-set'],
      'warning',
    ],
    [
      'in a Messaging Service',
      n,
      context([studioAddress(n.phoneNumber)], { messagingServiceByNumberSid: new Map([[n.sid, 'Marketing']]) }),
      ['in-messaging-service'],
      'warning',
    ],
    [
      'held by a legacy Flex Flow',
      n,
      context([studioAddress(n.phoneNumber)], {
        flexFlowsByIdentity: new Map([
          [
            n.phoneNumber,
            { sid: 'FO' + '1'.repeat(32), friendlyName: 'SMS Flow', contactIdentity: n.phoneNumber, enabled: true },
          ],
        ]),
      }),
      ['legacy-flex-flow'],
      'warning',
    ],
    [
      'no SMS capability',
      number({ capabilities: { sms: false, mms: false, voice: true } }),
      context(),
      ['no-sms-capability'],
      'inactive',
    ],
    // Each "Ready" that was wrong before (issue #26): now what it is.
    [
      'an address on the default integration: nothing hands its conversations to Flex',
      n,
      context([studioAddress(n.phoneNumber, { integration: { type: 'default' } })]),
      ['default-integration'],
      'broken',
    ],
    [
      'a Studio flow with no Incoming Conversation trigger ("Voice IVR")',
      n,
      context([
        studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: VOICE_IVR.sid, retryCount: 3 } }),
      ]),
      ['studio-flow-no-conversation-trigger'],
      'broken',
    ],
    [
      'a Studio flow whose conversation path reaches no Send to Flex',
      n,
      context([
        studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: REPLY_ONLY.sid, retryCount: 3 } }),
      ]),
      ['studio-flow-no-send-to-flex'],
      'broken',
    ],
    [
      'a Studio flow whose definition could not be read',
      n,
      context([
        studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: UNREAD.sid, retryCount: 3 } }),
      ]),
      ['studio-flow-unchecked'],
      'unknown',
    ],
    [
      "another's webhook, whose server cannot be checked from here",
      n,
      context([
        studioAddress(n.phoneNumber, {
          integration: {
            type: 'webhook',
            webhookUrl: 'https://no-such-host.example/hook',
            webhookMethod: 'POST',
            webhookFilters: ['onMessageAdded'],
          },
        }),
      ]),
      ['webhook-unchecked'],
      'unknown',
    ],
    [
      'a flow that does not exist while the Studio flows failed to load',
      n,
      context(
        [studioAddress(n.phoneNumber, { integration: { type: 'studio', studioFlowSid: MISSING_FLOW, retryCount: 3 } })],
        {
          studioFlowsBySid: new Map(),
          complete: {
            studioFlows: false,
            flexConfiguration: true,
            messagingServiceNumbers: true,
            flexFlows: true,
            addresses: true,
          },
          failed: new Set(['studioFlows']),
        },
      ),
      ['not-checked'],
      'unknown',
    ],
  ];

  it.each(cases)('%s', (_name, row, ctx, expected, level) => {
    const diagnosis = diagnoseNumber(row, ctx);
    expect(codes(diagnosis)).toEqual([...expected].sort());
    expect(diagnosis.level).toBe(level);
    for (const finding of diagnosis.findings) {
      expect(words(finding).explanation).toMatch(/\.$/);
      expect(words(finding).fix.length).toBeGreaterThan(10);
    }
  });

  it('is unknown, never Ready, while what it depends on still loads or failed, and says which', () => {
    const ctx = context(
      [
        studioAddress(n.phoneNumber, {
          integration: { type: 'studio', studioFlowSid: MISSING_FLOW, retryCount: 3 },
          conversationServiceSid: OTHER_SERVICE,
        }),
      ],
      {
        messagingServiceByNumberSid: new Map([[n.sid, 'Marketing']]),
        complete: {
          studioFlows: false,
          flexConfiguration: false,
          messagingServiceNumbers: false,
          flexFlows: false,
          addresses: true,
        },
        failed: new Set(['flexConfiguration']),
      },
    );
    const diagnosis = diagnoseNumber(n, ctx);
    expect(diagnosis.level).toBe('unknown');
    expect(diagnosis.findings.map((f) => words(f).explanation)).toEqual([
      'Not checked yet: still loading Studio flows.',
      'Could not check this: the Flex configuration did not load, so what depends on them is unknown, not Ready.',
      'Not checked yet: still loading Messaging Service numbers.',
      'Not checked yet: still loading legacy Flex Flows.',
    ]);
  });

  it('without the addresses, a number is unknown, not "no address"', () => {
    const ctx = context([], {
      complete: {
        studioFlows: true,
        flexConfiguration: true,
        messagingServiceNumbers: true,
        flexFlows: true,
        addresses: false,
      },
      failed: new Set(['addresses']),
    });
    expect(codes(diagnoseNumber(n, ctx))).toEqual(['not-checked']);
    expect(diagnoseNumber(n, ctx).level).toBe('unknown');
  });

  it('names a voice-only number by its own state', () => {
    const d = diagnoseNumber(number({ capabilities: { sms: false, mms: false, voice: true } }), context());
    expect(d).toMatchObject({ level: 'inactive', state: 'voice-only' });
  });
});

describe('diagnoseSender', () => {
  const s = sender();
  it('is ready with an address to a published flow while ONLINE, or ONLINE while updating', () => {
    expect(diagnoseSender(s, context([studioAddress(s.senderId)]))).toEqual({ level: 'ready', findings: [] });
    expect(diagnoseSender(sender({ status: 'ONLINE:UPDATING' }), context([studioAddress(s.senderId)]))).toEqual({
      level: 'ready',
      findings: [],
    });
  });
  it.each([
    ['PENDING_VERIFICATION', 'waiting for verification'],
    ['TWILIO_REVIEW', 'in review by Twilio'],
    ['DRAFT', 'a draft'],
    ['VERIFYING', 'being verified'],
  ])('a sender %s is in review (its own state, not Broken), worded without the raw status', (status, word) => {
    const d = diagnoseSender(sender({ status }), context());
    expect(d).toMatchObject({ level: 'inactive', state: 'in-review' });
    expect(codes(d)).toEqual(['sender-in-review']);
    expect(words(d.findings[0]).explanation).toContain(`(${word})`);
    expect(words(d.findings[0]).explanation).not.toContain(status);
  });
  it('is broken when not ONLINE, with the reasons in the explanation', () => {
    const d = diagnoseSender(
      sender({ status: 'OFFLINE', offlineReasons: ['Account restricted'] }),
      context([studioAddress(s.senderId)]),
    );
    expect(codes(d)).toEqual(['sender-not-online']);
    expect(words(d.findings[0]).explanation).toBe(
      'The WhatsApp sender is offline (Account restricted), so WhatsApp does not deliver messages to it.',
    );
    expect(d.level).toBe('broken');
  });
  it('reports a missing address and a Flex Flow on the same sender together', () => {
    const ctx = context([], {
      flexFlowsByIdentity: new Map([
        [
          s.senderId,
          { sid: 'FO' + '2'.repeat(32), friendlyName: 'WA Flow', contactIdentity: s.senderId, enabled: true },
        ],
      ]),
    });
    expect(codes(diagnoseSender(s, ctx))).toEqual(['legacy-flex-flow', 'no-address']);
  });
});

describe('diagnoseNumber, combinations', () => {
  /** Every combination of the independent conditions yields exactly their findings. */
  it('reports exactly the findings of the conditions present, and the worst level', () => {
    fc.assert(
      fc.property(
        fc.record({
          hasAddress: fc.boolean(),
          autoCreation: fc.boolean(),
          flow: fc.constantFrom<'published' | 'draft' | 'missing' | 'webhook-empty' | 'webhook-ok'>(
            'published',
            'draft',
            'missing',
            'webhook-empty',
            'webhook-ok',
          ),
          otherService: fc.boolean(),
          smsUrl: fc.boolean(),
          smsApp: fc.boolean(),
          inService: fc.boolean(),
          flexFlow: fc.boolean(),
        }),
        (c) => {
          const n = number({
            smsUrl: c.smsUrl ? 'https://x.example/sms' : null,
            smsApplicationSid: c.smsApp ? 'AP' + '2'.repeat(32) : null,
          });
          const integration: AddressSummary['integration'] =
            c.flow === 'webhook-empty' || c.flow === 'webhook-ok'
              ? {
                  type: 'webhook',
                  webhookUrl: c.flow === 'webhook-ok' ? 'https://x.example/hook' : '',
                  webhookMethod: 'POST',
                  webhookFilters: ['onMessageAdded'],
                }
              : {
                  type: 'studio',
                  studioFlowSid: c.flow === 'published' ? PUBLISHED.sid : c.flow === 'draft' ? DRAFT.sid : MISSING_FLOW,
                  retryCount: 3,
                };
          const address = studioAddress(n.phoneNumber, {
            autoCreationEnabled: c.autoCreation,
            integration,
            conversationServiceSid: c.otherService ? OTHER_SERVICE : FLEX_SERVICE,
          });
          const ctx = context(c.hasAddress ? [address] : [], {
            messagingServiceByNumberSid: new Map(c.inService ? [[n.sid, 'Marketing']] : []),
            flexFlowsByIdentity: new Map(
              c.flexFlow
                ? [
                    [
                      n.phoneNumber,
                      { sid: 'FO' + '3'.repeat(32), friendlyName: 'F', contactIdentity: n.phoneNumber, enabled: true },
                    ],
                  ]
                : [],
            ),
          });
          const expected: FindingCode[] = [];
          if (!c.hasAddress) expected.push('no-address');
          else {
            if (!c.autoCreation) expected.push('auto-creation-disabled');
            if (c.flow === 'draft') expected.push('studio-flow-unpublished');
            if (c.flow === 'missing') expected.push('studio-flow-missing');
            if (c.flow === 'webhook-empty') expected.push('webhook-url-empty');
            if (c.flow === 'webhook-ok') expected.push('webhook-unchecked');
            if (c.otherService) expected.push('service-not-flex');
          }
          if (c.smsUrl) expected.push('sms-url-set');
          if (c.smsApp) expected.push('sms-application-set');
          if (c.inService) expected.push('in-messaging-service');
          if (c.flexFlow) expected.push('legacy-flex-flow');
          const diagnosis = diagnoseNumber(n, ctx);
          expect(codes(diagnosis)).toEqual(expected.sort());
          const has = (severity: string) => diagnosis.findings.some((f) => f.severity === severity);
          expect(diagnosis.level).toBe(
            has('broken') ? 'broken' : has('unknown') ? 'unknown' : expected.length > 0 ? 'warning' : 'ready',
          );
        },
      ),
      { numRuns: 500, seed: 4 },
    );
  });
});

describe('the words of a finding', () => {
  test('are codes and values: the view words them from its strings (an account can reword them)', () => {
    const strings = {
      ...messagingSetupStrings,
      MessagingSetupFindingNoAddress: '{{label}} : aucune adresse Conversations.',
      MessagingSetupFindingNoAddressFix: 'Créez une adresse.',
    };
    const diagnosis = diagnoseNumber(number(), context([]));
    expect(diagnosis.findings).toEqual([
      {
        code: 'no-address',
        severity: 'broken',
        text: 'MessagingSetupFindingNoAddress',
        values: { label: number().phoneNumber },
      },
    ]);
    expect(wordFinding(diagnosis.findings[0], strings)).toEqual({
      explanation: `${number().phoneNumber} : aucune adresse Conversations.`,
      fix: 'Créez une adresse.',
    });
  });
});
