import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { fakeResponse } from '../../test/fakeBackend';
import { createFakeFlex, createFakeManager, type FakeFlex } from '../../test/fakeFlex';
import { renderWithPaste } from '../../test/renderWithPaste';
import { MESSAGING_SETUP_VIEW, NOTIFICATION_IDS } from './constants';
import type { ViewCodeModule } from './registration/loadViewCode';
import { registerMessagingSetup } from './registerMessagingSetup';
import type { ViewCodeOptions } from './viewCode';

interface LoaderProps {
  render: (code: ViewCodeModule) => React.ReactElement;
}

// The real flex-ui is browser-only; the components the plugin imports from it come from the stand-in.
jest.mock('@twilio/flex-ui', () => jest.requireActual('../../test/fakeFlex').flexUiModule);

const BACKEND_URL = 'https://messaging-setup-1234-dev.twil.io';

let fake: FakeFlex;
beforeEach(() => {
  fake = createFakeFlex();
});

function register(roles: string[] | undefined, options: { backendUrl?: string | null } = {}) {
  const manager = createFakeManager({
    roles,
    backendUrl: options.backendUrl === null ? undefined : (options.backendUrl ?? BACKEND_URL),
  });
  registerMessagingSetup(fake.flex, manager);
  return manager;
}

/** The side nav as Flex would render it, with the plugin's fragments. */
function renderSideNav(activeView = 'agent-desktop') {
  return render(<nav>{fake.sideNav.resolve([], { activeView, reserveSpace: true })}</nav>);
}

/** The registered views' names, as Flex's ViewCollection reads them. */
const viewNames = () => fake.views.resolve([], {}, false).map((view) => (view.props as { name?: string }).name);

describe.each(['admin', 'supervisor'])('%s', (role) => {
  test('gets the Messaging Setup side link, which opens the view', async () => {
    register([role]);
    expect(fake.sideNav.fragments).toHaveLength(1);
    const navigate = jest.fn(async (_payload: unknown) => undefined);
    fake.flex.Actions.registerAction('NavigateToView', navigate);

    renderSideNav();
    const link = screen.getByRole('link', { name: 'Messaging Setup' });
    expect(link).toHaveAttribute('aria-current', 'false');
    await userEvent.setup().click(link);
    expect(navigate).toHaveBeenCalledWith({ viewName: MESSAGING_SETUP_VIEW });
  });

  test('the side link is current while the view is open', () => {
    register([role]);
    renderSideNav(MESSAGING_SETUP_VIEW);
    expect(screen.getByRole('link', { name: 'Messaging Setup' })).toHaveAttribute('aria-current', 'true');
  });

  test('gets the Messaging Setup view and its notifications', () => {
    register([role]);
    expect(viewNames()).toEqual([MESSAGING_SETUP_VIEW]);
    expect([...fake.notifications.registeredNotifications.keys()].sort()).toEqual(
      [NOTIFICATION_IDS.error, NOTIFICATION_IDS.success].sort(),
    );
  });
});

test('a user with several roles, one of them supervisor, gets the feature', () => {
  register(['agent', 'supervisor']);
  expect(fake.sideNav.fragments).toHaveLength(1);
  expect(viewNames()).toEqual([MESSAGING_SETUP_VIEW]);
});

test.each([[['agent']], [[]], [undefined], [['wfo.full_access']]])(
  'roles %j get no link, no view and no notifications',
  (roles) => {
    const manager = register(roles);
    expect(fake.sideNav.fragments).toEqual([]);
    expect(fake.views.fragments).toEqual([]);
    expect(fake.notifications.registeredNotifications.size).toBe(0);
    // The strings are still registered, so an account can translate them in one place.
    expect(manager.strings).toMatchObject({ MessagingSetupNavLabel: 'Messaging Setup' });
  },
);

test('account strings override the labels', () => {
  const manager = createFakeManager({
    roles: ['admin'],
    backendUrl: BACKEND_URL,
    strings: { MessagingSetupNavLabel: 'Canaux' },
  });
  registerMessagingSetup(fake.flex, manager);
  renderSideNav();
  expect(screen.getByRole('link', { name: 'Canaux' })).toBeInTheDocument();
});

test('the view calls the backend from ui_attributes with the current Flex token', async () => {
  const fetch = jest.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
    fakeResponse({ body: { items: [], nextCursor: null } }),
  );
  const globalWithFetch = globalThis as { fetch?: typeof globalThis.fetch };
  const savedFetch = globalWithFetch.fetch;
  globalWithFetch.fetch = fetch as unknown as typeof globalThis.fetch;
  try {
    const manager = register(['supervisor'], { backendUrl: `${BACKEND_URL}/` });
    // Flex refreshes the token while the page is open: the client must read it per call.
    manager.user.token = 'refreshed-token';
    const [view] = fake.views.resolve([], {}, false);
    renderWithPaste(view);

    expect(screen.getByRole('heading', { level: 1, name: 'Messaging Setup' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(/^Loading /)).not.toBeInTheDocument());
    const urls = fetch.mock.calls.map(([url]) => String(url));
    expect(urls).toContain(`${BACKEND_URL}/list-phone-numbers`);
    const tokens = new Set(fetch.mock.calls.map(([, init]) => new URLSearchParams(String(init?.body)).get('Token')));
    expect(tokens).toEqual(new Set(['refreshed-token']));
  } finally {
    globalWithFetch.fetch = savedFetch;
  }
});

test('without a backend URL the view says what to configure', () => {
  register(['admin'], { backendUrl: null });
  const [view] = fake.views.resolve([], {}, false);
  renderWithPaste(view);
  expect(screen.getByText(/ui_attributes\.messagingSetup\.backendUrl/)).toBeInTheDocument();
  expect(screen.queryByRole('tab')).not.toBeInTheDocument();
});

test('notify shows the registered Flex notification with the message', () => {
  const shown = jest.spyOn(fake.notifications, 'showNotification');
  register(['admin']);
  const [view] = fake.views.resolve([], {}, false);
  // The loader hands the view's code what it needs to make the view: call it with a stand-in.
  const loader = (view.props as { children: React.ReactElement<LoaderProps> }).children;
  const createMessagingSetupView = jest.fn((_options: ViewCodeOptions) => <div />);
  loader.props.render({ createMessagingSetupView } as unknown as ViewCodeModule);
  const { notify } = createMessagingSetupView.mock.calls[0][0];
  notify('success', 'Address +14155550100 created.');
  notify('error', 'Could not save.');
  expect(shown.mock.calls).toEqual([
    [NOTIFICATION_IDS.success, { message: 'Address +14155550100 created.' }],
    [NOTIFICATION_IDS.error, { message: 'Could not save.' }],
  ]);
});

test("the view's code loads when the view first renders, not at registration", async () => {
  const manager = register(['supervisor']);
  // Registration adds only the registration's strings; the view's join when its code loads.
  expect(manager.strings).not.toHaveProperty('MessagingSetupIntro');
  const [view] = fake.views.resolve([], {}, false);
  renderWithPaste(view);
  expect(screen.getByRole('status')).toHaveTextContent('Loading Messaging Setup…');
  expect(await screen.findByRole('tab', { name: /Phone numbers/ })).toBeInTheDocument();
  expect(manager.strings).toHaveProperty('MessagingSetupIntro');
});
