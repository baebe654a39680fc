import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import type { BackendEndpoint } from '../../../../contract/types';
import { createFakeBackend, errorReply, refusal, type FakeBackend, type FakeReply } from '../../../../test/fakeBackend';
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
  'list-set-asides',
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

  test('different causes: one alert, a line per cause naming its lists, one Try again for all', async () => {
    const fake = createFakeBackend();
    fake.respond('list-phone-numbers', () => errorReply(500, 'twilio_error', 'Twilio answered 500.'));
    fake.respond('list-whatsapp-senders', () => errorReply(500, 'twilio_error', 'Twilio answered 500.'));
    fake.respond('list-flex-flows', () => errorReply(404, 'not_found', 'Not here.'));
    const user = renderView(fake);

    // Said as the answers come: once all three lists have failed, one alert for both causes.
    await waitFor(() => expect(screen.getByTestId('load-problem')).toHaveAttribute('data-code', 'mixed'));
    const alert = screen.getByTestId('load-problem');
    expect(within(alert).getByText('Some lists could not be loaded')).toBeInTheDocument();
    expect(
      within(alert).getByText('Could not load phone numbers, WhatsApp senders: Twilio answered 500.'),
    ).toBeInTheDocument();
    expect(within(alert).getByText('Could not load legacy Flex Flows: Not here.')).toBeInTheDocument();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);

    const before = requestCounts(fake);
    for (const endpoint of LOADS) fake.restore(endpoint);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByTestId('load-problem')).not.toBeInTheDocument());
    // Every list that failed is asked again, and only those.
    const after = requestCounts(fake);
    expect(after.get('list-phone-numbers')).toBeGreaterThan(before.get('list-phone-numbers') ?? 0);
    expect(after.get('list-whatsapp-senders')).toBeGreaterThan(before.get('list-whatsapp-senders') ?? 0);
    expect(after.get('list-flex-flows')).toBeGreaterThan(before.get('list-flex-flows') ?? 0);
    expect(after.get('list-studio-flows')).toBe(before.get('list-studio-flows'));
  });
});

/** Requests per endpoint so far. */
function requestCounts(fake: FakeBackend): Map<BackendEndpoint, number> {
  const counts = new Map<BackendEndpoint, number>();
  for (const { endpoint } of fake.requests) counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  return counts;
}

const health = () => screen.getByRole('region', { name: 'Account health' });

describe('every list failing for one cause: said once, and nothing counted as 0', () => {
  test('Twilio failing: one alert, one Try again that loads every list again; counts say unknown, not 0', async () => {
    const fake = createFakeBackend();
    failEveryLoad(fake, () =>
      errorReply(502, 'twilio_unavailable', 'Twilio did not answer correctly; try again in a moment.'),
    );
    const user = renderView(fake);

    const alert = await problem();
    expect(alert).toHaveAttribute('data-code', 'twilio_unavailable');
    expect(alert).toHaveTextContent(
      'Could not load any list: Twilio did not answer correctly; try again in a moment. Try again',
    );
    await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);

    // The health line: what could not be checked says so; no count of 0, no "Checking…" that never ends.
    const banner = health();
    expect(banner).toHaveTextContent("The account's default Conversations service could not be checked.");
    expect(banner).toHaveTextContent('Phone numbers by diagnosis: could not be checked');
    expect(banner).toHaveTextContent('WhatsApp senders: could not be checked');
    expect(banner).toHaveTextContent('Email addresses: could not be checked');
    expect(banner).not.toHaveTextContent(/Checking/);
    expect(banner).not.toHaveTextContent(/\b0 (Broken|Warning|Ready)/);
    expect(within(banner).queryByRole('button', { name: /^Show the 0 / })).not.toBeInTheDocument();
    // Nor does the table say the account has no numbers: it does not know.
    expect(within(activePanel()).getByText(/^This list could not be loaded/)).toBeInTheDocument();
    expect(within(activePanel()).queryByText(/^This account has no phone numbers/)).not.toBeInTheDocument();

    const before = requestCounts(fake);
    for (const endpoint of LOADS) fake.restore(endpoint);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(activePanel()).findByText('Support line');
    await waitFor(() => expect(screen.queryByTestId('load-problem')).not.toBeInTheDocument());
    const after = requestCounts(fake);
    for (const endpoint of LOADS) expect(after.get(endpoint)).toBeGreaterThan(before.get(endpoint) ?? 0);
    // Loaded: the counts are back, and what could not be checked is gone.
    await waitFor(() =>
      expect(within(health()).getByRole('button', { name: 'Show the 2 phone numbers that are Broken' })).toBeVisible(),
    );
    expect(health()).not.toHaveTextContent(/could not be checked/);
  });

  test('IAM failing (503): the README’s words, once, and Try again asks again', async () => {
    const fake = createFakeBackend();
    // As the backend answers it (serverless/src/auth/validateFlexToken.ts): its message is the README's.
    failEveryLoad(fake, () =>
      refusal(503, 'token_check_unavailable', { key: 'MessagingSetupRefusalTokenCheckUnavailable' }),
    );
    const user = renderView(fake);

    const alert = await problem();
    expect(alert).toHaveAttribute('data-code', 'token_check_unavailable');
    expect(within(alert).getByText('Twilio could not check your Flex sign-in')).toBeInTheDocument();
    const said = within(alert).getByText(/^Could not check your Flex sign-in just now/);
    expect(said).toHaveTextContent(
      'Could not check your Flex sign-in just now; try again in a moment. Twilio IAM was busy or failing; nothing was changed.',
    );
    // The README promises these words for this failure (its "Deploy and runtime errors" table).
    expect(readmeRow(/^\| "Could not check your Flex sign-in just now…" \(503\)/)).toContain(
      'Twilio IAM was busy or failing',
    );
    expect(screen.queryByText(/Something went wrong/)).not.toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);

    // IAM answers again: one click loads every list.
    for (const endpoint of LOADS) fake.restore(endpoint);
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await within(activePanel()).findByText('Support line');
    await waitFor(() => expect(screen.queryByTestId('load-problem')).not.toBeInTheDocument());
  });
});

/** The README's table row that starts as `start` says. */
function readmeRow(start: RegExp): string {
  const readme = fs.readFileSync(path.join(__dirname, '../../../../../README.md'), 'utf8');
  const row = readme.split('\n').find((line) => start.test(line));
  if (!row) throw new Error(`README.md has no row ${String(start)}`);
  return row;
}

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
