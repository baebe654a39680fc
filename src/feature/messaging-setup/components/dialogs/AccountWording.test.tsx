import { screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';

import { createFakeBackend, refusal } from '../../../../test/fakeBackend';
import { renderMessagingSetup } from '../../../../test/renderMessagingSetup';

// Paste modals are heavy in jsdom.
jest.setTimeout(20_000);

type User = ReturnType<typeof userEvent.setup>;

/**
 * An account rewords the contract's and the backend's sentences through Flex's `manager.strings`,
 * under the same keys as the view's own texts (contract/messages.ts): the rules' problems the
 * dialog shows at a field, and the refusals the backend sends as keys and values.
 */
const ACCOUNT_STRINGS = {
  MessagingSetupRuleAddressEmail: 'Type one mailbox on a verified domain, like {{example}}.',
  MessagingSetupRuleChooseStudioFlow: 'Pick the Studio flow that greets customers.',
  MessagingSetupRefusalEmailDomain: '{{domain}} is not verified yet, so {{address}} was refused.',
  MessagingSetupRefusalEmailDomainField: 'Verify {{domain}} under Flex › Manage › Email first.',
  MessagingSetupRefusalForbidden: 'Only these Flex roles may set up messaging: {{roles}}.',
};

/** The create dialog of the Addresses tab, with an email address typed in. */
async function createEmailAddress(user: User, address: string) {
  await user.click(screen.getByRole('tab', { name: 'Addresses' }));
  await user.click(screen.getByRole('button', { name: 'Create address' }));
  const dialog = await screen.findByRole('dialog', { name: 'Create address' });
  const form = within(dialog);
  await user.selectOptions(form.getByRole('combobox', { name: 'Type' }), 'Email');
  await user.type(form.getByRole('textbox', { name: 'Address' }), address);
  return form;
}

test('an account’s wording of a rule shows at the field it is about, and nothing is sent', async () => {
  const { fake, user } = await renderMessagingSetup({ accountStrings: ACCOUNT_STRINGS });
  const form = await createEmailAddress(user, 'not-an-email');
  await user.selectOptions(form.getByRole('combobox', { name: 'Studio flow' }), 'Choose a flow');
  await user.click(form.getByRole('button', { name: 'Create' }));

  const address = form.getByRole('textbox', { name: 'Address' });
  expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(address).toHaveAccessibleDescription('Type one mailbox on a verified domain, like support@example.com.');
  expect(form.getByRole('combobox', { name: 'Studio flow' })).toHaveAccessibleDescription(
    'Pick the Studio flow that greets customers.',
  );
  expect(form.queryByText(/^Enter one email address/)).not.toBeInTheDocument();
  expect(fake.writes()).toEqual([]);
});

test('the backend’s email domain refusal, in the account’s words, above the form and at the address', async () => {
  const fake = createFakeBackend();
  const domain = 'unverified.example';
  const email = `help@${domain}`;
  // As the backend answers Twilio's refusal of a domain the account has not authenticated.
  fake.respond('create-address', () =>
    refusal(
      400,
      'email_domain_not_authenticated',
      { key: 'MessagingSetupRefusalEmailDomain', values: { address: email, domain } },
      { address: { key: 'MessagingSetupRefusalEmailDomainField', values: { domain } } },
    ),
  );
  const { notify, user } = await renderMessagingSetup({ fake, accountStrings: ACCOUNT_STRINGS });
  const form = await createEmailAddress(user, email);
  await user.selectOptions(form.getByRole('combobox', { name: 'Studio flow' }), 'Messaging Flow');
  await user.click(form.getByRole('button', { name: 'Create' }));

  const alert = await form.findByText(
    'unverified.example is not verified yet, so help@unverified.example was refused.',
    {
      exact: false,
    },
  );
  expect(alert).toHaveTextContent('The address was not created.');
  expect(form.getByRole('textbox', { name: 'Address' })).toHaveAccessibleDescription(
    'Verify unverified.example under Flex › Manage › Email first.',
  );
  expect(form.queryByText(/is not authenticated on this account/)).not.toBeInTheDocument();
  await waitFor(() =>
    expect(notify).toHaveBeenCalledWith('error', expect.stringContaining('unverified.example is not verified yet')),
  );
});

test('the backend’s role refusal, in the account’s words, in the view’s problem', async () => {
  const fake = createFakeBackend();
  const forbidden = () =>
    refusal(403, 'forbidden', { key: 'MessagingSetupRefusalForbidden', values: { roles: 'admin, supervisor' } });
  for (const endpoint of [
    'list-phone-numbers',
    'list-whatsapp-senders',
    'list-addresses',
    'list-studio-flows',
    'fetch-flex-configuration',
    'list-messaging-service-numbers',
    'list-flex-flows',
  ] as const) {
    fake.respond(endpoint, forbidden);
  }
  await renderMessagingSetup({ fake, accountStrings: ACCOUNT_STRINGS, loadedWhen: null });

  const problem = await screen.findByTestId('load-problem');
  expect(
    within(problem).getByText(/^Only these Flex roles may set up messaging: admin, supervisor\. Ask a Flex admin/),
  ).toBeInTheDocument();
  expect(within(problem).queryByText(/needs one of these Flex roles/)).not.toBeInTheDocument();
});
