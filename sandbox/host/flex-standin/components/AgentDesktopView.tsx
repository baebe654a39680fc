import React from 'react';

import { Manager } from '../Manager';

const ROLES = ['supervisor', 'admin', 'agent'];

/** The default view. The sandbox has no TaskRouter worker, so it explains the page instead. */
export function AgentDesktopView() {
  const manager = Manager.getInstance();
  const { user, serviceConfiguration } = manager;
  const backendUrl = serviceConfiguration.ui_attributes.messagingSetup?.backendUrl;
  const rows: [string, string][] = [
    ['Signed in as', user.identity],
    ['Roles', user.roles.join(', ')],
    ['Account', serviceConfiguration.account_sid],
    ['Token expires', user.tokenExpirationDate.toLocaleString()],
    ['Backend', backendUrl ?? '(not configured)'],
  ];
  return (
    <div className="flex-host-panel">
      <h1 className="flex-host-heading">Agent Desktop View</h1>
      <p>
        This is the local sandbox&apos;s stand-in for Flex: no tasks arrive here. Plugin views open from the side
        navigation.
      </p>
      <dl className="flex-host-facts">
        {rows.map(([term, value]) => (
          <React.Fragment key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </React.Fragment>
        ))}
      </dl>
      <p className="flex-host-roles">
        Sign in as:{' '}
        {ROLES.map((role, index) => (
          <React.Fragment key={role}>
            {index > 0 && ' · '}
            <a href={`/?role=${role}`}>{role}</a>
          </React.Fragment>
        ))}
      </p>
    </div>
  );
}
