import { updateView, type EnhancedStore, type FlexState } from './Manager';

// Flex routes each view to `/<viewName>`; the stand-in keeps the query (`?role=`) so a reload
// signs in as the same role and opens the same view.

export function viewFromLocation(defaultView: string): string {
  const [first] = window.location.pathname.split('/').filter(Boolean);
  return first ? decodeURIComponent(first) : defaultView;
}

export function activeViewOf(store: EnhancedStore): string | undefined {
  return (store.getState() as FlexState).flex.view.activeView;
}

export function navigateToView(store: EnhancedStore, viewName: string, options: { replace?: boolean } = {}): void {
  const url = `/${encodeURIComponent(viewName)}${window.location.search}`;
  if (window.location.pathname + window.location.search !== url) {
    if (options.replace) window.history.replaceState({ viewName }, '', url);
    else window.history.pushState({ viewName }, '', url);
  }
  if (activeViewOf(store) !== viewName) store.dispatch(updateView({ activeView: viewName }));
}

/** Back and forward buttons change the active view, as Flex's router does. */
export function followHistory(store: EnhancedStore, defaultView: string): void {
  window.addEventListener('popstate', () => {
    store.dispatch(updateView({ activeView: viewFromLocation(defaultView) }));
  });
}
