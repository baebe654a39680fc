import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { createBackendClient } from './api/backendClient';
import { resolveBackendUrl } from './api/backendUrl';
import { MessagingSetupSideLink } from './components/view/MessagingSetupSideLink';
import { MessagingSetupView, type Notify } from './components/view/MessagingSetupView';
import { MissingBackendView } from './components/view/MissingBackendView';
import { MESSAGING_SETUP_VIEW, NOTIFICATION_IDS } from './constants';
import { canUseMessagingSetup } from './roles';
import { resolveStrings } from './strings';

/**
 * Adds the feature's strings, notifications, side-nav link and view to Flex. Agents get nothing:
 * the backend refuses them anyway, and a link that only leads to "forbidden" is worse than none.
 */
export function registerMessagingSetup(flex: typeof Flex, manager: Flex.Manager): void {
  const strings = resolveStrings(manager.strings);
  // Registered so account overrides and Flex's notification templates use the same keys.
  manager.strings = { ...manager.strings, ...strings };
  if (!canUseMessagingSetup(manager.user?.roles)) return;

  flex.Notifications.registerNotification({
    id: NOTIFICATION_IDS.success,
    content: 'MessagingSetupNotifySuccess',
    type: flex.NotificationType.success,
    timeout: 5000,
  });
  flex.Notifications.registerNotification({
    id: NOTIFICATION_IDS.error,
    content: 'MessagingSetupNotifyError',
    type: flex.NotificationType.error,
    timeout: 0,
  });
  const notify: Notify = (kind, message) => {
    flex.Notifications.showNotification(NOTIFICATION_IDS[kind], { message });
  };

  const backendUrl = resolveBackendUrl(
    manager.serviceConfiguration?.ui_attributes,
    process.env.FLEX_APP_MESSAGING_SETUP_BACKEND_URL,
  );
  const view = backendUrl ? (
    <MessagingSetupView
      // Read the token on every call: Flex refreshes it while the page stays open.
      backend={createBackendClient({ baseUrl: backendUrl, getToken: () => manager.user.token, strings })}
      notify={notify}
      strings={strings}
    />
  ) : (
    <MissingBackendView strings={strings} />
  );

  flex.SideNav.Content.add(
    <MessagingSetupSideLink key="messaging-setup-side-link" label={strings.MessagingSetupNavLabel} />,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={MESSAGING_SETUP_VIEW} key="messaging-setup-view">
      {view}
    </flex.View>,
  );
}
