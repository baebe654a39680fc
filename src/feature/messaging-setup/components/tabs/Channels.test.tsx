import { screen, waitFor, within } from '@testing-library/react';

import type { AddressInput, AddressSummary } from '../../../../contract/types';
import {
  defaultAccount,
  DRAFT_FLOW_SID,
  flexFlowFixture,
  FLEX_SERVICE_SID,
  MESSAGING_FLOW_SID,
  sid,
} from '../../../../test/fakeAccount';
import { createFakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const PAGE_WITH_ADDRESS = 'messenger:106932781234567';
const PAGE_FROM_FLOW = 'messenger:108811223344556';
const PAGE_FROM_FLOW_2 = 'messenger:109900112233445';

/** A Messenger address to a draft Studio flow, a chat address with auto-creation off, an email and an RCS address and two Facebook Flex Flows. */
function channelsAccount() {
  const account = defaultAccount();
  const address = (n: number, fields: Partial<AddressSummary>): AddressSummary => ({
    sid: sid('IG', n),
    type: 'chat',
    address: '',
    friendlyName: null,
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
    conversationServiceSid: FLEX_SERVICE_SID,
    dateUpdated: '2026-06-01T10:00:00Z',
    ...fields,
  });
  account.addresses.push(
    address(20, {
      type: 'messenger',
      address: PAGE_WITH_ADDRESS,
      friendlyName: 'Owl Shoes',
      integration: { type: 'studio', studioFlowSid: DRAFT_FLOW_SID, retryCount: 2 },
    }),
    address(21, {
      type: 'chat',
      address: 'flex-chat-default',
      friendlyName: 'Default chat',
      autoCreationEnabled: false,
    }),
    address(22, { type: 'chat', address: 'vip-chat', friendlyName: 'VIP chat' }),
    address(23, {
      type: 'email',
      address: 'support@owl-shoes.example',
      integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
    }),
    address(24, { type: 'rcs', address: 'rcs:owl_shoes_agent', integration: { type: 'default' } }),
  );
  const facebookFlow = (n: number, friendlyName: string, contactIdentity: string) =>
    flexFlowFixture(n, { friendlyName, channelType: 'facebook', contactIdentity });
  // Facebook Flex Flows store the page ID with or without `messenger:`.
  account.flexFlows = [
    facebookFlow(1, 'Outlet Facebook Flow', PAGE_FROM_FLOW.slice('messenger:'.length)),
    facebookFlow(2, 'Kids Facebook Flow', PAGE_FROM_FLOW_2),
  ];
  return account;
}

const rowsOf = (testId: string) => within(activePanel()).queryAllByTestId(testId);
const rowOf = (testId: string, address: string) =>
  rowsOf(testId).find((row) => within(row).queryByText(address)) as HTMLElement;
const findingCodes = () =>
  within(screen.getByRole('dialog'))
    .queryAllByRole('listitem')
    .filter((item) => item.hasAttribute('data-finding'))
    .map((item) => item.getAttribute('data-finding'));

describe('the Facebook pages tab', () => {
  test('one row per page an address or a Flex Flow names, each with its status and diagnosis', async () => {
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(channelsAccount()) });
    await user.click(screen.getByRole('tab', { name: 'Facebook pages' }));
    expect(rowsOf('connection-row').map((row) => row.querySelector('td[data-column="address"]')?.textContent)).toEqual([
      PAGE_WITH_ADDRESS,
      PAGE_FROM_FLOW,
      PAGE_FROM_FLOW_2,
    ]);

    const connected = within(rowOf('connection-row', PAGE_WITH_ADDRESS));
    expect(connected.getByText('Owl Shoes')).toBeInTheDocument();
    expect(
      connected.getByRole('button', { name: `Edit address for ${PAGE_WITH_ADDRESS} (Owl Shoes)` }),
    ).toBeInTheDocument();
    // Its Studio flow is a draft: broken, and the dialog says why.
    await user.click(connected.getByRole('button', { name: `Diagnosis for ${PAGE_WITH_ADDRESS}: Broken` }));
    expect(findingCodes()).toEqual(['studio-flow-unpublished']);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    const fromFlow = within(rowOf('connection-row', PAGE_FROM_FLOW));
    expect(fromFlow.getByText('Named by the legacy Flex Flow "Outlet Facebook Flow"')).toBeInTheDocument();
    expect(fromFlow.getByRole('button', { name: `Create address for ${PAGE_FROM_FLOW}` })).toBeEnabled();
    await user.click(fromFlow.getByRole('button', { name: `Diagnosis for ${PAGE_FROM_FLOW}: Broken` }));
    // A page stored without `messenger:` by its Flex Flow is still recognised as held by it.
    expect(findingCodes()).toEqual(['no-address', 'legacy-flex-flow']);
  });

  test('bulk create makes a Messenger address for each selected page', async () => {
    const fake = createFakeBackend(channelsAccount());
    const { user, notify } = await renderMessagingSetup({ fake });
    await user.click(screen.getByRole('tab', { name: 'Facebook pages' }));
    await user.click(
      within(activePanel()).getByRole('checkbox', { name: 'Select all 2 matching rows without an address' }),
    );
    await user.click(within(activePanel()).getByRole('button', { name: 'Create addresses for selected (2)' }));
    const settings = await screen.findByRole('dialog', { name: 'Create 2 addresses' });
    await user.click(within(settings).getByRole('button', { name: 'Create 2 addresses' }));
    const run = await screen.findByRole('dialog', { name: 'Creating 2 addresses' });
    await within(run).findByText('2 of 2 done: 2 created, 0 failed');
    const sent = fake.payloadsTo('create-address') as AddressInput[];
    expect(sent.map((p) => [p.type, p.address]).sort()).toEqual([
      ['messenger', PAGE_FROM_FLOW],
      ['messenger', PAGE_FROM_FLOW_2],
    ]);
    expect(notify).toHaveBeenCalledWith('success', 'Bulk create finished: 2 created, 0 failed, 0 cancelled.');
  });
});

describe('chat and other addresses on the Addresses tab', () => {
  test('chat and email addresses have their own diagnosis; a type Flex does not route has none', async () => {
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(channelsAccount()) });
    await user.click(screen.getByRole('tab', { name: 'Addresses' }));
    const chat = within(rowOf('address-row', 'flex-chat-default'));
    await user.click(chat.getByRole('button', { name: 'Diagnosis for flex-chat-default: Broken' }));
    expect(findingCodes()).toEqual(['auto-creation-disabled']);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));

    // Email is a channel Flex routes (Flex › Manage › Email): diagnosed and editable like chat.
    const email = within(rowOf('address-row', 'support@owl-shoes.example'));
    expect(email.getByRole('button', { name: 'Diagnosis for support@owl-shoes.example: Ready' })).toBeInTheDocument();
    expect(email.getByRole('button', { name: 'Edit address for support@owl-shoes.example' })).toBeInTheDocument();
    expect(email.getByText('Email')).toBeInTheDocument();

    const rcs = within(rowOf('address-row', 'rcs:owl_shoes_agent'));
    expect(rcs.queryByRole('button', { name: /^Diagnosis for/ })).not.toBeInTheDocument();
    expect(rcs.queryByRole('button', { name: /^Edit address/ })).not.toBeInTheDocument();
    expect(
      rcs.getByText(
        'Read-only: Flex Interactions have no RCS channel, so Messaging Setup does not route RCS addresses to agents.',
      ),
    ).toBeInTheDocument();
  });

  test('the health banner counts every channel; a count shows its rows on their tab', async () => {
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(channelsAccount()) });
    const banner = screen.getByRole('region', { name: 'Account health' });
    await user.click(within(banner).getByRole('button', { name: 'Show the 1 chat addresses that are Broken' }));
    expect(screen.getByRole('tab', { name: 'Addresses' })).toHaveAttribute('aria-selected', 'true');
    expect(within(activePanel()).getByLabelText('Type')).toHaveValue('chat');
    expect(within(activePanel()).getByLabelText('Diagnosis')).toHaveValue('broken');
    expect(rowsOf('address-row').map((row) => row.querySelector('td[data-column="address"]')?.textContent)).toEqual([
      'flex-chat-default',
    ]);

    await user.click(within(banner).getByRole('button', { name: 'Show the 3 Facebook Pages that are Broken' }));
    expect(screen.getByRole('tab', { name: 'Facebook pages' })).toHaveAttribute('aria-selected', 'true');
    expect(rowsOf('connection-row')).toHaveLength(3);
    // Its address goes to its own webhook, which cannot be checked from here.
    expect(within(banner).getByRole('button', { name: 'Show the 1 WhatsApp senders that are Unknown' })).toBeVisible();

    await user.click(within(banner).getByRole('button', { name: 'Show the 1 email addresses that are Ready' }));
    expect(screen.getByRole('tab', { name: 'Addresses' })).toHaveAttribute('aria-selected', 'true');
    expect(within(activePanel()).getByLabelText('Type')).toHaveValue('email');
    expect(within(activePanel()).getByLabelText('Diagnosis')).toHaveValue('ready');
    expect(rowsOf('address-row').map((row) => row.querySelector('td[data-column="address"]')?.textContent)).toEqual([
      'support@owl-shoes.example',
    ]);
  });
});
