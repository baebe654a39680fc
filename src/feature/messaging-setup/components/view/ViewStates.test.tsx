import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import type { BackendEndpoint } from '../../../../contract/types';
import { createFakeBackend, errorReply, type FakeBackend, type FakeReply } from '../../../../test/fakeBackend';
import { activePanel } from '../../../../test/renderMessagingSetup';
import { renderWithPaste } from '../../../../test/renderWithPaste';
import { MessagingSetupView } from './MessagingSetupView';

jest.setTimeout(20_000);

/** What the view asks for when it opens. */
const LOADS: BackendEndpoint[] = [
  'list-phone-numbers',
  'list-whatsapp-senders',
  'list-addresses',
  'list-studio-flows',
  'fetch-flex-configuration',
  'list-messaging-service-numbers',
  'list-flex-flows',
];

function failEveryLoad(fake: FakeBackend, answer: () => FakeReply | Promise<FakeReply>) {
  for (const endpoint of LOADS) fake.respond(endpoint, answer);
}

function renderView(fake: FakeBackend) {
  renderWithPaste(<MessagingSetupView backend={fake.backend} notify={jest.fn()} />);
  return userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
}

const problem = () => screen.findByTestId('load-problem');

describe('a cause every list shares is said once, with what to do', () => {
  test('backend unreachable: names its URL and the settings to check; Try again loads everything', async () => {
    const fake = createFakeBackend();
    failEveryLoad(fake, () => Promise.reject(new TypeError('Failed to fetch')));
    const user = renderView(fake);

    const alert = await problem();
    expect(alert).toHaveAttribute('data-code', 'unreachable');
    expect(within(alert).getByText('The Messaging Setup backend does not answer')).toBeInTheDocument();
    const advice = within(alert).getByText(/^Nothing came back from/);
    expect(advice).toHaveTextContent('https://messaging-setup-1234-dev.twil.io');
    expect(advice).toHaveTextContent('npm run deploy:backend');
    expect(advice).toHaveTextContent('ui_attributes.messagingSetup.backendUrl');
    expect(advice).toHaveTextContent(`lists ${window.location.origin} in MESSAGING_SETUP_ALLOWED_ORIGINS`);
    await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
    expect(screen.queryByText(/^Could not load/)).not.toBeInTheDocument();

    for (const endpoint of LOADS) fake.restore(endpoint);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(activePanel()).findByText('Support line');
    await waitFor(() => expect(screen.queryByTestId('load-problem')).not.toBeInTheDocument());
    expect(screen.queryByText(/^Could not load/)).not.toBeInTheDocument();
  });

  test('token expired: one alert saying to reload Flex, with the backend’s reason', async () => {
    const fake = createFakeBackend();
    failEveryLoad(fake, () => errorReply(401, 'token_invalid', 'Your Flex sign-in is not valid (token expired).'));
    renderView(fake);

    const alert = await problem();
    expect(within(alert).getByText('Your Flex sign-in has expired')).toBeInTheDocument();
    expect(
      within(alert).getByText(
        'Your Flex sign-in is not valid (token expired). Reload Flex to sign in again; nothing was changed.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Could not load/)).not.toBeInTheDocument();
    // A refused token is not retried with the same token: one request per list.
    expect(fake.payloadsTo('list-phone-numbers')).toHaveLength(1);
  });

  test('role not allowed: the roles the backend wants, and who can change that', async () => {
    const fake = createFakeBackend();
    failEveryLoad(fake, () =>
      errorReply(403, 'forbidden', 'Messaging Setup needs one of these Flex roles: admin, supervisor.'),
    );
    renderView(fake);

    const alert = await problem();
    expect(within(alert).getByText('Your Flex role cannot use Messaging Setup')).toBeInTheDocument();
    expect(
      within(alert).getByText(/needs one of these Flex roles: admin, supervisor\. Ask a Flex admin/),
    ).toBeVisible();
  });

  test('different causes stay one alert per list', async () => {
    const fake = createFakeBackend();
    fake.respond('list-phone-numbers', () => errorReply(500, 'twilio_error', 'Twilio answered 500.'));
    fake.respond('list-flex-flows', () => errorReply(403, 'forbidden', 'Not for you.'));
    renderView(fake);

    expect(await screen.findByText(/^Could not load phone numbers: Twilio answered 500\./)).toBeInTheDocument();
    expect(await screen.findByText(/^Could not load legacy Flex Flows: Not for you\./)).toBeInTheDocument();
    expect(screen.queryByTestId('load-problem')).not.toBeInTheDocument();
  });
});

describe('an empty account says what to do', () => {
  test('no phone numbers and no WhatsApp senders: where to get one', async () => {
    const fake = createFakeBackend();
    fake.account.numbers = [];
    fake.account.senders = [];
    const user = renderView(fake);

    expect(
      await within(activePanel()).findByText(
        /^This account has no phone numbers\. Buy or port one in the Twilio Console/,
      ),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
    await user.click(screen.getByRole('tab', { name: 'WhatsApp senders' }));
    expect(
      within(activePanel()).getByText(/^This account has no WhatsApp senders\. Register one in the Twilio Console/),
    ).toBeInTheDocument();
  });
});
