import { addressMismatches, planFlexFlowMigration, type MigrationPlan } from './flexFlowMigration';
import { wordMessage } from './messages';
import type { AddressInput, AddressSummary, FlexFlowSummary } from './types';

/** Why a plan blocks, in English (the rules give a problem; each side words it). */
const whyBlocked = (plan: MigrationPlan) => (plan.migratable ? '' : wordMessage(plan.problem));
/** The differences, in English. */
const mismatches = (planned: AddressInput, actual: AddressSummary) =>
  addressMismatches(planned, actual).map((problem) => wordMessage(problem));

const FW = `FW${'1'.repeat(32)}`;
const IS = `IS${'2'.repeat(32)}`;

const flow = (fields: Partial<FlexFlowSummary> = {}): FlexFlowSummary => ({
  sid: `FO${'3'.repeat(32)}`,
  friendlyName: 'Flex SMS Channel Flow',
  channelType: 'sms',
  contactIdentity: '+14155550100',
  enabled: true,
  integrationType: 'studio',
  integration: { flow_sid: FW, retry_count: 1 },
  longLived: false,
  janitorEnabled: true,
  chatServiceSid: null,
  ...fields,
});

describe('planFlexFlowMigration', () => {
  test('an SMS Studio flow becomes an SMS address: same number, flow, retry count, name; Flex’s service', () => {
    expect(planFlexFlowMigration(flow(), IS)).toEqual({
      migratable: true,
      address: {
        type: 'sms',
        address: '+14155550100',
        friendlyName: 'Flex SMS Channel Flow',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: FW, retryCount: 1 },
        conversationServiceSid: IS,
      },
    });
  });

  test('a WhatsApp identity gets the whatsapp: prefix once; no Flex service leaves the account default', () => {
    for (const identity of ['+14155550100', 'whatsapp:+14155550100']) {
      const plan = planFlexFlowMigration(flow({ channelType: 'whatsapp', contactIdentity: identity }), null);
      expect(plan).toMatchObject({ migratable: true, address: { type: 'whatsapp', address: 'whatsapp:+14155550100' } });
      expect(plan.migratable && 'conversationServiceSid' in plan.address).toBe(false);
    }
  });

  test('a retry count outside 0–3 is clamped; a missing one takes Twilio’s default of 3', () => {
    const retry = (retry_count: number | undefined) => {
      const plan = planFlexFlowMigration(flow({ integration: { flow_sid: FW, retry_count } }), IS);
      return plan.migratable && plan.address.integration.type === 'studio' ? plan.address.integration.retryCount : null;
    };
    expect(retry(7)).toBe(3);
    expect(retry(-1)).toBe(0);
    expect(retry(undefined)).toBe(3);
    expect(retry(0)).toBe(0);
  });

  test('a web Studio flow becomes a chat address named after it, with its flow and retry count', () => {
    const plan = planFlexFlowMigration(
      flow({ channelType: 'web', contactIdentity: null, friendlyName: 'Flex Web Channel Flow' }),
      IS,
    );
    expect(plan).toEqual({
      migratable: true,
      address: {
        type: 'chat',
        address: 'flex-web-channel-flow',
        friendlyName: 'Flex Web Channel Flow',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: FW, retryCount: 1 },
        conversationServiceSid: IS,
      },
    });
  });

  test('a Facebook flow becomes a Messenger address for its page, the messenger: prefix added once', () => {
    for (const identity of ['106932781234567', 'messenger:106932781234567']) {
      const plan = planFlexFlowMigration(flow({ channelType: 'facebook', contactIdentity: identity }), IS);
      expect(plan).toMatchObject({
        migratable: true,
        address: { type: 'messenger', address: 'messenger:106932781234567' },
      });
    }
    const noPage = planFlexFlowMigration(flow({ channelType: 'facebook', contactIdentity: null }), IS);
    expect(noPage).toMatchObject({ migratable: false, block: 'no_contact_identity' });
    expect(whyBlocked(noPage)).toMatch(/no Facebook Page to move/);
  });

  test.each([
    [{ channelType: 'custom' }, 'unsupported_channel', /custom Flex Flow cannot become an address.*Interactions API/],
    [{ channelType: 'line' }, 'unsupported_channel', /line Flex Flow cannot become an address.*LINE.*Interactions API/],
    [{ integrationType: 'external' }, 'unsupported_integration', /is external\. It sends messages to your own URL/],
    [{ integrationType: 'task' }, 'unsupported_integration', /creates tasks directly.*Flex webhook \(built in\)/],
    [{ integrationType: null }, 'unsupported_integration', /is not set/],
    [{ contactIdentity: null }, 'no_contact_identity', /no contact identity/],
    [{ contactIdentity: '12345' }, 'invalid_contact_identity', /12345 is not a phone number/],
    [{ integration: { retry_count: 1 } }, 'no_studio_flow', /names no Studio flow/],
  ] as [Partial<FlexFlowSummary>, string, RegExp][])(
    '%j is not migrated automatically: %s',
    (fields, block, message) => {
      const plan = planFlexFlowMigration(flow(fields), IS);
      expect(plan).toMatchObject({ migratable: false, block });
      expect(whyBlocked(plan)).toMatch(message);
    },
  );
});

describe('addressMismatches', () => {
  const plan = planFlexFlowMigration(flow(), IS);
  if (!plan.migratable) throw new Error('the fixture must be migratable');
  const made: AddressSummary = {
    sid: `IG${'4'.repeat(32)}`,
    type: 'sms',
    address: '+14155550100',
    friendlyName: 'Flex SMS Channel Flow',
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: FW, retryCount: 1 },
    conversationServiceSid: IS,
    dateUpdated: null,
  };

  test('none when the address is as planned', () => {
    expect(mismatches(plan.address, made)).toEqual([]);
  });

  test('names every difference', () => {
    expect(
      mismatches(plan.address, {
        ...made,
        address: '+14155550199',
        autoCreationEnabled: false,
        integration: { type: 'studio', studioFlowSid: `FW${'9'.repeat(32)}`, retryCount: 2 },
        conversationServiceSid: null,
      }),
    ).toEqual([
      'address is +14155550199',
      'auto-creation is off',
      `Studio flow is FW${'9'.repeat(32)}`,
      'retry count is 2',
      'conversation service is the default',
    ]);
    expect(mismatches(plan.address, { ...made, integration: { type: 'default' } })).toEqual(['integration is default']);
  });
});
