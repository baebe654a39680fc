import { screen, waitFor, within } from '@testing-library/react';

import type { HistoryEntry } from '../../../../contract/types';
import {
  ADDRESSES,
  defaultAccount,
  FLEX_SERVICE_SID,
  NUMBERS,
  OTHER_SERVICE_SID,
  SENDERS,
  sid,
} from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup as renderView } from '../../../../test/renderMessagingSetup';

jest.setTimeout(20_000);

const OLD_URL = 'https://old-backend.example.com/sms';

const diagnosisButton = (address: string, level: string) =>
  within(activePanel()).getByRole('button', { name: `Diagnosis for ${address}: ${level}` });
const shownAddresses = () =>
  within(activePanel())
    .queryAllByTestId('connection-row')
    .map((row) => row.querySelector('td[data-column="address"]')?.textContent);
const findingCodes = () =>
  within(screen.getByRole('dialog'))
    .queryAllByRole('listitem')
    .filter((item) => item.hasAttribute('data-finding'))
    .map((item) => item.getAttribute('data-finding'));

/** The support line with a parallel "A message comes in" URL, in a Messaging Service and held by a Flex Flow. */
function troubledAccount() {
  const account = defaultAccount();
  account.numbers[0].smsUrl = OLD_URL;
  account.messagingServiceNumbers = [
    { sid: sid('MG', 1), friendlyName: 'Marketing Notifications', phoneNumberSids: [NUMBERS.support.sid] },
  ];
  account.flexFlows = [
    {
      sid: sid('FO', 1),
      friendlyName: 'Flex SMS Channel Flow',
      channelType: 'sms',
      contactIdentity: NUMBERS.support.phoneNumber,
      enabled: true,
      integrationType: 'studio',
      integration: { flow_sid: sid('FW', 1) },
      longLived: false,
      janitorEnabled: true,
      chatServiceSid: sid('IS', 9),
    },
  ];
  return account;
}

describe('the Diagnosis column', () => {
  test('each number and sender has a level; the button opens every finding with its fix', async () => {
    const { user } = await renderView();
    expect(diagnosisButton(NUMBERS.support.phoneNumber, 'Ready')).toBeInTheDocument();
    expect(diagnosisButton(NUMBERS.sales.phoneNumber, 'Broken')).toBeInTheDocument();
    expect(diagnosisButton(NUMBERS.billing.phoneNumber, 'Broken')).toBeInTheDocument();
    // A number that cannot receive SMS is no problem: it is named by its state.
    expect(diagnosisButton(NUMBERS.voiceOnly.phoneNumber, 'Voice only')).toBeInTheDocument();
    // The issue-3 status column stays.
    expect(within(activePanel()).getAllByText('Connected', { selector: 'span' })).toHaveLength(1);

    await user.click(diagnosisButton(NUMBERS.billing.phoneNumber, 'Broken'));
    const dialog = await screen.findByRole('dialog', { name: `Diagnosis for ${NUMBERS.billing.phoneNumber}` });
    expect(findingCodes()).toEqual(['auto-creation-disabled']);
    expect(within(dialog).getByText(/Auto-creation is off/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Edit the address and turn auto-creation on/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Ready'));
    expect(await screen.findByText(/Nothing stands in the way/)).toBeInTheDocument();
    expect(findingCodes()).toEqual([]);
  });

  test('a number with a parallel webhook, a Messaging Service and a Flex Flow is a warning, with all three', async () => {
    const { user } = await renderView({ fake: createFakeBackend(troubledAccount()) });
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    await screen.findByRole('dialog');
    expect(findingCodes()).toEqual(['sms-url-set', 'in-messaging-service', 'legacy-flex-flow']);
    expect(screen.getByText(/"Marketing Notifications"/)).toBeInTheDocument();
    expect(screen.getByText(/The legacy Flex Flow "Flex SMS Channel Flow"/)).toBeInTheDocument();
  });

  test('WhatsApp senders: an offline sender is broken; one on its own webhook is unknown, not Ready', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    await user.click(diagnosisButton(SENDERS.online.senderId, 'Unknown'));
    await screen.findByRole('dialog');
    expect(findingCodes()).toEqual(['webhook-unchecked']);
    expect(screen.getByText(/Whether that server hands them to Flex cannot be checked from here/)).toBeInTheDocument();
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.click(diagnosisButton(SENDERS.offline.senderId, 'Broken'));
    await screen.findByRole('dialog');
    expect(findingCodes()).toEqual(['no-address', 'sender-not-online']);
  });

  test('loading asks for the Flex Flows and the Messaging Service numbers once, not once per row', async () => {
    const { fake } = await renderView({ fake: createFakeBackend(troubledAccount()) });
    const count = (endpoint: string) => fake.requests.filter((r) => r.endpoint === endpoint).length;
    expect(count('list-flex-flows')).toBe(1);
    expect(count('list-messaging-service-numbers')).toBe(1);
    // One request per list (addresses: one per phone type, one for every other type; the set-aside
    // marks in one), whatever the number of rows.
    // (The stuck conversations' count is read after the lists, for the banner: not part of the load.)
    expect(fake.requests.filter((r) => r.endpoint !== 'list-stuck-conversations')).toHaveLength(10);
    expect(fake.writes()).toEqual([]);
  });

  test('when the Flex Flows cannot be loaded, that is said once and the rows say Unknown, never Ready', async () => {
    const fake = createFakeBackend(troubledAccount());
    fake.respond('list-flex-flows', () => errorReply(500, 'twilio_error', 'Flex API down'));
    const { user } = await renderView({ fake });
    expect(screen.getByText('Could not load legacy Flex Flows: Flex API down')).toBeInTheDocument();
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Unknown'));
    await screen.findByRole('dialog');
    expect(findingCodes()).toEqual(['sms-url-set', 'in-messaging-service', 'not-checked']);
    expect(
      screen.getByText(/Could not check this: legacy Flex Flows did not load, so what depends on them is unknown/),
    ).toBeInTheDocument();
  });
});

describe('the Diagnosis filter', () => {
  test('Needs attention, Broken, Warning and Ready narrow the rows', async () => {
    const { user } = await renderView({ fake: createFakeBackend(troubledAccount()) });
    const filter = within(activePanel()).getByLabelText('Diagnosis');
    expect(
      within(filter)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All', 'Needs attention', 'Broken', 'Unknown', 'Warning', 'Ready', 'Not in use', 'Not for Flex']);
    await user.selectOptions(filter, 'attention');
    // A voice-only number needs nothing: it is not in use for messaging.
    expect(shownAddresses()).toEqual([NUMBERS.support, NUMBERS.sales, NUMBERS.billing].map((n) => n.phoneNumber));
    await user.selectOptions(filter, 'warning');
    expect(shownAddresses()).toEqual([NUMBERS.support.phoneNumber]);
    await user.selectOptions(filter, 'broken');
    expect(shownAddresses()).toEqual([NUMBERS.sales, NUMBERS.billing].map((n) => n.phoneNumber));
    await user.selectOptions(filter, 'inactive');
    expect(shownAddresses()).toEqual([NUMBERS.voiceOnly.phoneNumber]);
    await user.selectOptions(filter, 'ready');
    expect(shownAddresses()).toEqual([]);
    expect(within(activePanel()).getByText('Nothing matches the search and filter.')).toBeInTheDocument();
  });
});

describe('the account health banner', () => {
  test('healthy: Flex’s service is the default; counts per level filter the numbers', async () => {
    const { user } = await renderView();
    const banner = screen.getByRole('region', { name: 'Account health' });
    expect(banner).toHaveTextContent('"Flex Conversation Service" is the account\'s default Conversations service');
    expect(within(banner).queryByRole('button', { name: 'Fix' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    expect(
      within(banner).getByRole('button', { name: 'Show the 1 phone numbers that are Not in use' }),
    ).toBeInTheDocument();
    await user.click(within(banner).getByRole('button', { name: 'Show the 2 phone numbers that are Broken' }));
    expect(screen.getByRole('tab', { name: 'Phone numbers' })).toHaveAttribute('aria-selected', 'true');
    expect(within(activePanel()).getByLabelText('Diagnosis')).toHaveValue('broken');
    expect(shownAddresses()).toEqual([NUMBERS.sales, NUMBERS.billing].map((n) => n.phoneNumber));
    await user.click(within(banner).getByRole('button', { name: 'Show the 1 phone numbers that are Not in use' }));
    expect(shownAddresses()).toEqual([NUMBERS.voiceOnly.phoneNumber]);
    await user.click(within(banner).getByRole('button', { name: 'Show the 1 phone numbers that are Ready' }));
    expect(shownAddresses()).toEqual([NUMBERS.support.phoneNumber]);
  });

  test('Fix: confirms naming both services, sets Flex’s as the default, and the banner turns healthy', async () => {
    const account = defaultAccount();
    account.flexConfiguration.defaultConversationServiceSid = OTHER_SERVICE_SID;
    const { fake, user, notify } = await renderView({ fake: createFakeBackend(account) });
    const banner = screen.getByRole('region', { name: 'Account health' });
    expect(banner).toHaveTextContent(
      'default Conversations service is "Marketing", not Flex\'s "Flex Conversation Service"',
    );
    // Addresses on the default service are now said to miss Flex.
    expect(diagnosisButton(NUMBERS.billing.phoneNumber, 'Broken')).toBeInTheDocument();

    await user.click(within(banner).getByRole('button', { name: 'Fix' }));
    const dialog = await screen.findByRole('dialog', { name: "Make Flex's service the default?" });
    expect(dialog).toHaveTextContent(
      `from "Marketing" (${OTHER_SERVICE_SID}) to Flex's "Flex Conversation Service" (${FLEX_SERVICE_SID})`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Set as default' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('set-default-conversation-service')).toEqual([{ serviceSid: FLEX_SERVICE_SID }]);
    expect(banner).toHaveTextContent("is the account's default Conversations service");
    expect(within(banner).queryByRole('button', { name: 'Fix' })).not.toBeInTheDocument();
    expect(notify).toHaveBeenCalledWith(
      'success',
      `"Flex Conversation Service" is now the default Conversations service (it was ${OTHER_SERVICE_SID}).`,
    );
  });

  test('a failed Fix is shown in the dialog and nothing changes', async () => {
    const account = defaultAccount();
    account.flexConfiguration.defaultConversationServiceSid = OTHER_SERVICE_SID;
    const fake = createFakeBackend(account);
    fake.respond('set-default-conversation-service', () => errorReply(403, 'forbidden', 'Only admins may do that.'));
    const { user, notify } = await renderView({ fake });
    await user.click(screen.getByRole('button', { name: 'Fix' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Set as default' }));
    expect(
      await within(dialog).findByText('The default Conversations service was not changed: Only admins may do that.'),
    ).toBeInTheDocument();
    expect(notify).toHaveBeenCalledWith('error', expect.stringContaining('Only admins may do that.'));
  });

  test('a user who may not write sees no Fix and no Clear', async () => {
    const account = troubledAccount();
    account.flexConfiguration.defaultConversationServiceSid = OTHER_SERVICE_SID;
    const { user } = await renderView({ fake: createFakeBackend(account), canWrite: false });
    expect(screen.queryByRole('button', { name: 'Fix' })).not.toBeInTheDocument();
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    await screen.findByRole('dialog');
    expect(screen.queryByRole('button', { name: 'Clear webhook' })).not.toBeInTheDocument();
  });
});

describe('clearing a number’s "A message comes in" URL', () => {
  test('confirms with the current value, clears it, re-diagnoses, and Undo restores it', async () => {
    const account = defaultAccount();
    account.numbers[0].smsUrl = OLD_URL;
    const { fake, user, notify } = await renderView({ fake: createFakeBackend(account) });
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Clear webhook' }));
    expect(within(dialog).getByTestId('current-value')).toHaveTextContent(OLD_URL);
    expect(within(dialog).getByRole('button', { name: 'Copy the current value' })).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Clear' }));
    expect(await within(dialog).findByText(/cleared \(it was https:\/\/old-backend/)).toBeInTheDocument();
    expect(fake.payloadsTo('update-number-inbound')).toEqual([{ sid: NUMBERS.support.sid, smsUrl: '' }]);
    expect(within(dialog).getByText(/Nothing stands in the way/)).toBeInTheDocument();
    expect(notify).toHaveBeenCalledWith(
      'success',
      `The "A message comes in" URL of ${NUMBERS.support.phoneNumber} cleared (it was ${OLD_URL}).`,
    );

    await user.click(within(dialog).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(findingCodes()).toEqual(['sms-url-set']));
    expect(fake.payloadsTo('update-number-inbound')).toEqual([
      { sid: NUMBERS.support.sid, smsUrl: '' },
      { sid: NUMBERS.support.sid, smsUrl: OLD_URL },
    ]);
    expect(account.numbers[0].smsUrl).toBe(OLD_URL);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning')).toBeInTheDocument();
  });

  test('an SMS application is removed the same way', async () => {
    const account = defaultAccount();
    const app = sid('AP', 7);
    account.numbers[0].smsApplicationSid = app;
    const { fake, user } = await renderView({ fake: createFakeBackend(account) });
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Remove SMS application' }));
    expect(within(dialog).getByTestId('current-value')).toHaveTextContent(app);
    await user.click(within(dialog).getByRole('button', { name: 'Clear' }));
    await within(dialog).findByRole('button', { name: 'Undo' });
    expect(fake.payloadsTo('update-number-inbound')).toEqual([{ sid: NUMBERS.support.sid, smsApplicationSid: '' }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(diagnosisButton(NUMBERS.support.phoneNumber, 'Ready')).toBeInTheDocument();
  });

  test('a failed clear is shown in the dialog and the number keeps its URL', async () => {
    const account = defaultAccount();
    account.numbers[0].smsUrl = OLD_URL;
    const fake = createFakeBackend(account);
    fake.respond('update-number-inbound', () => errorReply(500, 'twilio_error', 'Twilio said no.'));
    const { user } = await renderView({ fake });
    await user.click(diagnosisButton(NUMBERS.support.phoneNumber, 'Warning'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Clear webhook' }));
    await user.click(within(dialog).getByRole('button', { name: 'Clear' }));
    expect(await within(dialog).findByText(/Twilio said no\./)).toBeInTheDocument();
    expect(within(dialog).getByText('Nothing was changed.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Clear' })).toBeEnabled();
  });
});

describe("the diagnosis dialog's recent changes", () => {
  const support = ADDRESSES.support;
  /** An entry about `address` (the support line, or another), with a numeric id. */
  const entry = (id: number, about = ADDRESSES.billing): HistoryEntry => ({
    id: String(id),
    at: '2026-12-05T09:00:00Z',
    who: { identity: 'demo.supervisor@owl.example', roles: ['supervisor'] },
    kind: 'update-address',
    resource: { type: 'address', sid: about.sid, address: about.address },
    before: { address: about },
    after: { address: { ...about, autoCreationEnabled: false } },
    outcome: 'succeeded',
  });
  /** The history newest first: `unrelated` entries of other addresses, then one of the support line. */
  function fakeWithHistory(unrelated: number) {
    const account = defaultAccount();
    const total = unrelated + 1;
    account.history = [...Array.from({ length: unrelated }, (_, i) => entry(total - i)), entry(1, support)];
    const fake = createFakeBackend(account);
    // One entry per answer, as a filter over a long history answers: nothing matched, more to read.
    fake.answerHistory({
      pageSize: 1,
      integrity: (_page, read) => ({ verdict: 'intact', newest: read[0].id, oldest: read[0].id, broken: [] }),
    });
    return fake;
  }
  const openDiagnosis = async (fake: ReturnType<typeof createFakeBackend>) => {
    const { user } = await renderView({ fake });
    await user.click(diagnosisButton(support.address, 'Ready'));
    const recent = within(await screen.findByRole('dialog')).getByRole('region', { name: 'Recent changes' });
    return { user, recent };
  };
  const cursorsAsked = (fake: ReturnType<typeof createFakeBackend>) =>
    fake.payloadsTo('list-history').map((payload) => (payload as { cursor?: string }).cursor ?? null);

  test('reads on while the pages so far hold no change of the address, and shows the one further back', async () => {
    const fake = fakeWithHistory(4);
    const { recent } = await openDiagnosis(fake);
    await waitFor(() => expect(within(recent).getAllByTestId('recent-change')).toHaveLength(1));
    expect(recent).toHaveTextContent(
      `demo.supervisor changed ${support.address}: auto-creation from enabled to disabled`,
    );
    expect(recent).not.toHaveTextContent('No change');
    expect(cursorsAsked(fake)).toEqual([null, '1', '2', '3', '4']);
  });

  test('stops after a few pages unasked, says how far it read, and reads on when asked', async () => {
    const fake = fakeWithHistory(8);
    const { user, recent } = await openDiagnosis(fake);
    // The first page and five more: entries 9 down to 4.
    expect(await within(recent).findByText('No change in the newest 6 entries.')).toBeInTheDocument();
    expect(cursorsAsked(fake)).toHaveLength(6);
    expect(recent).not.toHaveTextContent('No change of this address recorded.');

    await user.click(within(recent).getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(within(recent).getAllByTestId('recent-change')).toHaveLength(1));
    expect(recent).toHaveTextContent(
      `demo.supervisor changed ${support.address}: auto-creation from enabled to disabled`,
    );
    expect(within(recent).queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
    expect(cursorsAsked(fake)).toEqual([null, '1', '2', '3', '4', '5', '6', '7', '8']);
  });

  test('an older backend (no verdict to count by) still stops after a few pages, without a count', async () => {
    const fake = fakeWithHistory(8);
    fake.answerHistory({ pageSize: 1 });
    const { recent } = await openDiagnosis(fake);
    expect(await within(recent).findByText('No change in the newest entries read so far.')).toBeInTheDocument();
    expect(within(recent).getByRole('button', { name: 'Show older changes' })).toBeInTheDocument();
    expect(cursorsAsked(fake)).toHaveLength(6);
  });

  test('a history read to its end without a change of the address says there is none', async () => {
    const fake = fakeWithHistory(2);
    fake.account.history = fake.account.history.filter((e) => e.resource.sid !== support.sid);
    const { recent } = await openDiagnosis(fake);
    expect(await within(recent).findByText('No change of this address recorded.')).toBeInTheDocument();
    expect(within(recent).queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
    expect(cursorsAsked(fake)).toEqual([null, '1']);
  });
});
