import { ADDRESSES, DRAFT_FLOW_SID, FLOWS, sid } from '../../../test/fakeAccount';
import type { AddressSummary } from '../../../contract/types';
import { wordFinding } from '../components/shared/findingText';
import { addressFindings, statusOf, type DiagnosisContext } from '../diagnostics/diagnose';
import { messagingSetupStrings } from '../strings';
import { describeRouting } from './routing';

const studioFlowsBySid = new Map(FLOWS.map((flow) => [flow.sid, flow]));
const studioTo = (studioFlowSid: string): AddressSummary => ({
  ...ADDRESSES.support,
  integration: { type: 'studio', studioFlowSid, retryCount: 2 },
});
const context = (flows = studioFlowsBySid, studioFlowsKnown = true): DiagnosisContext => ({
  addressesByAddress: new Map(),
  studioFlowsBySid: flows,
  flexServiceSid: null,
  defaultServiceSid: null,
  messagingServiceByNumberSid: new Map(),
  flexFlowsByIdentity: new Map(),
  complete: {
    studioFlows: studioFlowsKnown,
    flexConfiguration: true,
    messagingServiceNumbers: true,
    flexFlows: true,
    addresses: true,
  },
  failed: new Set(),
  setAsides: new Map(),
});
/** The status as the row shows it: read from the address's findings, its reason worded by the view. */
function statusWithReason(address: AddressSummary | undefined, ctx = context()) {
  const { status, finding } = statusOf(address, address ? addressFindings(address, address.address, ctx) : []);
  return { status, reason: finding ? wordFinding(finding, messagingSetupStrings).explanation : '' };
}

describe('statusOf (the reason is the diagnosis finding that makes it a problem)', () => {
  test('no address: not connected', () => {
    expect(statusWithReason(undefined)).toEqual({ status: 'not-connected', reason: '' });
  });

  test('auto-creation on, routed to a published flow that sends to Flex, or a webhook: connected', () => {
    for (const address of [ADDRESSES.support, ADDRESSES.whatsapp]) {
      expect(statusWithReason(address)).toEqual({ status: 'connected', reason: '' });
    }
  });

  test('on the default integration, which hands nothing to Flex: a problem', () => {
    expect(statusWithReason(ADDRESSES.foreign)).toEqual({
      status: 'problem',
      reason: expect.stringMatching(
        /^\+447700900123's address only creates the conversation: .*nothing hands it to Flex/,
      ),
    });
  });

  test('auto-creation off is a problem, whatever it routes to', () => {
    expect(statusWithReason(ADDRESSES.billing)).toEqual({
      status: 'problem',
      reason: `Auto-creation is off on ${ADDRESSES.billing.address}'s address, so new messages do not create conversations.`,
    });
  });

  test('a draft flow or a missing flow is a problem', () => {
    expect(statusWithReason(studioTo(DRAFT_FLOW_SID))).toEqual({
      status: 'problem',
      reason: 'The Studio flow "Survey draft" is a draft that was never published, so it does not run.',
    });
    expect(statusWithReason(studioTo(sid('FW', 99)))).toEqual({
      status: 'problem',
      reason: `The address routes to a Studio flow (${sid('FW', 99)}) that does not exist, so messages go nowhere.`,
    });
  });

  test('while the flows are unknown, a flow not in the map is not reported missing', () => {
    expect(statusWithReason(studioTo(sid('FW', 99)), context(new Map(), false))).toEqual({
      status: 'connected',
      reason: '',
    });
    // A flow that is known stays judged.
    expect(statusWithReason(studioTo(DRAFT_FLOW_SID), context(studioFlowsBySid, false)).status).toBe('problem');
  });

  test('a webhook without a URL is a problem', () => {
    const address: AddressSummary = {
      ...ADDRESSES.whatsapp,
      integration: { type: 'webhook', webhookUrl: '', webhookMethod: 'POST', webhookFilters: [] },
    };
    expect(statusWithReason(address)).toEqual({
      status: 'problem',
      reason: 'The address uses a webhook but has no webhook URL, so nothing creates the task.',
    });
  });

  test('a wrong conversation service is a diagnosis finding, not a status problem', () => {
    const ctx = { ...context(), flexServiceSid: sid('IS', 1) };
    const address = { ...ADDRESSES.support, conversationServiceSid: sid('IS', 2) };
    expect(addressFindings(address, address.address, ctx).map((f) => f.code)).toContain('service-not-flex');
    expect(statusWithReason(address, ctx)).toEqual({ status: 'connected', reason: '' });
  });
});

test('describeRouting names the flow (or its SID while unknown), the webhook, or the default', () => {
  expect(describeRouting(ADDRESSES.support, studioFlowsBySid)).toBe('Studio: Messaging Flow · retry 3');
  expect(describeRouting(studioTo(sid('FW', 99)), studioFlowsBySid)).toBe(`Studio: ${sid('FW', 99)} · retry 2`);
  expect(describeRouting(ADDRESSES.whatsapp, studioFlowsBySid)).toBe('Webhook: POST https://hooks.example.com/inbound');
  expect(describeRouting(ADDRESSES.foreign, studioFlowsBySid)).toBe('Default (no integration)');
});
