import React from 'react';

import type { RegistrationStrings } from './registrationStrings';

interface RegistrationMessageProps {
  strings: RegistrationStrings;
  message: string;
  role: 'status' | 'alert';
  action?: { label: string; onClick: () => void };
  /** The view's own test id for what stands in its place for good (no backend, a failed load). */
  testId: string;
}

// Plain elements styled like the view's Paste heading and alert: Paste is in the view's code,
// which this message stands in for (or, without a backend URL, cannot load at all).
const box: React.CSSProperties = { padding: '1.25rem', fontFamily: 'inherit' };
const heading: React.CSSProperties = { fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.33, margin: '0 0 0.75rem' };
const panel: React.CSSProperties = {
  border: '1px solid #c4c4c4',
  borderRadius: '4px',
  padding: '0.75rem 1rem',
  maxWidth: '60rem',
  lineHeight: 1.5,
};
const button: React.CSSProperties = {
  marginTop: '0.75rem',
  padding: '0.25rem 0.75rem',
  font: 'inherit',
  fontWeight: 600,
  cursor: 'pointer',
  borderRadius: '4px',
  border: '1px solid #606b85',
  background: 'transparent',
};

/** The view's title and one message: its code is loading, cannot load, or has no backend to load from. */
export function RegistrationMessage({ strings, message, role, action, testId }: RegistrationMessageProps) {
  return (
    <div style={box} data-testid={testId}>
      <h1 style={heading}>{strings.MessagingSetupTitle}</h1>
      <div role={role} style={panel}>
        <div>{message}</div>
        {action && (
          <button type="button" style={button} onClick={action.onClick}>
            {action.label}
          </button>
        )}
      </div>
    </div>
  );
}
