import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { resolveBackendUrl } from './api/backendUrl';
import type { Notify } from './actions/messagingSetupActions';
import { MessagingSetupSideLink } from './components/view/MessagingSetupSideLink';
import { MESSAGING_SETUP_VIEW, NOTIFICATION_IDS } from './constants';
import { viewCodeSource } from './registration/loadViewCode';
import { RegistrationMessage } from './registration/RegistrationMessage';
import { overlayAccountStrings, registrationStrings } from './registration/registrationStrings';
import { ViewCodeLoader } from './registration/ViewCodeLoader';
import { canUseMessagingSetup } from './roles';

/**
 * Adds the feature's side-nav link, view and notifications to Flex: what every user's Flex start
 * runs. Agents get nothing: the backend refuses them anyway, and a link that only leads to
 * "forbidden" is worse than none. The view's code loads the first time the view opens (viewCode.tsx).
 */
export function registerMessagingSetup(flex: typeof Flex, manager: Flex.Manager): void {
  const strings = overlayAccountStrings(registrationStrings, manager.strings);
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
  // Made once: a reopened view shows the code and the view already made, at once.
  let view: React.ReactElement | undefined;
  const content = backendUrl ? (
    <ViewCodeLoader
      backendUrl={backendUrl}
      strings={strings}
      source={viewCodeSource(backendUrl)}
      render={(code) => (view ??= code.createMessagingSetupView({ manager, backendUrl, notify }))}
    />
  ) : (
    <RegistrationMessage
      strings={strings}
      role="alert"
      message={strings.MessagingSetupNoBackend}
      testId="messaging-setup-view"
    />
  );

  flex.SideNav.Content.add(
    <MessagingSetupSideLink key="messaging-setup-side-link" label={strings.MessagingSetupNavLabel} />,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={MESSAGING_SETUP_VIEW} key="messaging-setup-view">
      {content}
    </flex.View>,
  );
}
