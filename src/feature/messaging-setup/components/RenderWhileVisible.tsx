import React, { useRef } from 'react';

/**
 * Renders its children only once `visible` has been true, and re-renders them only while
 * `visible`; while hidden it keeps its last render, with its state and DOM. The view's tab panels
 * then cost nothing until first opened, nor while a large account's pages arrive, and show the
 * latest data again as soon as their tab is chosen.
 */
export const RenderWhileVisible = React.memo(
  function RenderWhileVisible({ visible, children }: { visible: boolean; children: React.ReactNode }) {
    const seen = useRef(visible);
    seen.current ||= visible;
    return seen.current ? <>{children}</> : null;
  },
  (_previous, next) => !next.visible,
);
