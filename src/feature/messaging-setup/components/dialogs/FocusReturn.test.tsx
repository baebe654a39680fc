import { screen, waitFor, within } from '@testing-library/react';

import { ADDRESSES, NUMBERS } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
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

const SALES = `${NUMBERS.sales.phoneNumber} (Sales line)`;
const SUPPORT = `${NUMBERS.support.phoneNumber} (Support line)`;

/**
 * What a browser does and jsdom does not (the HTML focus fix-up): a focused control that becomes
 * disabled lets go of focus, which falls to the page body. Paste's Button disables itself while
 * `loading`, so this is how a dialog's submit loses focus while its request runs.
 */
function releaseFocusOfDisabledControls(): () => void {
  const observer = new MutationObserver(() => {
    const active = document.activeElement as HTMLButtonElement | null;
    if (!active?.disabled) return;
    // jsdom's blur() ignores a disabled element: focus a stand-in and let go of it, silently as the
    // browser does (its focus events stopped before the page's listeners hear them).
    const standIn = document.createElement('span');
    standIn.tabIndex = -1;
    const silence = (event: Event) => {
      if (event.target === standIn) event.stopImmediatePropagation();
    };
    window.addEventListener('focusin', silence, true);
    window.addEventListener('focusout', silence, true);
    document.body.append(standIn);
    standIn.focus();
    standIn.blur();
    standIn.remove();
    window.removeEventListener('focusin', silence, true);
    window.removeEventListener('focusout', silence, true);
  });
  observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
  return () => observer.disconnect();
}

test('the row keeps focus when a dialog took its button away: Create → Edit address, Delete → Create address', async () => {
  const { user } = await renderMessagingSetup();
  const row = () => rowOf(NUMBERS.sales.phoneNumber);

  await press(user, within(row()).getByRole('button', { name: `Create address for ${SALES}` }));
  const create = await screen.findByRole('dialog', { name: 'Create address' });
  await user.click(within(create).getByRole('button', { name: 'Create' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await waitFor(() => expect(within(row()).getByRole('button', { name: `Edit address for ${SALES}` })).toHaveFocus());

  await press(user, within(row()).getByRole('button', { name: `Delete address for ${SALES}` }));
  const confirm = await screen.findByRole('dialog', { name: `Delete address ${NUMBERS.sales.phoneNumber}?` });
  await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  await waitFor(() => expect(within(row()).getByRole('button', { name: `Create address for ${SALES}` })).toHaveFocus());
});

test('Escape gives focus back to the button that opened the dialog', async () => {
  const { user } = await renderMessagingSetup();
  const edit = within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: `Edit address for ${SUPPORT}` });
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
  await press(user, within(row).getByRole('button', { name: /^Delete address for \+14155550101/ }));
  const confirm = await screen.findByRole('dialog', { name: `Delete address ${NUMBERS.support.phoneNumber}?` });
  await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(row).not.toBeInTheDocument();
  await waitFor(() => expect(within(activePanel()).getByRole('table')).toHaveFocus());
});

describe('focus stays in a dialog after its write failed, so Escape still closes it', () => {
  let release: () => void;
  beforeEach(() => {
    release = releaseFocusOfDisabledControls();
  });
  afterEach(() => release());

  test('a refused Create: focus is on the error in the dialog; Escape closes it and focus is back on the row', async () => {
    const fake = createFakeBackend();
    const { user } = await renderMessagingSetup({ fake });
    fake.respond('create-address', () =>
      errorReply(409, 'conflict', 'An address configuration already exists for +14155550102.'),
    );
    const opener = within(rowOf(NUMBERS.sales.phoneNumber)).getByRole('button', {
      name: `Create address for ${SALES}`,
    });
    await press(user, opener);
    const dialog = await screen.findByRole('dialog', { name: 'Create address' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const error = (await within(dialog).findByText(/already exists/)).closest('[data-dialog-error]');
    expect(error).toHaveTextContent('The address was not created.');
    await waitFor(() => expect(error).toHaveFocus());
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());
    expect(fake.payloadsTo('create-address')).toHaveLength(1);
  });

  test('a Create refused for a field: focus is on that field', async () => {
    const fake = createFakeBackend();
    const { user } = await renderMessagingSetup({ fake });
    fake.respond('create-address', () =>
      errorReply(400, 'invalid_input', 'retryCount: Twilio allows at most 3 retries.', {
        retryCount: 'Twilio allows at most 3 retries.',
      }),
    );
    await press(user, within(rowOf(NUMBERS.sales.phoneNumber)).getByRole('button', { name: /^Create address for/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Create address' });
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const retries = within(dialog).getByRole('textbox', { name: 'Retry count' });
    await waitFor(() => expect(retries).toHaveAttribute('aria-invalid', 'true'));
    await waitFor(() => expect(retries).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  test('a failed Delete (the confirmations share the mechanism): focus on its error, Escape closes', async () => {
    const fake = createFakeBackend();
    const { user } = await renderMessagingSetup({ fake });
    fake.respond('delete-address', () => errorReply(500, 'twilio_error', 'Twilio is having a moment.'));
    await press(
      user,
      within(rowOf(NUMBERS.support.phoneNumber)).getByRole('button', { name: `Delete address for ${SUPPORT}` }),
    );
    const dialog = await screen.findByRole('dialog', { name: `Delete address ${ADDRESSES.support.address}?` });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    const error = (await within(dialog).findByText(/Twilio is having a moment/)).closest('[data-dialog-error]');
    await waitFor(() => expect(error).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
