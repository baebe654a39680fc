import React from 'react';
import type * as Flex from '@twilio/flex-ui';

import { MessagingSetupSideLink } from './components/MessagingSetupSideLink';
import { MessagingSetupView } from './components/MessagingSetupView';
import { MESSAGING_SETUP_VIEW } from './constants';
import { canUseMessagingSetup } from './roles';
import { resolveStrings } from './strings';

/**
 * Adds the feature's strings, side-nav link and view to Flex. Agents get nothing: the backend
 * refuses them anyway, and a link that only leads to "forbidden" is worse than no link.
 */
export function registerMessagingSetup(flex: typeof Flex, manager: Flex.Manager): void {
  const strings = resolveStrings(manager.strings);
  // Registered so Flex's own templates (and account overrides) can use the same keys.
  manager.strings = { ...manager.strings, ...strings };
  if (!canUseMessagingSetup(manager.user?.roles)) return;

  flex.SideNav.Content.add(
    <MessagingSetupSideLink key="messaging-setup-side-link" label={strings.MessagingSetupNavLabel} />,
  );
  flex.ViewCollection.Content.add(
    <flex.View name={MESSAGING_SETUP_VIEW} key="messaging-setup-view">
      <MessagingSetupView strings={strings} />
    </flex.View>,
  );
}
