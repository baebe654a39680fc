import React from 'react';

import { Manager } from '../Manager';
import { NotificationBar } from './NotificationBar';
import { SideNav } from './SideNav';
import { ViewCollection } from './View';

function TwilioMark() {
  return (
    <svg viewBox="0 0 30 30" width="26" height="26" aria-hidden="true" focusable="false">
      <circle cx="15" cy="15" r="13" fill="none" stroke="currentColor" strokeWidth="3" />
      {[
        [11, 11],
        [19, 11],
        [11, 19],
        [19, 19],
      ].map(([cx, cy]) => (
        <circle key={`${cx}-${cy}`} cx={cx} cy={cy} r="2.8" fill="currentColor" />
      ))}
    </svg>
  );
}

export function MainHeader() {
  const { user } = Manager.getInstance();
  const initials = user.identity
    .replace(/@.*/, '')
    .split(/[._-]/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase())
    .slice(0, 2)
    .join('');
  return (
    <header className="Twilio-MainHeader">
      <span className="Twilio-MainHeader-Logo">
        <TwilioMark />
      </span>
      <span className="Twilio-MainHeader-Title">Twilio Flex (local sandbox)</span>
      <span className="Twilio-MainHeader-User" aria-label="Signed-in user">
        <span className="Twilio-MainHeader-Identity">{user.identity}</span>
        {user.roles.map((role) => (
          <span key={role} className="Twilio-MainHeader-Role">
            {role}
          </span>
        ))}
        <span className="Twilio-MainHeader-Avatar" aria-hidden="true">
          {initials}
        </span>
      </span>
    </header>
  );
}

export type RootContainerChildrenProps = Record<string, unknown>;

/** The Flex shell: header, side navigation, notifications and the active view. */
export function RootContainer() {
  return (
    <div className="Twilio-RootContainer" data-flex-host="ready">
      <MainHeader />
      <div className="Twilio-RootContainer-Body">
        <SideNav />
        <main className="Twilio-RootContainer-Main">
          <NotificationBar />
          <ViewCollection />
        </main>
      </div>
    </div>
  );
}
