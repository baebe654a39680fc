import { useEffect, useState, type RefObject } from 'react';

/**
 * How far Flex's notification bar reaches into the view, in pixels (0 when it shows nothing).
 *
 * Flex draws its NotificationBar over the top of the views area, absolutely positioned beside the
 * ViewCollection, so a view's first lines sit under it ("Issues detected", "enable browser
 * notifications", our own success messages). The view starts below it instead. The class name
 * `.Twilio-NotificationBar` is not a documented API: it is what Flex UI 2.17.1 renders (measured in
 * the real-Flex browser tests, which fail if it changes: e2e/layout.spec.ts). Only the bar and its parent are observed (not the
 * page), so a large table re-rendering costs nothing here.
 */
export function useNotificationBarInset(view: RefObject<HTMLElement>): number {
  const [inset, setInset] = useState(0);
  useEffect(() => {
    const container = view.current?.closest('.Twilio-ViewCollection')?.parentElement;
    if (!container || typeof ResizeObserver === 'undefined' || typeof MutationObserver === 'undefined') return;
    let observed: Element | null = null;
    const sizes = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      setInset(Math.round(box ? box.blockSize : (observed?.getBoundingClientRect().height ?? 0)));
    });
    // The bar may come and go with its notifications: follow the parent's children.
    const follow = () => {
      const bar = container.querySelector(':scope > .Twilio-NotificationBar');
      if (bar === observed) return;
      if (observed) sizes.unobserve(observed);
      observed = bar;
      if (bar) sizes.observe(bar);
      else setInset(0);
    };
    const children = new MutationObserver(follow);
    children.observe(container, { childList: true });
    follow();
    return () => {
      children.disconnect();
      sizes.disconnect();
    };
  }, [view]);
  return inset;
}
