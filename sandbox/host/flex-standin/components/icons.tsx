import React from 'react';

// A few of Flex's icon names, drawn inline; any other name gets a neutral glyph.

const paths: Record<string, React.ReactNode> = {
  Agent: (
    <>
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7" fill="none" stroke="currentColor" strokeWidth="2" />
    </>
  ),
  AgentBold: (
    <>
      <circle cx="12" cy="8" r="4.5" fill="currentColor" />
      <path d="M3.5 21.5c0-4.8 3.8-8 8.5-8s8.5 3.2 8.5 8z" fill="currentColor" />
    </>
  ),
  Settings: (
    <>
      {[0, 45, 90, 135].map((angle) => (
        <rect
          key={angle}
          x="10.5"
          y="2"
          width="3"
          height="20"
          rx="1"
          fill="currentColor"
          transform={`rotate(${angle} 12 12)`}
        />
      ))}
      <circle cx="12" cy="12" r="6.5" fill="currentColor" />
      <circle cx="12" cy="12" r="2.8" fill="var(--flex-host-icon-hole, #fff)" />
    </>
  ),
};
paths.SettingsBold = paths.Settings;

export function FlexIcon({ icon }: { icon: string | React.ReactNode }) {
  if (typeof icon !== 'string') return <>{icon}</>;
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" data-icon={icon}>
      {paths[icon] ?? (
        <rect x="5" y="5" width="14" height="14" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
      )}
    </svg>
  );
}
