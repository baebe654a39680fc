import { ADDRESSES, FLEX_SERVICE_SID, MESSAGING_FLOW_SID, NUMBERS } from '../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../test/fakeBackend';
import type { SetupAction } from '../state/setupData';
import { messagingSetupStrings } from '../strings';
import { createMessagingSetupActions } from './messagingSetupActions';

/** The verbs against the fake backend: each call, state update and notification, in that order. */
function setUp() {
  const fake = createFakeBackend();
  const dispatched: SetupAction[] = [];
  const notified: [string, string][] = [];
  const actions = createMessagingSetupActions({
    backend: fake.backend,
    dispatch: (action) => dispatched.push(action),
    notify: (kind, message) => notified.push([kind, message]),
    strings: messagingSetupStrings,
  });
  return { fake, actions, dispatched, notified };
}

const studio = { type: 'studio' as const, studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 };

test('createAddress: one create call, the saved address into the state, one success notification', async () => {
  const { fake, actions, dispatched, notified } = setUp();
  const number = NUMBERS.sales.phoneNumber;
  const saved = await actions.createAddress({
    type: 'sms',
    address: number,
    autoCreationEnabled: true,
    integration: studio,
    conversationServiceSid: FLEX_SERVICE_SID,
  });
  expect(fake.writes().map((w) => w.endpoint)).toEqual(['create-address']);
  expect(dispatched).toEqual([{ type: 'address-saved', address: saved }]);
  expect(notified).toEqual([['success', `Address ${number} created.`]]);
});

test('a refused change is notified with the reason, rethrown to the dialog, and changes no state', async () => {
  const { fake, actions, dispatched, notified } = setUp();
  fake.respond('delete-address', () => errorReply(409, 'conflict', 'Someone changed it.'));
  await expect(actions.deleteAddress(ADDRESSES.support)).rejects.toThrow('Someone changed it.');
  expect(dispatched).toEqual([]);
  expect(notified).toEqual([['error', expect.stringContaining('Someone changed it.')]]);
  expect(notified[0][1]).toContain(ADDRESSES.support.address);
});

test('createAddressInBulk puts each address in the state but leaves the notification to the run', async () => {
  const { actions, dispatched, notified } = setUp();
  const saved = await actions.createAddressInBulk({
    type: 'sms',
    address: NUMBERS.sales.phoneNumber,
    autoCreationEnabled: true,
    integration: studio,
  });
  expect(dispatched).toEqual([{ type: 'address-saved', address: saved }]);
  expect(notified).toEqual([]);
  actions.reportBulkCreate({ created: 1, failed: 0, cancelled: 0 });
  expect(notified).toEqual([['success', expect.stringContaining('1')]]);
});
