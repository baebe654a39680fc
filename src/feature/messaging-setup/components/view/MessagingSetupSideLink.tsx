import React from 'react';
import { Actions, SideLink } from '@twilio/flex-ui';

import { MESSAGING_SETUP_VIEW } from '../../constants';

interface MessagingSetupSideLinkProps {
  /** Injected by Flex into every SideNav child. */
  activeView?: string;
  label: string;
}

export function MessagingSetupSideLink({ activeView, label }: MessagingSetupSideLinkProps) {
  return (
    <SideLink
      showLabel
      icon="Settings"
      iconActive="SettingsBold"
      isActive={activeView === MESSAGING_SETUP_VIEW}
      onClick={() => Actions.invokeAction('NavigateToView', { viewName: MESSAGING_SETUP_VIEW })}
    >
      {label}
    </SideLink>
  );
}
