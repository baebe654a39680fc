import { revertRefusal, undoneAs } from './historyKinds';
import type { AddressSummary, FlexFlowSummary, HistoryEntry, HistoryResource, HistoryState } from './types';

const address: AddressSummary = {
  sid: `IG${'1'.repeat(32)}`,
  type: 'sms',
  address: '+14155550100',
  friendlyName: 'Support',
  autoCreationEnabled: true,
  integration: { type: 'default' },
  conversationServiceSid: null,
  dateUpdated: null,
};
const flexFlow = { sid: `FO${'2'.repeat(32)}`, friendlyName: 'SMS' } as FlexFlowSummary;
const ADDRESS: HistoryResource = { type: 'address', sid: address.sid, address: address.address };
const FLOW: HistoryResource = { type: 'flex-flow', sid: flexFlow.sid, address: address.address };
const CONFIGURATION: HistoryResource = { type: 'conversations-configuration', sid: null, address: null };

const entry = (
  kind: HistoryEntry['kind'],
  resource: HistoryResource,
  before: HistoryState | null,
  after: HistoryState | null,
  extra: Partial<HistoryEntry> = {},
): HistoryEntry => ({
  id: '7',
  at: '2026-12-05T10:00:00Z',
  who: { identity: 'demo.supervisor', roles: ['supervisor'] },
  kind,
  resource,
  before,
  after,
  outcome: 'succeeded',
  ...extra,
});

describe('revertRefusal: one rule for the plugin’s Revert button and the backend’s refusal', () => {
  test('every change kind with its states may be reverted', () => {
    expect(revertRefusal(entry('create-address', ADDRESS, null, { address }))).toBeUndefined();
    expect(revertRefusal(entry('delete-address', ADDRESS, { address }, null))).toBeUndefined();
    expect(revertRefusal(entry('migrate-flex-flow', FLOW, { flexFlow }, { address }))).toBeUndefined();
    expect(revertRefusal(entry('delete-flex-flow', FLOW, { flexFlow }, null))).toBeUndefined();
  });

  test('failed and summarised entries are refused, whatever their kind', () => {
    expect(revertRefusal(entry('update-address', ADDRESS, { address }, { address }, { outcome: 'failed' }))).toBe(
      'failed',
    );
    expect(revertRefusal(entry('delete-flex-flow', FLOW, { flexFlow }, null, { summarised: true }))).toBe('summarised');
  });

  test('a default service that was not set before cannot be put back', () => {
    const before = { defaultConversationServiceSid: null };
    const after = { defaultConversationServiceSid: `IS${'3'.repeat(32)}` };
    expect(revertRefusal(entry('set-default-conversation-service', CONFIGURATION, before, after))).toBe(
      'no-default-before',
    );
  });

  test('a revert is judged as the change whose states it holds; one that brought a Flex Flow back is refused', () => {
    expect(revertRefusal(entry('revert', ADDRESS, { address }, null))).toBeUndefined();
    expect(revertRefusal(entry('revert', FLOW, { address }, { flexFlow }))).toBe('undid-flex-flow');
    expect(revertRefusal(entry('revert', FLOW, null, { flexFlow }))).toBe('undid-flex-flow');
    expect(revertRefusal(entry('revert', ADDRESS, null, null))).toBe('no-states');
  });
});

describe('set-aside', () => {
  const SENDER: HistoryResource = { type: 'sender', sid: `PN${'4'.repeat(32)}`, address: address.address };
  const mark = {
    channel: 'sms' as const,
    address: address.address,
    reason: 'Fax',
    by: 'demo.supervisor',
    at: '2026-12-05T09:00:00Z',
  };

  test('a set and a clear may be reverted, and so may their reverts, undone as a set-aside is', () => {
    expect(revertRefusal(entry('set-aside', SENDER, { setAside: null }, { setAside: mark }))).toBeUndefined();
    expect(revertRefusal(entry('set-aside', SENDER, { setAside: mark }, { setAside: null }))).toBeUndefined();
    const revertOfSet = entry('revert', SENDER, { setAside: mark }, { setAside: null });
    expect(undoneAs(revertOfSet)).toBe('set-aside');
    expect(revertRefusal(revertOfSet)).toBeUndefined();
    expect(revertRefusal(entry('set-aside', SENDER, null, { setAside: mark }, { outcome: 'failed' }))).toBe('failed');
  });
});

describe('undoneAs', () => {
  test('a change is undone as its own kind; a revert as the change its states are those of', () => {
    expect(undoneAs(entry('update-address', ADDRESS, { address }, { address }))).toBe('update-address');
    // A revert of a create left the address gone, as a delete does; a revert of a delete, as a create.
    expect(undoneAs(entry('revert', ADDRESS, { address }, null))).toBe('delete-address');
    expect(undoneAs(entry('revert', ADDRESS, null, { address }))).toBe('create-address');
    expect(undoneAs(entry('revert', FLOW, { address }, { flexFlow }))).toBeUndefined();
  });
});
