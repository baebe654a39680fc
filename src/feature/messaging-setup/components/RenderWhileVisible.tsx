import React from 'react';

/**
 * Re-renders its children only while `visible`; while hidden it keeps its last render, with its
 * state and DOM. The view's hidden tab panels then cost nothing while a large account's pages
 * arrive, and show the latest data again as soon as their tab is chosen.
 */
export const RenderWhileVisible = React.memo(
  function RenderWhileVisible({ children }: { visible: boolean; children: React.ReactNode }) {
    return <>{children}</>;
  },
  (_previous, next) => !next.visible,
);
