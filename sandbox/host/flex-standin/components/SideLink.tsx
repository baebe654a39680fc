import React from 'react';

import { FlexIcon } from './icons';

/** @twilio/flex-ui's SideLink.SideLinkProps (the task-context props are not used here). */
export interface SideLinkProps {
  icon: string | React.ReactNode;
  iconActive?: string | React.ReactNode;
  showLabel?: boolean;
  onClick?: () => void;
  isActive?: boolean;
  activeView?: string;
  children?: React.ReactNode;
}

/**
 * A side-nav entry as real Flex renders it: a button with the role of a link, named by its label,
 * `aria-current="true"` when its view is open (else "false").
 */
export class SideLink extends React.PureComponent<SideLinkProps> {
  static displayName = 'SideLink';

  render() {
    const { icon, iconActive, showLabel, onClick, isActive, children } = this.props;
    return (
      <button
        type="button"
        role="link"
        className={`Twilio-Side-Link${isActive ? ' Twilio-Side-Link-Active' : ''}`}
        aria-current={isActive ? 'true' : 'false'}
        onClick={onClick}
      >
        <span className="Twilio-Side-Link-Icon" aria-hidden="true">
          <FlexIcon icon={isActive && iconActive ? iconActive : icon} />
        </span>
        <span className={showLabel ? 'Twilio-Side-Link-Label' : 'flex-host-visually-hidden'}>{children}</span>
      </button>
    );
  }
}
