import React from 'react';
import { useSelector } from 'react-redux';

import { DEFAULT_VIEW } from '../../session';
import { Actions } from '../Actions';
import { DynamicContentStore } from '../DynamicContentStore';
import type { FlexState } from '../Manager';
import { SideLink } from './SideLink';
import { useObservable } from './useObservable';

/** @twilio/flex-ui's SideNav.definitions: what every SideNav child is given. */
export interface SideNavChildrenProps {
  reserveSpace: boolean;
  isOpen?: boolean;
  activeView?: string;
}

function AgentDesktopSideLink({ activeView }: Partial<SideNavChildrenProps>) {
  return (
    <SideLink
      showLabel
      icon="Agent"
      iconActive="AgentBold"
      isActive={activeView === DEFAULT_VIEW}
      onClick={() => void Actions.invokeAction('NavigateToView', { viewName: DEFAULT_VIEW })}
    >
      Agent Desktop
    </SideLink>
  );
}

const content = new DynamicContentStore<SideNavChildrenProps>('SideNav');

function SideNavImpl() {
  useObservable(content);
  const activeView = useSelector((state: FlexState) => state.flex.view.activeView);
  const isOpen = useSelector((state: FlexState) => state.flex.view.isSideNavOpen);
  const children = content.resolve([<AgentDesktopSideLink key={DEFAULT_VIEW} />], {
    reserveSpace: true,
    isOpen,
    activeView,
  });
  return (
    <nav className="Twilio-SideNav" aria-label="Side bar">
      {children}
    </nav>
  );
}

export class SideNav extends React.PureComponent {
  static displayName = 'SideNav';
  static readonly Content = content;

  render() {
    return <SideNavImpl />;
  }
}
