import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import {
  ADDRESSES,
  FLEX_SERVICE_SID,
  MESSAGING_FLOW_SID,
  NUMBERS,
  OTHER_SERVICE_SID,
  SENDERS,
  sid,
} from '../../../../test/fakeAccount';
import { createFakeBackend, deferred, errorReply, type FakeReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup as renderView } from '../../../../test/renderMessagingSetup';
import { renderWithPaste } from '../../../../test/renderWithPaste';
import { messagingSetupStrings } from '../../strings';
import { MessagingSetupView } from './MessagingSetupView';

// Paste modals and tables are heavy in jsdom; a few tests go through several dialogs.
jest.setTimeout(20_000);

/** The table row of a number, sender or address in the panel on show. */
function rowOf(address: string): HTMLElement {
  const row = within(activePanel()).getByText(address).closest('tr');
  if (!row) throw new Error(`no row for ${address}`);
  return row;
}

const shownAddresses = (testId = 'connection-row') =>
  within(activePanel())
    .queryAllByTestId(testId)
    .map((row) =>
      row
        .querySelector('td[data-column="address"]')
        ?.textContent?.replace(/Not a number or sender of this account$/, ''),
    );

const dialog = () => screen.getByRole('dialog');

type User = ReturnType<typeof userEvent.setup>;

/** Replaces a field's text in one paste: typing long text key by key re-renders a Paste form per key. */
async function fill(user: User, field: HTMLElement, text: string) {
  await user.clear(field);
  await user.paste(text);
}

async function openCreateDialog(user: User, address: string) {
  await user.click(within(rowOf(address)).getByRole('button', { name: /^Create address for / }));
  return screen.findByRole('dialog');
}

describe('the lists', () => {
  test('loads every list with the user token, addresses by type', async () => {
    const { fake } = await renderView();
    const called = new Set(fake.requests.map((r) => r.endpoint));
    for (const endpoint of [
      'list-phone-numbers',
      'list-whatsapp-senders',
      'list-addresses',
      'list-studio-flows',
      'fetch-flex-configuration',
    ] as const) {
      expect(called).toContain(endpoint);
    }
    // Loading changes nothing.
    expect(fake.writes()).toEqual([]);
    expect(fake.payloadsTo('list-addresses')).toEqual(expect.arrayContaining([{ type: 'sms' }, { type: 'whatsapp' }]));
    expect(fake.requests.every((r) => r.token === 'flex-token-of-the-user')).toBe(true);
  });

  test('Phone numbers: one row per number with its status badge, routing and actions', async () => {
    await renderView();
    expect(screen.getByRole('tab', { name: 'Phone numbers' })).toHaveAttribute('aria-selected', 'true');
    expect(shownAddresses()).toEqual(Object.values(NUMBERS).map((n) => n.phoneNumber));
    expect(within(activePanel()).getByText('Showing 4 of 4')).toBeInTheDocument();

    const support = within(rowOf(NUMBERS.support.phoneNumber));
    expect(support.getByText('Support line')).toBeInTheDocument();
    expect(support.getByText('Connected')).toBeInTheDocument();
    expect(support.getByText('Studio: Messaging Flow · retry 3')).toBeInTheDocument();
    expect(support.getByText(ADDRESSES.support.sid)).toBeInTheDocument();
    expect(support.getByRole('button', { name: /^Edit address for / })).toBeEnabled();
    expect(support.getByRole('button', { name: /^Delete address for / })).toBeEnabled();
    expect(support.queryByRole('button', { name: /^Create address for / })).not.toBeInTheDocument();

    const sales = within(rowOf(NUMBERS.sales.phoneNumber));
    expect(sales.getByText('Not connected')).toBeInTheDocument();
    expect(sales.getByRole('button', { name: /^Create address for / })).toBeEnabled();
    expect(sales.queryByRole('button', { name: /^Edit address for / })).not.toBeInTheDocument();

    const billing = within(rowOf(NUMBERS.billing.phoneNumber));
    expect(billing.getByText('Problem')).toBeInTheDocument();
    expect(
      billing.getByText(
        `Auto-creation is off on ${NUMBERS.billing.phoneNumber}'s address, so new messages do not create conversations.`,
      ),
    ).toBeInTheDocument();
    expect(billing.getByText('Studio: Messaging Flow · retry 1')).toBeInTheDocument();

    const voiceOnly = within(rowOf(NUMBERS.voiceOnly.phoneNumber));
    expect(voiceOnly.getByText('No SMS capability')).toBeInTheDocument();
    expect(voiceOnly.getByRole('button', { name: /^Create address for / })).toBeDisabled();
  });

  test('WhatsApp senders: sender status and webhook routing', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    expect(shownAddresses()).toEqual([SENDERS.online.senderId, SENDERS.offline.senderId]);

    const online = within(rowOf(SENDERS.online.senderId));
    expect(online.getByText('Owl Shoes')).toBeInTheDocument();
    // Twilio's status in words, never the raw enum.
    expect(online.getByText('Sender online')).toBeInTheDocument();
    expect(online.getByText('Connected')).toBeInTheDocument();
    expect(online.getByText('Webhook: POST https://hooks.example.com/inbound')).toBeInTheDocument();

    const offline = within(rowOf(SENDERS.offline.senderId));
    expect(offline.getByText('Sender offline')).toBeInTheDocument();
    expect(offline.getByText('Not connected')).toBeInTheDocument();
    expect(offline.getByRole('button', { name: /^Create address for / })).toBeEnabled();
  });

  test('Addresses: every address configuration, those of other numbers marked', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'Addresses' }));
    expect(shownAddresses('address-row').sort()).toEqual(
      Object.values(ADDRESSES)
        .map((a) => a.address)
        .sort(),
    );

    const foreign = within(rowOf(ADDRESSES.foreign.address));
    expect(foreign.getByText('Not a number or sender of this account')).toBeInTheDocument();
    expect(foreign.getByText('Default (no integration)')).toBeInTheDocument();
    expect(foreign.getByText('Old UK line')).toBeInTheDocument();
    expect(within(rowOf(ADDRESSES.whatsapp.address)).getByText('WhatsApp')).toBeInTheDocument();
    expect(within(rowOf(ADDRESSES.support.address)).queryByText('Not a number or sender of this account')).toBeNull();
  });

  test('a list that fails to load says so and loads again on "Try again"', async () => {
    const fake = createFakeBackend();
    const numbers = fake.account.numbers;
    fake.account.numbers = [];
    fake.respond('list-phone-numbers', () => errorReply(500, 'twilio_error', 'Twilio answered 500.'));
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
    const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

    const alert = await screen.findByText(/Could not load phone numbers: Twilio answered 500\./);
    // Reads are retried before the view gives up.
    expect(fake.payloadsTo('list-phone-numbers')).toHaveLength(4);

    fake.account.numbers = numbers;
    fake.respond('list-phone-numbers', () => ({ body: { items: numbers, nextCursor: null } }));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(activePanel()).findByText('Support line');
    expect(screen.queryByText(/Could not load phone numbers/)).not.toBeInTheDocument();
  });

  test('while the Studio flows load, Studio addresses are not said to route to a missing flow', async () => {
    const fake = createFakeBackend();
    const flows = deferred<FakeReply>();
    fake.respond('list-studio-flows', () => flows.promise);
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);

    // Before the flows arrive the routing names the flow by its SID.
    await within(activePanel()).findByText(`Studio: ${MESSAGING_FLOW_SID} · retry 3`);
    const support = within(rowOf(NUMBERS.support.phoneNumber));
    expect(screen.getByText(/^Loading Studio flows/)).toBeInTheDocument();
    expect(support.getByText('Connected')).toBeInTheDocument();
    expect(support.queryByText(/that does not exist, so messages go nowhere\./)).not.toBeInTheDocument();

    flows.resolve({ body: { items: fake.account.studioFlows, nextCursor: null } });
    expect(await support.findByText('Studio: Messaging Flow · retry 3')).toBeInTheDocument();
    expect(support.getByText('Connected')).toBeInTheDocument();
  });

  test('when the Studio flows cannot be loaded, that is the error shown, not a missing flow per row', async () => {
    const fake = createFakeBackend();
    fake.respond('list-studio-flows', () =>
      errorReply(403, 'twilio_forbidden', 'Twilio refused to list Studio flows.'),
    );
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
    await screen.findByText(/Could not load Studio flows: Twilio refused to list Studio flows\./);
    expect(within(rowOf(NUMBERS.support.phoneNumber)).getByText('Connected')).toBeInTheDocument();
    expect(screen.queryByText(/that does not exist, so messages go nowhere\./)).not.toBeInTheDocument();
  });

  test('an address routed to a flow the account does not have is a problem', async () => {
    const fake = createFakeBackend();
    const missingFlow = sid('FW', 99);
    fake.account.addresses[0].integration = { type: 'studio', studioFlowSid: missingFlow, retryCount: 3 };
    fake.account.addresses.push({ ...ADDRESSES.support, sid: sid('IG', 5), address: NUMBERS.sales.phoneNumber });
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
    await within(activePanel()).findByText('Studio: Messaging Flow · retry 3');
    await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
    const support = within(rowOf(NUMBERS.support.phoneNumber));
    expect(support.getByText('Problem')).toBeInTheDocument();
    expect(support.getByText(/that does not exist, so messages go nowhere\./)).toBeInTheDocument();
  });

  test('follows a list cursor to the last page', async () => {
    const fake = createFakeBackend();
    const [first, ...rest] = fake.account.numbers;
    fake.respond('list-phone-numbers', (payload) => {
      const { cursor } = payload as { cursor?: string };
      return cursor === 'page-2'
        ? { body: { items: rest, nextCursor: null } }
        : { body: { items: [first], nextCursor: 'page-2' } };
    });
    await renderView({ fake });
    expect(fake.payloadsTo('list-phone-numbers')).toEqual([{}, { cursor: 'page-2' }]);
    expect(shownAddresses()).toHaveLength(4);
  });

  test('a user who may not write sees no row actions', async () => {
    await renderView({ canWrite: false });
    expect(within(activePanel()).queryAllByRole('button', { name: /^(Create|Edit|Delete) address$/ })).toEqual([]);
    // Copying a SID is not a change.
    expect(within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: /^Copy address SID/ })).toBeEnabled();
  });
});

describe('search and status filter', () => {
  test('Search matches number, name, routing and SID, case-insensitively', async () => {
    const { user } = await renderView();
    const search = within(activePanel()).getByRole('searchbox', { name: 'Search' });

    await fill(user, search, 'SALES');
    expect(shownAddresses()).toEqual([NUMBERS.sales.phoneNumber]);
    expect(within(activePanel()).getByText('Showing 1 of 4')).toBeInTheDocument();

    await fill(user, search, 'messaging flow');
    expect(shownAddresses()).toEqual([NUMBERS.support.phoneNumber, NUMBERS.billing.phoneNumber]);

    await fill(user, search, ADDRESSES.billing.sid);
    expect(shownAddresses()).toEqual([NUMBERS.billing.phoneNumber]);

    await fill(user, search, '0104');
    expect(shownAddresses()).toEqual([NUMBERS.voiceOnly.phoneNumber]);

    await fill(user, search, 'nothing like this');
    expect(shownAddresses()).toEqual([]);
    expect(within(activePanel()).getByText('Nothing matches the search and filter.')).toBeInTheDocument();
    expect(within(activePanel()).getByText('Showing 0 of 4')).toBeInTheDocument();
  });

  test('the Status filter narrows the rows, together with the search', async () => {
    const { user } = await renderView();
    const status = within(activePanel()).getByRole('combobox', { name: 'Status' });

    await user.selectOptions(status, 'Not connected');
    expect(shownAddresses()).toEqual([NUMBERS.sales.phoneNumber, NUMBERS.voiceOnly.phoneNumber]);

    await user.selectOptions(status, 'Problem');
    expect(shownAddresses()).toEqual([NUMBERS.billing.phoneNumber]);

    await user.selectOptions(status, 'Connected');
    expect(shownAddresses()).toEqual([NUMBERS.support.phoneNumber]);

    await user.selectOptions(status, 'Not connected');
    await user.type(within(activePanel()).getByRole('searchbox', { name: 'Search' }), 'voice');
    expect(shownAddresses()).toEqual([NUMBERS.voiceOnly.phoneNumber]);

    await user.selectOptions(status, 'All statuses');
    expect(shownAddresses()).toEqual([NUMBERS.voiceOnly.phoneNumber]);
  });

  test('the Addresses tab has its own search', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'Addresses' }));
    await user.type(within(activePanel()).getByRole('searchbox', { name: 'Search' }), 'whatsapp');
    expect(shownAddresses('address-row')).toEqual([ADDRESSES.whatsapp.address]);
    expect(within(activePanel()).getByText('Showing 1 of 4')).toBeInTheDocument();
  });
});

describe('creating an address', () => {
  test('from a number: Studio "Messaging Flow", retry count 3 and the Flex service by default', async () => {
    const { fake, notify, user } = await renderView();
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));

    expect(form.getByRole('heading', { name: 'Create address' })).toBeInTheDocument();
    expect(form.getByRole('textbox', { name: 'Phone number' })).toHaveValue(NUMBERS.sales.phoneNumber);
    expect(form.getByRole('textbox', { name: 'Phone number' })).toHaveAttribute('readonly');
    expect(form.getByRole('textbox', { name: 'Friendly name' })).toHaveValue('Sales line');
    expect(form.getByRole('checkbox', { name: /auto-creation/ })).toBeChecked();
    expect(form.getByRole('combobox', { name: 'Integration' })).toHaveValue('studio');
    expect(form.getByRole('combobox', { name: 'Studio flow' })).toHaveValue(MESSAGING_FLOW_SID);
    expect(form.getByRole('option', { name: 'Messaging Flow' })).toHaveProperty('selected', true);
    expect(form.getByRole('option', { name: 'Survey draft (draft — publish it before use)' })).toBeInTheDocument();
    expect(form.getByRole('textbox', { name: 'Retry count' })).toHaveValue('3');
    expect(form.getByRole('combobox', { name: 'Conversation service' })).toHaveValue(FLEX_SERVICE_SID);
    expect(form.getByRole('option', { name: 'Flex Conversation Service (Flex)' })).toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')).toEqual([
      {
        type: 'sms',
        address: NUMBERS.sales.phoneNumber,
        friendlyName: 'Sales line',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
        conversationServiceSid: FLEX_SERVICE_SID,
      },
    ]);
    expect(notify).toHaveBeenCalledWith('success', `Address ${NUMBERS.sales.phoneNumber} created.`);
    const sales = within(rowOf(NUMBERS.sales.phoneNumber));
    expect(sales.getByText('Connected')).toBeInTheDocument();
    expect(sales.getByText('Studio: Messaging Flow · retry 3')).toBeInTheDocument();
    expect(sales.getByRole('button', { name: /^Edit address for / })).toBeInTheDocument();
  });

  test('for a WhatsApp sender, with a webhook: URL, method and filters are sent', async () => {
    const { fake, user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    const form = within(await openCreateDialog(user, SENDERS.offline.senderId));
    expect(form.getByRole('textbox', { name: 'WhatsApp sender' })).toHaveValue(SENDERS.offline.senderId);

    await user.selectOptions(form.getByRole('combobox', { name: 'Integration' }), 'Webhook');
    expect(form.queryByRole('combobox', { name: 'Studio flow' })).not.toBeInTheDocument();
    expect(form.queryByRole('textbox', { name: 'Retry count' })).not.toBeInTheDocument();
    await fill(user, form.getByRole('textbox', { name: 'Webhook URL' }), 'https://hooks.example.com/whatsapp');
    await user.selectOptions(form.getByRole('combobox', { name: 'Method' }), 'GET');
    const filters = within(form.getByRole('group', { name: 'Webhook filters' }));
    expect(filters.getByRole('checkbox', { name: 'onMessageAdded' })).toBeChecked();
    await user.click(filters.getByRole('checkbox', { name: 'onConversationStateUpdated' }));
    await user.click(filters.getByRole('checkbox', { name: 'onParticipantAdded' }));
    await user.selectOptions(form.getByRole('combobox', { name: 'Conversation service' }), 'Marketing');
    await user.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')).toEqual([
      {
        type: 'whatsapp',
        address: SENDERS.offline.senderId,
        friendlyName: 'Owl Outlet',
        autoCreationEnabled: true,
        integration: {
          type: 'webhook',
          webhookUrl: 'https://hooks.example.com/whatsapp',
          webhookMethod: 'GET',
          webhookFilters: ['onMessageAdded', 'onConversationStateUpdated', 'onParticipantAdded'],
        },
        conversationServiceSid: OTHER_SERVICE_SID,
      },
    ]);
    expect(
      within(rowOf(SENDERS.offline.senderId)).getByText('Webhook: GET https://hooks.example.com/whatsapp'),
    ).toBeInTheDocument();
  });

  test('from the Addresses tab, for any address: type and address are asked for and checked', async () => {
    const { fake, user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'Addresses' }));
    await user.click(within(activePanel()).getByRole('button', { name: 'Create address' }));
    const form = within(await screen.findByRole('dialog'));

    await user.selectOptions(form.getByRole('combobox', { name: 'Type' }), 'WhatsApp');
    const address = form.getByRole('textbox', { name: 'Address' });
    expect(address).toHaveAttribute('placeholder', 'whatsapp:+14155550123');
    await fill(user, address, '+14155550999');
    await user.click(form.getByRole('button', { name: 'Create' }));
    expect(form.getByText(/^Enter the sender as whatsapp: followed by the E\.164 number/)).toBeInTheDocument();
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(fake.writes()).toEqual([]);

    await fill(user, address, 'whatsapp:+14155550999');
    await user.click(form.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')).toEqual([
      expect.objectContaining({ type: 'whatsapp', address: 'whatsapp:+14155550999' }),
    ]);
    expect(
      within(rowOf('whatsapp:+14155550999')).getByText('Not a number or sender of this account'),
    ).toBeInTheDocument();
  });

  test('Cancel closes the dialog and sends nothing', async () => {
    const { fake, user } = await renderView();
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    await user.click(form.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
  });
});

describe('inline validation', () => {
  test('a retry count outside 0–3 is shown at the field, and nothing is sent', async () => {
    const { fake, user } = await renderView();
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    const retry = form.getByRole('textbox', { name: 'Retry count' });

    await user.clear(retry);
    await user.type(retry, '7');
    // Messages wait for the first submit: no red while the user is still typing.
    expect(form.queryByText('Enter a whole number from 0 to 3.')).not.toBeInTheDocument();

    await user.click(form.getByRole('button', { name: 'Create' }));
    const message = form.getByText('Enter a whole number from 0 to 3.');
    expect(retry).toHaveAttribute('aria-invalid', 'true');
    expect(retry).toHaveAccessibleDescription('Enter a whole number from 0 to 3.');
    expect(message).toBeVisible();
    expect(fake.writes()).toEqual([]);

    // After the first submit the message follows the input.
    await user.clear(retry);
    await user.type(retry, '2');
    expect(form.queryByText('Enter a whole number from 0 to 3.')).not.toBeInTheDocument();
    await user.clear(retry);
    expect(form.getByText('Enter a whole number from 0 to 3.')).toBeInTheDocument();
  });

  test('a webhook URL with http:// must use https', async () => {
    const { fake, user } = await renderView();
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    await user.selectOptions(form.getByRole('combobox', { name: 'Integration' }), 'Webhook');
    const url = form.getByRole('textbox', { name: 'Webhook URL' });
    await fill(user, url, 'http://hooks.example.com/inbound');
    await user.click(form.getByRole('button', { name: 'Create' }));

    expect(form.getByText('The webhook URL must use https.')).toBeInTheDocument();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveAccessibleDescription('The webhook URL must use https.');
    expect(fake.writes()).toEqual([]);

    await user.clear(url);
    await user.click(form.getByRole('button', { name: 'Create' }));
    expect(form.getByText('Enter an absolute URL, for example https://example.com/inbound.')).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
  });

  test('a Studio integration needs a flow', async () => {
    const { fake, user } = await renderView();
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    const flow = form.getByRole('combobox', { name: 'Studio flow' });
    await user.selectOptions(flow, 'Choose a flow');
    await user.click(form.getByRole('button', { name: 'Create' }));

    expect(form.getByText('Choose a Studio flow.')).toBeInTheDocument();
    expect(flow).toHaveAttribute('aria-invalid', 'true');
    expect(fake.writes()).toEqual([]);

    await user.selectOptions(flow, 'Messaging Flow');
    expect(form.queryByText('Choose a Studio flow.')).not.toBeInTheDocument();
  });

  test('when the account has no published "Messaging Flow", no flow is preselected', async () => {
    const fake = createFakeBackend();
    fake.account.studioFlows = fake.account.studioFlows.map((f) => ({ ...f, status: 'draft' as const }));
    // A draft-only account shows no "Messaging Flow" routing: wait for its problem instead.
    const { user } = await renderView({
      fake,
      loadedWhen: 'The Studio flow "Messaging Flow" is a draft that was never published, so it does not run.',
    });
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    expect(form.getByRole('combobox', { name: 'Studio flow' })).toHaveValue('');
    await user.click(form.getByRole('button', { name: 'Create' }));
    expect(form.getByText('Choose a Studio flow.')).toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
  });
});

describe('saving', () => {
  test('a server error is shown in the dialog; the input stays and the button is usable again', async () => {
    const { fake, notify, user } = await renderView();
    fake.respond('create-address', () =>
      errorReply(409, 'conflict', 'An address configuration already exists for +14155550102.'),
    );
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    const name = form.getByRole('textbox', { name: 'Friendly name' });
    await fill(user, name, 'Sales team');
    await user.clear(form.getByRole('textbox', { name: 'Retry count' }));
    await user.type(form.getByRole('textbox', { name: 'Retry count' }), '1');
    await user.click(form.getByRole('button', { name: 'Create' }));

    expect(
      await form.findByText('An address configuration already exists for +14155550102.', { exact: false }),
    ).toHaveTextContent('The address was not created. An address configuration already exists for +14155550102.');
    expect(dialog()).toBeInTheDocument();
    expect(name).toHaveValue('Sales team');
    expect(form.getByRole('textbox', { name: 'Retry count' })).toHaveValue('1');
    const create = form.getByRole('button', { name: 'Create' });
    expect(create).toBeEnabled();
    expect(create).toHaveAttribute('aria-busy', 'false');
    expect(form.getByRole('button', { name: 'Cancel' })).toBeEnabled();
    // The failure is also reported through Flex's notifications, naming the address and the reason.
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith(
      'error',
      expect.stringMatching(/^Address \+14155550102 was not created: .*already exists/),
    );
    expect(fake.payloadsTo('create-address')).toHaveLength(1);

    // Trying again with the problem gone works, with the same input.
    fake.restore('create-address');
    await user.click(create);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')[1]).toMatchObject({
      friendlyName: 'Sales team',
      integration: { type: 'studio', retryCount: 1 },
    });
  });

  test('field errors from the backend are shown at their fields', async () => {
    const { fake, user } = await renderView();
    fake.respond('create-address', () =>
      errorReply(400, 'invalid_input', 'retryCount: Twilio allows at most 3 retries.', {
        retryCount: 'Twilio allows at most 3 retries.',
      }),
    );
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    await user.click(form.getByRole('button', { name: 'Create' }));
    await form.findByText('Twilio allows at most 3 retries.');
    expect(form.getByRole('textbox', { name: 'Retry count' })).toHaveAttribute('aria-invalid', 'true');

    // Editing the field clears its server message.
    await user.type(form.getByRole('textbox', { name: 'Retry count' }), '{Backspace}2');
    expect(form.queryByText('Twilio allows at most 3 retries.')).not.toBeInTheDocument();
  });

  test('the submit button is busy while the request is pending, and the dialog cannot be left', async () => {
    const { fake, user } = await renderView();
    const pending = deferred<FakeReply>();
    fake.respond('create-address', () => pending.promise);
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    await user.click(form.getByRole('button', { name: 'Create' }));

    const create = form.getByRole('button', { name: 'Create' });
    await waitFor(() => expect(create).toHaveAttribute('aria-busy', 'true'));
    expect(create).toBeDisabled();
    expect(form.getByRole('button', { name: 'Cancel' })).toBeDisabled();
    await user.keyboard('{Escape}');
    expect(dialog()).toBeInTheDocument();
    // A second click while busy sends nothing more.
    await user.click(create);
    expect(fake.payloadsTo('create-address')).toHaveLength(1);

    pending.resolve({ body: { ...ADDRESSES.support, sid: sid('IG', 900), address: NUMBERS.sales.phoneNumber } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(rowOf(NUMBERS.sales.phoneNumber)).getByText('Connected')).toBeInTheDocument();
  });

  test('a create Twilio rate-limits says it is retrying, with its attempt, until it is done', async () => {
    const { fake, user } = await renderView();
    const second = deferred<FakeReply>();
    let calls = 0;
    fake.respond('create-address', () => {
      calls += 1;
      return calls === 1
        ? errorReply(429, 'rate_limited', 'Twilio is rate-limiting this account.', undefined, { 'Retry-After': '1' })
        : second.promise;
    });
    const form = within(await openCreateDialog(user, NUMBERS.sales.phoneNumber));
    const status = form.getByTestId('write-retry-status');
    expect(status).toHaveTextContent(/^$/);
    await user.click(form.getByRole('button', { name: 'Create' }));

    await waitFor(() =>
      expect(status).toHaveTextContent('Twilio is rate-limiting the account: retrying (attempt 2 of 4)…'),
    );
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(form.getByRole('button', { name: 'Create' })).toHaveAttribute('aria-busy', 'true');

    second.resolve({ body: { ...ADDRESSES.support, sid: sid('IG', 901), address: NUMBERS.sales.phoneNumber } });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('create-address')).toHaveLength(2);
  });

  test('editing sends the changed settings for the address SID and updates the row', async () => {
    const { fake, notify, user } = await renderView();
    await user.click(within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: /^Edit address for / }));
    const form = within(await screen.findByRole('dialog'));

    expect(form.getByRole('heading', { name: 'Edit address' })).toBeInTheDocument();
    // Keyboard users start in the first field they can change, not on the close button.
    await waitFor(() => expect(form.getByRole('textbox', { name: 'Friendly name' })).toHaveFocus());
    expect(form.getByRole('textbox', { name: 'Phone number' })).toHaveAttribute('readonly');
    expect(form.getByRole('textbox', { name: 'Friendly name' })).toHaveValue('Support SMS');
    expect(form.getByRole('textbox', { name: 'Retry count' })).toHaveValue('3');
    const retry = form.getByRole('textbox', { name: 'Retry count' });
    await user.clear(retry);
    await user.type(retry, '0');
    await user.click(form.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('update-address')).toEqual([
      {
        sid: ADDRESSES.support.sid,
        friendlyName: 'Support SMS',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 0 },
        conversationServiceSid: FLEX_SERVICE_SID,
      },
    ]);
    expect(notify).toHaveBeenCalledWith('success', `Address ${NUMBERS.support.phoneNumber} saved.`);
    expect(
      within(rowOf(NUMBERS.support.phoneNumber)).getByText('Studio: Messaging Flow · retry 0'),
    ).toBeInTheDocument();

    // The row's buttons did not change, so they did not render again: Edit must still act on the
    // address as saved, not as it was when the buttons were drawn.
    await user.click(within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: /^Edit address for / }));
    const again = within(await screen.findByRole('dialog'));
    expect(again.getByRole('textbox', { name: 'Retry count' })).toHaveValue('0');
  });

  test('clearing the friendly name in Edit sends it blank, so Twilio clears it', async () => {
    const { fake, user } = await renderView();
    await user.click(within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: /^Edit address for / }));
    const form = within(await screen.findByRole('dialog'));
    await user.clear(form.getByRole('textbox', { name: 'Friendly name' }));
    await user.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('update-address')).toEqual([expect.objectContaining({ friendlyName: '' })]);
  });

  test('the account can reword every string through Flex strings (here: the tabs and a button)', async () => {
    const fake = createFakeBackend();
    const strings = {
      ...messagingSetupStrings,
      MessagingSetupTabNumbers: 'Numéros',
      MessagingSetupCreateAddress: 'Créer',
    };
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} strings={strings} />);
    expect(await screen.findByRole('tab', { name: 'Numéros' })).toBeInTheDocument();
    expect((await within(activePanel()).findAllByRole('button', { name: /^Créer for / })).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /^Create address( for |$)/ })).not.toBeInTheDocument();
  });

  test('a failed edit says the changes were not saved', async () => {
    const { fake, user } = await renderView();
    fake.respond('update-address', () => errorReply(500, 'twilio_error', 'Twilio could not save it.'));
    await user.click(within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: /^Edit address for / }));
    const form = within(await screen.findByRole('dialog'));
    await user.click(form.getByRole('button', { name: 'Save' }));
    expect(await form.findByText(/Twilio could not save it\./)).toHaveTextContent(
      'The changes were not saved. Twilio could not save it.',
    );
    // A write is never repeated after a server error.
    expect(fake.payloadsTo('update-address')).toHaveLength(1);
  });
});

describe('deleting an address', () => {
  async function openDeleteDialog(user: User, address: string) {
    await user.click(within(rowOf(address)).getByRole('button', { name: /^Delete address for / }));
    return within(await screen.findByRole('dialog'));
  }

  test('the dialog names the address and what stops working; Delete sends the delete', async () => {
    const { fake, notify, user } = await renderView();
    const confirm = await openDeleteDialog(user, NUMBERS.support.phoneNumber);

    expect(dialog()).toHaveAccessibleName(`Delete address ${NUMBERS.support.phoneNumber}?`);
    expect(
      confirm.getByText(/will no longer create conversations in Flex, so they will not reach agents/),
    ).toHaveTextContent(
      `New SMS messages to ${NUMBERS.support.phoneNumber} will no longer create conversations in Flex`,
    );
    expect(confirm.getByText(/are not kept/)).toHaveTextContent(`"Support SMS", SID ${ADDRESSES.support.sid}`);
    expect(fake.writes()).toEqual([]);

    await user.click(confirm.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(fake.payloadsTo('delete-address')).toEqual([{ sid: ADDRESSES.support.sid }]);
    expect(notify).toHaveBeenCalledWith('success', `Address ${NUMBERS.support.phoneNumber} deleted.`);
    const support = within(rowOf(NUMBERS.support.phoneNumber));
    expect(support.getByText('Not connected')).toBeInTheDocument();
    expect(support.getByRole('button', { name: /^Create address for / })).toBeInTheDocument();
  });

  test('a WhatsApp address says WhatsApp messages', async () => {
    const { user } = await renderView();
    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    const confirm = await openDeleteDialog(user, SENDERS.online.senderId);
    expect(confirm.getByText(/will no longer create conversations/)).toHaveTextContent(
      `New WhatsApp messages to ${SENDERS.online.senderId} will no longer create conversations in Flex`,
    );
  });

  test('Cancel sends nothing and keeps the address', async () => {
    const { fake, notify, user } = await renderView();
    const confirm = await openDeleteDialog(user, NUMBERS.support.phoneNumber);
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.writes()).toEqual([]);
    expect(notify).not.toHaveBeenCalled();
    expect(within(rowOf(NUMBERS.support.phoneNumber)).getByText('Connected')).toBeInTheDocument();
  });

  test('while the delete is pending the Delete button is busy; a failure is shown in the dialog', async () => {
    const { fake, user } = await renderView();
    const pending = deferred<FakeReply>();
    fake.respond('delete-address', () => pending.promise);
    const confirm = await openDeleteDialog(user, NUMBERS.support.phoneNumber);
    await user.click(confirm.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(confirm.getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-busy', 'true'));
    expect(confirm.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    pending.resolve(errorReply(404, 'not_found', 'The address no longer exists.'));
    expect(await confirm.findByText(/The address no longer exists\./)).toHaveTextContent(
      'The address was not deleted. The address no longer exists.',
    );
    expect(confirm.getByRole('button', { name: 'Delete' })).toHaveAttribute('aria-busy', 'false');
    await user.click(confirm.getByRole('button', { name: 'Cancel' }));
    expect(within(rowOf(NUMBERS.support.phoneNumber)).getByText('Connected')).toBeInTheDocument();
  });
});
