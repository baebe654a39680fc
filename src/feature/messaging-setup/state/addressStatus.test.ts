import { ADDRESSES, DRAFT_FLOW_SID, FLOWS, sid } from '../../../test/fakeAccount';
import type { AddressSummary } from '../../../contract/types';
import { addressStatusOf, describeRouting } from './addressStatus';

const studioFlowsBySid = new Map(FLOWS.map((flow) => [flow.sid, flow]));
const studioTo = (studioFlowSid: string): AddressSummary => ({
  ...ADDRESSES.support,
  integration: { type: 'studio', studioFlowSid, retryCount: 2 },
});

describe('addressStatusOf (the reason is the diagnosis finding that makes it a problem)', () => {
  test('no address: not connected', () => {
    expect(addressStatusOf(undefined, studioFlowsBySid)).toEqual({ status: 'not-connected', reason: '' });
  });

  test('auto-creation on, routed to a published flow, a webhook or the default: connected', () => {
    for (const address of [ADDRESSES.support, ADDRESSES.whatsapp, ADDRESSES.foreign]) {
      expect(addressStatusOf(address, studioFlowsBySid)).toEqual({ status: 'connected', reason: '' });
    }
  });

  test('auto-creation off is a problem, whatever it routes to', () => {
    expect(addressStatusOf(ADDRESSES.billing, studioFlowsBySid)).toEqual({
      status: 'problem',
      reason: `Auto-creation is off on ${ADDRESSES.billing.address}'s address, so new messages do not create conversations.`,
    });
  });

  test('a draft flow or a missing flow is a problem', () => {
    expect(addressStatusOf(studioTo(DRAFT_FLOW_SID), studioFlowsBySid)).toEqual({
      status: 'problem',
      reason: 'The Studio flow "Survey draft" is a draft that was never published, so it does not run.',
    });
    expect(addressStatusOf(studioTo(sid('FW', 99)), studioFlowsBySid)).toEqual({
      status: 'problem',
      reason: `The address routes to a Studio flow (${sid('FW', 99)}) that does not exist, so messages go nowhere.`,
    });
  });

  test('while the flows are unknown, a flow not in the map is not reported missing', () => {
    expect(addressStatusOf(studioTo(sid('FW', 99)), new Map(), false)).toEqual({ status: 'connected', reason: '' });
    // A flow that is known stays judged.
    expect(addressStatusOf(studioTo(DRAFT_FLOW_SID), studioFlowsBySid, false).status).toBe('problem');
  });

  test('a webhook without a URL is a problem', () => {
    const address: AddressSummary = {
      ...ADDRESSES.whatsapp,
      integration: { type: 'webhook', webhookUrl: '', webhookMethod: 'POST', webhookFilters: [] },
    };
    expect(addressStatusOf(address, studioFlowsBySid)).toEqual({
      status: 'problem',
      reason: 'The address uses a webhook but has no webhook URL, so nothing creates the task.',
    });
  });
});

test('describeRouting names the flow (or its SID while unknown), the webhook, or the default', () => {
  expect(describeRouting(ADDRESSES.support, studioFlowsBySid)).toBe('Studio: Messaging Flow · retry 3');
  expect(describeRouting(studioTo(sid('FW', 99)), studioFlowsBySid)).toBe(`Studio: ${sid('FW', 99)} · retry 2`);
  expect(describeRouting(ADDRESSES.whatsapp, studioFlowsBySid)).toBe('Webhook: POST https://hooks.example.com/inbound');
  expect(describeRouting(ADDRESSES.foreign, studioFlowsBySid)).toBe('Default (no integration)');
});
