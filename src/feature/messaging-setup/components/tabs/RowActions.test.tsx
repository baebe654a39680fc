import { screen, waitFor, within } from '@testing-library/react';

import type { AddressSummary } from '../../../../contract/types';
import {
  ADDRESSES,
  defaultAccount,
  flexFlowFixture,
  FLEX_SERVICE_SID,
  MESSAGING_FLOW_SID,
  NUMBERS,
  SENDERS,
  sid,
} from '../../../../test/fakeAccount';
import { createFakeBackend } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const PAGE_WITH_ADDRESS = 'messenger:106932781234567';
const PAGE_FROM_FLOW = 'messenger:108811223344556';

/** The default account, plus a Messenger address and a Facebook Flex Flow holding a page without one. */
function accountWithPages() {
  const account = defaultAccount();
  const messenger: AddressSummary = {
    sid: sid('IG', 20),
    type: 'messenger',
    address: PAGE_WITH_ADDRESS,
    friendlyName: 'Owl Shoes',
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 3 },
    conversationServiceSid: FLEX_SERVICE_SID,
    dateUpdated: '2026-06-01T10:00:00Z',
  };
  account.addresses.push(messenger);
  account.flexFlows = [
    flexFlowFixture(1, {
      friendlyName: 'Outlet Facebook Flow',
      channelType: 'facebook',
      contactIdentity: PAGE_FROM_FLOW.slice('messenger:'.length),
      integration: { flow_sid: MESSAGING_FLOW_SID, retry_count: 2 },
    }),
  ];
  return account;
}

const rowOf = (testId: string, address: string) =>
  within(activePanel())
    .getAllByTestId(testId)
    .find((row) => within(row).queryByText(address)) as HTMLElement;

/** The names of the buttons in the rows' action cells of the tab on show. */
const actionNames = () =>
  Array.from(activePanel().querySelectorAll<HTMLElement>('td[data-column="actions"] button')).map(
    (button) => button.getAttribute('aria-label') ?? button.textContent,
  );

async function showTab(user: Awaited<ReturnType<typeof renderMessagingSetup>>['user'], name: string) {
  await user.click(screen.getByRole('tab', { name }));
}

describe('every row action is named with what it acts on', () => {
  test('phone numbers, WhatsApp senders, Facebook pages and addresses: the address, and the name it has', async () => {
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(accountWithPages()) });

    const sales = within(rowOf('connection-row', NUMBERS.sales.phoneNumber));
    expect(sales.getByRole('button', { name: 'Create address for +14155550102 (Sales line)' })).toBeEnabled();
    const support = within(rowOf('connection-row', NUMBERS.support.phoneNumber));
    expect(support.getByRole('button', { name: 'Edit address for +14155550101 (Support line)' })).toHaveTextContent(
      /^Edit$/,
    );
    expect(support.getByRole('button', { name: 'Delete address for +14155550101 (Support line)' })).toHaveTextContent(
      /^Delete$/,
    );
    // No two rows' buttons sound the same to a screen reader.
    expect(new Set(actionNames()).size).toBe(actionNames().length);

    await showTab(user, 'WhatsApp senders');
    const online = within(rowOf('connection-row', SENDERS.online.senderId));
    expect(online.getByRole('button', { name: 'Edit address for whatsapp:+14155550201 (Owl Shoes)' })).toBeEnabled();
    expect(online.getByRole('button', { name: 'Delete address for whatsapp:+14155550201 (Owl Shoes)' })).toBeEnabled();
    const offline = within(rowOf('connection-row', SENDERS.offline.senderId));
    expect(offline.getByRole('button', { name: /^Create address for whatsapp:\+14155550202/ })).toBeInTheDocument();
    expect(new Set(actionNames()).size).toBe(actionNames().length);

    await showTab(user, 'Facebook pages');
    const page = within(rowOf('connection-row', PAGE_WITH_ADDRESS));
    expect(page.getByRole('button', { name: `Edit address for ${PAGE_WITH_ADDRESS} (Owl Shoes)` })).toBeEnabled();
    // Only a Flex Flow names this page: no name of its own to add.
    const fromFlow = within(rowOf('connection-row', PAGE_FROM_FLOW));
    expect(fromFlow.getByRole('button', { name: `Create address for ${PAGE_FROM_FLOW}` })).toBeEnabled();
    expect(
      fromFlow.getByRole('button', { name: `Migrate the Flex Flow "Outlet Facebook Flow" for ${PAGE_FROM_FLOW}` }),
    ).toHaveTextContent(/^Migrate$/);

    await showTab(user, 'Addresses');
    const address = within(rowOf('address-row', ADDRESSES.support.address));
    expect(address.getByRole('button', { name: 'Edit address for +14155550101 (Support SMS)' })).toBeEnabled();
    const unnamed = within(rowOf('address-row', ADDRESSES.billing.address));
    expect(unnamed.getByRole('button', { name: 'Delete address for +14155550103' })).toBeEnabled();
    expect(new Set(actionNames()).size).toBe(actionNames().length);
    // The toolbar's Create address acts on no row: its name stays as it reads.
    expect(within(activePanel()).getByRole('button', { name: 'Create address' })).toBeEnabled();
  });

  test('Legacy Flex Flows: Migrate and Delete Flex Flow name the flow and the identity it holds', async () => {
    const account = accountWithPages();
    account.flexFlows.push(flexFlowFixture(2, { friendlyName: 'Web Flow', channelType: 'web' }));
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(account) });
    await showTab(user, 'Legacy Flex Flows');
    const outlet = within(rowOf('flex-flow-row', 'Outlet Facebook Flow'));
    expect(
      outlet.getByRole('button', { name: 'Migrate "Outlet Facebook Flow" for 108811223344556' }),
    ).toHaveTextContent(/^Migrate$/);
    expect(
      outlet.getByRole('button', { name: 'Delete Flex Flow "Outlet Facebook Flow" for 108811223344556' }),
    ).toBeEnabled();
    // A web flow holds no identity: its name alone.
    const web = within(rowOf('flex-flow-row', 'Web Flow'));
    expect(web.getByRole('button', { name: 'Migrate "Web Flow"' })).toBeEnabled();
    expect(web.getByRole('button', { name: 'Delete Flex Flow "Web Flow"' })).toBeEnabled();
  });
});

describe("a row's primary action is the fix its diagnosis recommends", () => {
  test('a Facebook page a Flex Flow holds is migrated, not given an address beside the flow', async () => {
    const fake = createFakeBackend(accountWithPages());
    const { user } = await renderMessagingSetup({ fake });
    await showTab(user, 'Facebook pages');
    const row = within(rowOf('connection-row', PAGE_FROM_FLOW));
    const migrate = row.getByRole('button', { name: /^Migrate the Flex Flow "Outlet Facebook Flow"/ });
    const create = row.getByRole('button', { name: `Create address for ${PAGE_FROM_FLOW}` });
    // The primary button (blue) is described as recommended; the other is secondary.
    expect(migrate).toHaveAccessibleDescription('Recommended');
    expect(create).not.toHaveAccessibleDescription();

    // It is the same migration as the Legacy Flex Flows tab's: the flow's Studio flow and retry count kept.
    await user.click(migrate);
    const dialog = await screen.findByRole('dialog', { name: 'Migrate Outlet Facebook Flow to an address' });
    await user.click(within(dialog).getByRole('button', { name: 'Migrate' }));
    await within(dialog).findByText(/Migrated/);
    expect(fake.payloadsTo('migrate-flex-flow')).toEqual([{ sid: sid('FO', 1) }]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Migrated: the page has its address, and nothing recommends a migration any more.
    const migrated = within(rowOf('connection-row', PAGE_FROM_FLOW));
    await waitFor(() =>
      expect(migrated.getByRole('button', { name: /^Edit address for messenger:108811223344556/ })).toBeInTheDocument(),
    );
    expect(migrated.queryByRole('button', { name: /^Migrate/ })).not.toBeInTheDocument();
  });

  test('a number without an address gets one; an address that routes nowhere is edited; a working one has no primary', async () => {
    const { user } = await renderMessagingSetup();
    const sales = within(rowOf('connection-row', NUMBERS.sales.phoneNumber));
    expect(sales.getByRole('button', { name: /^Create address for/ })).toHaveAccessibleDescription('Recommended');
    // Billing's address has auto-creation off: Edit turns it on.
    const billing = within(rowOf('connection-row', NUMBERS.billing.phoneNumber));
    expect(billing.getByRole('button', { name: /^Edit address for/ })).toHaveAccessibleDescription('Recommended');
    const support = within(rowOf('connection-row', NUMBERS.support.phoneNumber));
    expect(support.getByRole('button', { name: /^Edit address for/ })).not.toHaveAccessibleDescription();
    expect(support.getByRole('button', { name: /^Delete address for/ })).not.toHaveAccessibleDescription();

    await showTab(user, 'Addresses');
    const address = within(rowOf('address-row', ADDRESSES.billing.address));
    expect(address.getByRole('button', { name: /^Edit address for/ })).toHaveAccessibleDescription('Recommended');
  });

  test('a number a Flex Flow holds beside its address: Migrate is primary, Edit and Delete secondary', async () => {
    const account = defaultAccount();
    account.flexFlows = [
      flexFlowFixture(1, { friendlyName: 'Support SMS Flow', contactIdentity: NUMBERS.support.phoneNumber }),
    ];
    const { user } = await renderMessagingSetup({ fake: createFakeBackend(account) });
    const support = within(rowOf('connection-row', NUMBERS.support.phoneNumber));
    expect(
      support.getByRole('button', {
        name: 'Migrate the Flex Flow "Support SMS Flow" for +14155550101 (Support line)',
      }),
    ).toHaveAccessibleDescription('Recommended');
    expect(support.getByRole('button', { name: /^Edit address for/ })).not.toHaveAccessibleDescription();

    await showTab(user, 'Addresses');
    const address = within(rowOf('address-row', ADDRESSES.support.address));
    expect(
      address.getByRole('button', { name: /^Migrate the Flex Flow "Support SMS Flow"/ }),
    ).toHaveAccessibleDescription('Recommended');
  });
});
