import { useCallback, useEffect, useReducer, useRef } from 'react';
import { unstable_batchedUpdates } from 'react-dom';

import { BackendApiError, type BackendClient } from '../api/backendClient';
import { LOAD_ORDER, loadSource } from './loadSources';
import { initialSetupData, setupReducer, type SetupAction, type SourceName } from './setupData';
import { errorMessage } from '../errorMessage';
import { useStaleGuard } from './useAsync';

const nextFrame: (run: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (run) => requestAnimationFrame(run) : (run) => setTimeout(run, 16);

/**
 * When the browser next has nothing else to do: every answer that has arrived by then has been
 * read. Answers that land while a render runs are read one task at a time after it, between the
 * browser's frames; a frame-timed batch caught them one or two at a time, a render each. The
 * timeout keeps a busy page from holding an answer back for long. Safari has no idle callbacks.
 */
const whenIdle: (run: () => void) => void =
  typeof requestIdleCallback === 'function' ? (run) => requestIdleCallback(run, { timeout: 50 }) : nextFrame;

/**
 * Dispatch that applies every action arriving before the browser is next idle in one render.
 * React 17 renders once per dispatch outside event handlers, and a loading view gets a dispatch
 * per page of each of seven lists: while one render runs, the next answers queue up, and
 * rendering each on its own would hold the view (and the next page requests) up for nothing the
 * user could see.
 */
function useBatchedDispatch(dispatch: (action: SetupAction) => void) {
  const queue = useRef<{ action: SetupAction; cancelled: () => boolean }[]>([]);
  return useCallback(
    /** `cancelled` is asked again when the batch runs: the load may have been dropped meanwhile. */
    (action: SetupAction, cancelled: () => boolean) => {
      queue.current.push({ action, cancelled });
      if (queue.current.length > 1) return;
      whenIdle(() => {
        const queued = queue.current;
        queue.current = [];
        unstable_batchedUpdates(() => {
          for (const item of queued) if (!item.cancelled()) dispatch(item.action);
        });
      });
    },
    [dispatch],
  );
}

/**
 * Loads everything the view shows, all lists in parallel, each page rendered as it arrives.
 * `reload(source)` loads one list again (after an error); writes update the state in place.
 */
export function useSetupData(backend: BackendClient) {
  const [data, dispatch] = useReducer(setupReducer, initialSetupData);
  const dispatchBatched = useBatchedDispatch(dispatch);
  // A load's answers are dropped once the backend changed or the view went away.
  const guard = useStaleGuard();

  const load = useCallback(
    (source: SourceName) => {
      const cancelled = guard.token();
      const emit = (action: SetupAction) => {
        if (!cancelled()) dispatchBatched(action, cancelled);
      };
      emit({ type: 'start', source });
      loadSource(backend, source, emit, cancelled).then(
        () => emit({ type: 'done', source }),
        (error: unknown) =>
          emit({
            type: 'failed',
            source,
            error: errorMessage(error),
            code: error instanceof BackendApiError ? error.code : 'error',
          }),
      );
    },
    [backend, dispatchBatched, guard],
  );

  useEffect(() => {
    guard.renew();
    LOAD_ORDER.forEach(load);
    return guard.renew;
  }, [load, guard]);

  return { data, dispatch, reload: load };
}
