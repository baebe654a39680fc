import { screen, waitFor, within } from '@testing-library/react';

import type { AddressInput, PhoneNumberSummary } from '../../../../contract/types';
import { defaultAccount, MESSAGING_FLOW_SID, FLEX_SERVICE_SID, NUMBERS, sid } from '../../../../test/fakeAccount';
import { createFakeBackend, errorReply } from '../../../../test/fakeBackend';
import { activePanel, renderMessagingSetup } from '../../../../test/renderMessagingSetup';

jest.setTimeout(30_000);

/** The default account plus `extra` SMS numbers without an address. */
function accountWithFreeNumbers(extra: number) {
  const account = defaultAccount();
  for (let i = 0; i < extra; i += 1) {
    const number: PhoneNumberSummary = {
      sid: sid('PN', 100 + i),
      phoneNumber: `+1415555${String(1000 + i)}`,
      friendlyName: `Line ${i}`,
      capabilities: { sms: true, mms: true, voice: true },
      smsUrl: null,
      smsApplicationSid: null,
    };
    account.numbers.push(number);
  }
  return account;
}

const renderView = (fake = createFakeBackend(accountWithFreeNumbers(5))) => renderMessagingSetup({ fake });

const panel = activePanel;
const rowOf = (address: string) =>
  within(panel())
    .getAllByTestId('connection-row')
    .find((r) => within(r).queryByText(address)) as HTMLElement;

test('selects every matching row without an address and creates them all with one configuration', async () => {
  const { fake, notify, user } = await renderView();
  // The sales line and the five free lines have no address; the voice-only number cannot have one.
  expect(within(rowOf(NUMBERS.voiceOnly.phoneNumber)).queryByRole('checkbox')).not.toBeInTheDocument();
  expect(within(rowOf(NUMBERS.support.phoneNumber)).queryByRole('checkbox')).not.toBeInTheDocument();
  await user.click(within(panel()).getByRole('checkbox', { name: 'Select all 6 matching rows without an address' }));
  await user.click(within(panel()).getByRole('button', { name: 'Create addresses for selected (6)' }));

  const settings = await screen.findByRole('dialog', { name: 'Create 6 addresses' });
  expect(within(settings).getByDisplayValue(`6 selected (${NUMBERS.sales.phoneNumber}…)`)).toBeInTheDocument();
  await user.clear(within(settings).getByLabelText(/^Retry count/));
  await user.type(within(settings).getByLabelText(/^Retry count/), '2');
  await user.click(within(settings).getByRole('button', { name: 'Create 6 addresses' }));

  const run = await screen.findByRole('dialog', { name: 'Creating 6 addresses' });
  await within(run).findByText('6 of 6 done: 6 created, 0 failed');
  expect(within(run).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  const sent = fake.payloadsTo('create-address') as AddressInput[];
  expect(sent.map((p) => p.address).sort()).toEqual(
    [NUMBERS.sales.phoneNumber, ...[0, 1, 2, 3, 4].map((i) => `+1415555${1000 + i}`)].sort(),
  );
  for (const payload of sent) {
    expect(payload).toMatchObject({
      type: 'sms',
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: MESSAGING_FLOW_SID, retryCount: 2 },
      conversationServiceSid: FLEX_SERVICE_SID,
    });
  }
  // A blank name takes each number's own.
  expect(sent.find((p) => p.address === '+14155551003')?.friendlyName).toBe('Line 3');
  expect(notify).toHaveBeenCalledWith('success', 'Bulk create finished: 6 created, 0 failed, 0 cancelled.');

  await user.click(within(run).getByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  expect(within(rowOf('+14155551003')).getByRole('button', { name: /^Edit address for / })).toBeInTheDocument();
  expect(within(panel()).getByRole('button', { name: 'Create addresses for selected (0)' })).toBeDisabled();
});

test('a failed row is listed with its reason, and "Retry failed" creates only it', async () => {
  const fake = createFakeBackend(accountWithFreeNumbers(2));
  const { notify, user } = await renderView(fake);
  let refusals = 0;
  const failing = '+14155551001';
  const created: string[] = [];
  fake.respond('create-address', (payload) => {
    const input = payload as AddressInput;
    if (input.address === failing && refusals === 0) {
      refusals += 1;
      return errorReply(502, 'twilio_unavailable', 'Twilio did not answer correctly; try again in a moment.');
    }
    created.push(input.address);
    return { body: { ...input, sid: sid('IG', 500 + created.length), friendlyName: null, dateUpdated: null } };
  });

  await user.click(within(rowOf('+14155551000')).getByRole('checkbox', { name: 'Select +14155551000' }));
  await user.click(within(rowOf(failing)).getByRole('checkbox', { name: `Select ${failing}` }));
  await user.click(within(panel()).getByRole('button', { name: 'Create addresses for selected (2)' }));
  const settings = await screen.findByRole('dialog', { name: 'Create 2 addresses' });
  await user.click(within(settings).getByRole('button', { name: 'Create 2 addresses' }));

  const run = await screen.findByRole('dialog', { name: 'Creating 2 addresses' });
  await within(run).findByText('2 of 2 done: 1 created, 1 failed');
  expect(within(run).getByTestId('bulk-failure')).toHaveTextContent(`${failing}: Twilio did not answer correctly`);
  expect(notify).toHaveBeenCalledWith('error', 'Bulk create finished: 1 created, 1 failed, 0 cancelled.');

  await user.click(within(run).getByRole('button', { name: 'Retry failed (1)' }));
  await within(run).findByText('2 of 2 done: 2 created, 0 failed');
  expect(created).toEqual(['+14155551000', failing]);
  expect(within(run).queryByTestId('bulk-failure')).not.toBeInTheDocument();
});
