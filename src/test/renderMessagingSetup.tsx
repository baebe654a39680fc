import React from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';

import { MessagingSetupView } from '../feature/messaging-setup/components/view/MessagingSetupView';
import { resolveStrings } from '../feature/messaging-setup/strings';
import { createFakeBackend, type FakeBackend } from './fakeBackend';
import { renderWithPaste } from './renderWithPaste';

/** The tab panel on show (the others are `hidden`). */
export const activePanel = () => screen.getByRole('tabpanel');

interface RenderOptions {
  fake?: FakeBackend;
  /** false: the backend says the user's roles may not write (`callerMayWrite`). */
  canWrite?: boolean;
  /** Text in the first tab that says the lists have loaded; null to wait for the loading line only. */
  loadedWhen?: string | null;
  /**
   * The account's own texts, as Flex's `manager.strings` holds them: resolved as the plugin does
   * at registration, and given to the view and to its backend client.
   */
  accountStrings?: Record<string, string>;
}

/** The view on a fake backend, once every list has loaded, with a user to drive it. */
export async function renderMessagingSetup({
  fake = createFakeBackend(),
  canWrite = true,
  loadedWhen = 'Studio: Messaging Flow · retry 3',
  accountStrings,
}: RenderOptions = {}) {
  const notify = jest.fn();
  // Paste's styles are not in the document (see renderWithPaste), so skip the CSS pointer-events check.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  if (!canWrite) fake.account.flexConfiguration = { ...fake.account.flexConfiguration, callerMayWrite: false };
  if (accountStrings) {
    const strings = resolveStrings(accountStrings);
    renderWithPaste(<MessagingSetupView backend={fake.clientWith(strings)} notify={notify} strings={strings} />);
  } else {
    renderWithPaste(<MessagingSetupView backend={fake.backend} notify={notify} />);
  }
  // By default everything has loaded once the Studio routing of the support line names its flow.
  if (loadedWhen) await within(activePanel()).findByText(loadedWhen);
  await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
  return { fake, notify, user };
}
