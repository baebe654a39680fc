import { screen, waitFor, within } from '@testing-library/react';

import type { AlertGroup, ListAlertsResponse } from '../../../../contract/alerts';
import { ADDRESSES, MESSAGING_FLOW_SID, NUMBERS } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup as renderView } from '../../../../test/renderMessagingSetup';
import { formatWhen } from '../../state/historyText';
import { relativeAge } from '../../state/relativeTime';

jest.setTimeout(20_000);

const HOUR = 60 * 60 * 1000;
const support = NUMBERS.support.phoneNumber;

const group = (over: Partial<AlertGroup> & Pick<AlertGroup, 'code'>): AlertGroup => ({
  count: 1,
  lastAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  description: null,
  moreInfo: `https://www.twilio.com/docs/errors/${over.code}`,
  consoleUrl: `https://console.twilio.com/us1/monitor/logs/debugger/errors/NO${'1'.repeat(32)}`,
  level: 'error',
  ...over,
});
const answer = (groups: AlertGroup[], over: Partial<ListAlertsResponse> = {}): ListAlertsResponse => ({
  groups,
  scanned: 40,
  truncated: false,
  days: 7,
  ...over,
});

async function openDiagnosis(fake = createFakeBackend()) {
  const rendered = await renderView({ fake });
  await rendered.user.click(within(activePanel()).getByRole('button', { name: `Diagnosis for ${support}: Ready` }));
  const dialog = await screen.findByRole('dialog', { name: `Diagnosis for ${support}` });
  const section = within(dialog).getByRole('region', { name: 'Alerts Twilio logged' });
  return { ...rendered, dialog, section };
}

test('loads when the dialog opens, never with the view, and asks by everything the row is known by', async () => {
  const fake = createFakeBackend();
  const { user } = await renderView({ fake });
  expect(fake.payloadsTo('list-alerts')).toEqual([]);
  await user.click(within(activePanel()).getByRole('button', { name: `Diagnosis for ${support}: Ready` }));
  await screen.findByRole('dialog');
  await waitFor(() => expect(fake.payloadsTo('list-alerts')).toHaveLength(1));
  expect(fake.payloadsTo('list-alerts')).toEqual([
    {
      address: support,
      addressSid: ADDRESSES.support.sid,
      phoneNumberSid: NUMBERS.support.sid,
      studioFlowSid: MESSAGING_FLOW_SID,
    },
  ]);
});

test('each code: Twilio’s description, how often and when last, a Console link; said to be observed', async () => {
  const fake = createFakeBackend();
  const newest = group({
    code: 45764,
    count: 3,
    description: 'Unable to validate address configuration. Auto create webhook URL missing.',
    consoleUrl: `https://console.twilio.com/us1/monitor/logs/debugger/errors/NO${'a'.repeat(32)}`,
  });
  const older = group({
    code: 11200,
    level: 'warning',
    lastAt: new Date(Date.now() - 3 * 24 * HOUR).toISOString(),
    description: 'HTTP retrieval failure',
  });
  const unknown = group({ code: 99999, moreInfo: null });
  fake.answerAlerts(answer([newest, older, unknown]));
  const { section } = await openDiagnosis(fake);

  const items = await within(section).findAllByTestId('row-alert');
  expect(items.map((item) => item.getAttribute('data-code'))).toEqual(['45764', '11200', '99999']);
  expect(section).toHaveTextContent(/observed/i);
  expect(section).toHaveTextContent('The findings above are inferred from its configuration.');

  const [first, second, third] = items;
  expect(first).toHaveTextContent(
    'Error 45764: Unable to validate address configuration. Auto create webhook URL missing.',
  );
  expect(first).toHaveTextContent(
    `Logged 3 times, last ${formatWhen(String(newest.lastAt))} (${String(relativeAge(newest.lastAt))})`,
  );
  expect(within(first).getByRole('link', { name: /View in Console/ })).toHaveAttribute('href', newest.consoleUrl);
  expect(within(first).getByRole('link', { name: /About error 45764/ })).toHaveAttribute(
    'href',
    'https://www.twilio.com/docs/errors/45764',
  );
  expect(second).toHaveTextContent('Warning 11200: HTTP retrieval failure');
  expect(second).toHaveTextContent(`Logged once, ${formatWhen(String(older.lastAt))} (3 days ago)`);
  // A code without Twilio's description here points to Twilio's page; without one, only the Console.
  expect(third).toHaveTextContent('Error 99999: Twilio’s page for this code says what it means.');
  expect(within(third).queryByRole('link', { name: /About error/ })).not.toBeInTheDocument();
  expect(within(third).getByRole('link', { name: /View in Console/ })).toBeInTheDocument();
});

test('none: says so for the window', async () => {
  const { section } = await openDiagnosis();
  expect(await within(section).findByText('No alerts in the last 7 days.')).toBeInTheDocument();
  expect(within(section).queryAllByTestId('row-alert')).toEqual([]);
});

test('more alerts than were read: says older ones may be missing', async () => {
  const fake = createFakeBackend();
  fake.answerAlerts(answer([group({ code: 45763 })], { scanned: 1000, truncated: true }));
  const { section } = await openDiagnosis(fake);
  expect(await within(section).findByText(/only the newest 1000 were read/)).toBeInTheDocument();
});

test('a failed load shows inline with Try again, which asks again', async () => {
  const fake = createFakeBackend();
  fake.respond('list-alerts', () => errorReply(403, 'forbidden', 'Messaging Setup needs one of these Flex roles.'));
  const { user, section, dialog } = await openDiagnosis(fake);
  expect(await within(section).findByText(/The alerts Twilio logged could not be loaded/)).toBeInTheDocument();
  expect(section).toHaveTextContent('Messaging Setup needs one of these Flex roles.');
  // The findings are still there: the alerts failing takes nothing else down.
  expect(within(dialog).getByText(/Nothing stands in the way/)).toBeInTheDocument();

  fake.restore('list-alerts');
  fake.answerAlerts(answer([group({ code: 45763, description: 'Auto create studio flow SID missing.' })]));
  const sent = fake.payloadsTo('list-alerts').length;
  await user.click(within(section).getByRole('button', { name: 'Try again' }));
  expect(await within(section).findAllByTestId('row-alert')).toHaveLength(1);
  expect(fake.payloadsTo('list-alerts')).toHaveLength(sent + 1);
  expect(within(section).queryByText(/could not be loaded/)).not.toBeInTheDocument();
});
