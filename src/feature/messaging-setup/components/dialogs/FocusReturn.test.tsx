import { screen, waitFor, within } from '@testing-library/react';

import { NUMBERS } from '../../../../test/fakeAccount';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

const rowOf = (address: string) =>
  within(activePanel())
    .getAllByTestId('connection-row')
    .find((r) => within(r).queryByText(address)) as HTMLElement;

/** Focuses a button and presses Enter on it, as a keyboard user would open its dialog. */
async function press(user: Awaited<ReturnType<typeof renderMessagingSetup>>['user'], button: HTMLElement) {
  button.focus();
  await user.keyboard('{Enter}');
}

test('the row keeps focus when a dialog took its button away: Create → Edit address, Delete → Create address', async () => {
  const { user } = await renderMessagingSetup();
  const row = () => rowOf(NUMBERS.sales.phoneNumber);

  await press(user, within(row()).getByRole('button', { name: 'Create address' }));
  const create = await screen.findByRole('dialog', { name: 'Create address' });
  await user.click(within(create).getByRole('button', { name: 'Create' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await waitFor(() => expect(within(row()).getByRole('button', { name: 'Edit address' })).toHaveFocus());

  await press(user, within(row()).getByRole('button', { name: 'Delete address' }));
  const confirm = await screen.findByRole('dialog', { name: `Delete address ${NUMBERS.sales.phoneNumber}?` });
  await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await waitFor(() => expect(within(row()).getByRole('button', { name: 'Create address' })).toHaveFocus());
});

test('Escape gives focus back to the button that opened the dialog', async () => {
  const { user } = await renderMessagingSetup();
  const edit = within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: 'Edit address' });
  await press(user, edit);
  await screen.findByRole('dialog', { name: 'Edit address' });
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await waitFor(() => expect(edit).toHaveFocus());
});

test('a deleted row of the Addresses tab leaves focus on its table', async () => {
  const { user } = await renderMessagingSetup();
  await user.click(screen.getByRole('tab', { name: 'Addresses' }));
  const row = within(activePanel())
    .getAllByTestId('address-row')
    .find((r) => within(r).queryByText(NUMBERS.support.phoneNumber)) as HTMLElement;
  await press(user, within(row).getByRole('button', { name: 'Delete address' }));
  const confirm = await screen.findByRole('dialog', { name: `Delete address ${NUMBERS.support.phoneNumber}?` });
  await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(row).not.toBeInTheDocument();
  await waitFor(() => expect(within(activePanel()).getByRole('table')).toHaveFocus());
});
