import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import type { AlertGroup, ListAlertsRequest, ListAlertsResponse } from '../../../../contract/alerts';
import { createFakeBackend, deferred, errorReply, type FakeBackend } from '../../../../test/fakeBackend';
import { renderWithPaste } from '../../../../test/renderWithPaste';
import { formatWhen } from '../../state/historyText';
import { WebchatDeploymentCheck } from './WebchatDeploymentCheck';
import { WebchatSetup } from './WebchatSetup';

jest.setTimeout(20_000);

const HOUR = 60 * 60 * 1000;
const CHAT = { sid: `IG${'c'.repeat(32)}`, type: 'chat', address: 'flex-chat-default' };
const user = () => userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });

describe('WebchatSetup: what a website needs to use a chat address', () => {
  test('the Console steps, this address and its SID to copy, the allowed origins, the embed code, the docs', async () => {
    renderWithPaste(<WebchatSetup address={CHAT} />);
    const section = screen.getByRole('region', { name: 'Use this address for a website’s chat (Webchat 3)' });
    const steps = within(section).getAllByRole('listitem');
    expect(steps.map((step) => step.textContent)).toEqual([
      'In Twilio Console, open Flex › Channel management › Webchat and create a deployment key.',
      expect.stringContaining('Connect the deployment key to this address:'),
      expect.stringContaining('up to 10 website URLs'),
      'Copy the embed code Flex generates for the key into the website’s pages.',
    ]);
    expect(steps[1]).toHaveTextContent('flex-chat-default');
    expect(steps[1]).toHaveTextContent(CHAT.sid);
    expect(section).toHaveTextContent('Messaging Setup cannot see deployment keys: Twilio offers no API to list them');
    expect(within(section).getByRole('link', { name: /Twilio’s Webchat 3 guide/ })).toHaveAttribute(
      'href',
      'https://www.twilio.com/docs/flex/developer/conversations/webchat',
    );

    // user-event stands in for the clipboard: what was copied reads back from it.
    const clicker = user();
    const copySid = within(section).getByRole('button', { name: 'Copy the SID of the chat address flex-chat-default' });
    await clicker.click(copySid);
    expect(await navigator.clipboard.readText()).toBe(CHAT.sid);
    expect(copySid).toHaveTextContent('Copied');
    await clicker.click(within(section).getByRole('button', { name: 'Copy the chat address flex-chat-default' }));
    expect(await navigator.clipboard.readText()).toBe('flex-chat-default');
  });

  test('nothing for an address that is not a chat address', () => {
    renderWithPaste(<WebchatSetup address={{ ...CHAT, type: 'messenger', address: 'messenger:106932781234567' }} />);
    expect(screen.queryByRole('region')).not.toBeInTheDocument();
    expect(screen.queryByText(/deployment key/)).not.toBeInTheDocument();
  });
});

describe('WebchatDeploymentCheck: a deployment key connected to no address (45777)', () => {
  const warning = (over: Partial<AlertGroup> = {}): AlertGroup => ({
    code: 45777,
    count: 2,
    lastAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    description: 'Address Configuration not found for deployment key.',
    moreInfo: 'https://www.twilio.com/docs/errors/45777',
    consoleUrl: `https://console.twilio.com/us1/monitor/logs/debugger/errors/NO${'7'.repeat(32)}`,
    level: 'warning',
    ...over,
  });
  const answer = (groups: AlertGroup[], over: Partial<ListAlertsResponse> = {}) => ({
    groups,
    scanned: 12,
    truncated: false,
    days: 7,
    ...over,
  });

  function renderCheck(fake: FakeBackend = createFakeBackend()) {
    renderWithPaste(<WebchatDeploymentCheck backend={fake.backend} />);
    const section = screen.getByRole('region', { name: 'Webchat deployments' });
    const button = within(section).getByRole('button', { name: 'Check Webchat deployments' });
    return { fake, section, button };
  }

  test('reads nothing until asked; then asks for the account’s 45777 alerts, not a row’s', async () => {
    const { fake, section, button } = renderCheck();
    expect(section).toHaveTextContent('Messaging Setup cannot list Webchat 3 deployment keys');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.payloadsTo('list-alerts')).toEqual([]);
    await user().click(button);
    await waitFor(() => expect(fake.payloadsTo('list-alerts')).toEqual([{ errorCode: 45777 }]));
  });

  test('none logged: says so for the window, and what that does not prove', async () => {
    const { section, button } = renderCheck();
    await user().click(button);
    expect(
      await within(section).findByText(
        /^Twilio logged no “deployment key without an address” warning in the last 7 days\./,
      ),
    ).toBeInTheDocument();
    expect(section).toHaveTextContent('this does not prove that every key is connected');
  });

  test('logged: the warning with how often and when, its Console link, and the fix in words', async () => {
    const fake = createFakeBackend();
    const group = warning();
    fake.answerAlerts(({ errorCode }: ListAlertsRequest) => answer(errorCode === 45777 ? [group] : []));
    const { section, button } = renderCheck(fake);
    await user().click(button);
    const [item] = await within(section).findAllByTestId('row-alert');
    expect(item).toHaveAttribute('data-code', '45777');
    expect(item).toHaveTextContent('Warning 45777: Address Configuration not found for deployment key.');
    expect(item).toHaveTextContent(`Logged 2 times, last ${formatWhen(group.lastAt ?? '')}`);
    expect(within(item).getByRole('link', { name: /View in Console/ })).toHaveAttribute('href', group.consoleUrl);
    expect(section).toHaveTextContent(
      'Twilio logged that a website’s chat uses a deployment key connected to no address (in the last 7 days):',
    );
    expect(section).toHaveTextContent(
      'Fix: in Console › Flex › Channel management › Webchat, open the deployment key that website’s embed code uses and connect it to a chat address',
    );
  });

  test('while it reads it says so; a failure says why, and checking again works', async () => {
    const fake = createFakeBackend();
    const held = deferred<void>();
    let calls = 0;
    fake.respond('list-alerts', async () => {
      calls += 1;
      if (calls === 1) {
        await held.promise;
        // Not a status the client retries (it does 503s), so the failure is the one shown.
        return errorReply(403, 'forbidden', 'Messaging Setup needs one of these Flex roles.');
      }
      return { body: answer([warning({ count: 1 })]) };
    });
    const { section, button } = renderCheck(fake);
    await user().click(button);
    expect(await within(section).findByText('Reading the alerts Twilio logged…')).toBeInTheDocument();
    held.resolve();
    expect(
      await within(section).findByText(
        'Could not check the Webchat deployments: Messaging Setup needs one of these Flex roles.',
      ),
    ).toBeInTheDocument();
    await user().click(within(section).getByRole('button', { name: 'Check Webchat deployments' }));
    expect(await within(section).findByText(/^Logged once, /)).toBeInTheDocument();
    expect(section).not.toHaveTextContent('Could not check');
  });

  test('a window with more alerts than were read says older ones may be missing', async () => {
    const fake = createFakeBackend();
    fake.answerAlerts(answer([], { truncated: true, scanned: 1000 }));
    const { section, button } = renderCheck(fake);
    await user().click(button);
    expect(await within(section).findByText(/only the newest 1000 were read/)).toBeInTheDocument();
  });
});
