import { useState } from 'react';

/**
 * The tabs chosen so far, the selected one included. A tab's table mounts the first time it is
 * chosen (a large account's other tabs cost nothing at load) and then stays, with its search,
 * filters and page, while the user looks at the others.
 */
export function useVisitedTabs(selectedId: string | null | undefined): ReadonlySet<string> {
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(selectedId ? [selectedId] : []));
  if (selectedId && !visited.has(selectedId)) {
    // Setting state while rendering, for this render's own tab: React renders again at once.
    const next = new Set(visited).add(selectedId);
    setVisited(next);
    return next;
  }
  return visited;
}
