import { useCallback, useEffect, useReducer, useRef } from 'react';
import { unstable_batchedUpdates } from 'react-dom';

import { BackendApiError, type BackendClient } from '../api/backendClient';
import type { AddressType, BackendEndpoints, Page } from '../api/types';
import { initialSetupData, setupReducer, type SetupAction, type SourceName } from './setupData';
import { errorMessage } from '../errorMessage';

type PagedEndpoint =
  'list-phone-numbers' | 'list-whatsapp-senders' | 'list-addresses' | 'list-studio-flows' | 'list-flex-flows';

/**
 * Follows a list's cursors to the end, handing each page over as it arrives. The next page is
 * asked for before this one is handed over, so rendering a page never delays the chain of
 * requests (the longest chain is what a view load waits for).
 */
async function eachPage<E extends PagedEndpoint>(
  backend: BackendClient,
  endpoint: E,
  request: BackendEndpoints[E]['request'],
  onPage: (items: BackendEndpoints[E]['response']['items']) => void,
  isCancelled: () => boolean,
): Promise<void> {
  type Reply = Page<unknown> & BackendEndpoints[E]['response'];
  const fetchPage = (cursor?: string) =>
    backend.call(endpoint, { ...request, ...(cursor ? { cursor } : {}) }) as Promise<Reply>;
  let pending: Promise<Reply> | null = fetchPage();
  while (pending) {
    const page: Reply = await pending;
    if (isCancelled()) return;
    pending = page.nextCursor ? fetchPage(page.nextCursor) : null;
    // A failed next page still surfaces (awaited above on the next turn); this page shows meanwhile.
    pending?.catch(() => undefined);
    onPage(page.items);
  }
}

const LOAD_ORDER: readonly SourceName[] = [
  'memberships',
  'addresses',
  'numbers',
  'senders',
  'essentials',
  'flows',
  'flexFlows',
];

const nextFrame: (run: () => void) => void =
  typeof requestAnimationFrame === 'function' ? (run) => requestAnimationFrame(run) : (run) => setTimeout(run, 16);

/**
 * Dispatch that applies every action arriving within one animation frame in one render. React 17
 * renders once per dispatch outside event handlers, and a loading view gets a dispatch per page of
 * each of seven lists: while one render runs, the next answers queue up, and rendering each on its
 * own would hold the view (and the next page requests) up for nothing the user could see.
 */
function useFrameBatched(dispatch: (action: SetupAction) => void) {
  const queue = useRef<{ action: SetupAction; cancelled: () => boolean }[]>([]);
  return useCallback(
    /** `cancelled` is asked again when the frame comes: the load may have been dropped meanwhile. */
    (action: SetupAction, cancelled: () => boolean) => {
      queue.current.push({ action, cancelled });
      if (queue.current.length > 1) return;
      nextFrame(() => {
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
  const dispatchInFrame = useFrameBatched(dispatch);
  const generation = useRef(0);

  const load = useCallback(
    (source: SourceName) => {
      const current = generation.current;
      const cancelled = () => generation.current !== current;
      const emit = (action: SetupAction) => {
        if (!cancelled()) dispatchInFrame(action, cancelled);
      };
      emit({ type: 'start', source });
      const work: Record<SourceName, () => Promise<void>> = {
        numbers: () =>
          eachPage(backend, 'list-phone-numbers', {}, (items) => emit({ type: 'numbers', items }), cancelled),
        senders: () =>
          eachPage(backend, 'list-whatsapp-senders', {}, (items) => emit({ type: 'senders', items }), cancelled),
        flows: () => eachPage(backend, 'list-studio-flows', {}, (items) => emit({ type: 'flows', items }), cancelled),
        // Split by type: two page chains in parallel instead of one twice as long.
        addresses: () =>
          Promise.all(
            (['sms', 'whatsapp'] as AddressType[]).map((type) =>
              eachPage(backend, 'list-addresses', { type }, (items) => emit({ type: 'addresses', items }), cancelled),
            ),
          ).then(() => undefined),
        essentials: () =>
          backend.call('fetch-flex-configuration', {}).then((essentials) => emit({ type: 'essentials', essentials })),
        // For diagnostics: one request for every Messaging Service's numbers, and the Flex Flows' pages.
        memberships: () =>
          backend.call('list-messaging-service-numbers', {}).then(({ services }) => {
            if (!Array.isArray(services)) throw new Error('The backend answered without a list of services.');
            emit({ type: 'memberships', services });
          }),
        flexFlows: () =>
          eachPage(backend, 'list-flex-flows', {}, (items) => emit({ type: 'flexFlows', items }), cancelled),
      };
      work[source]().then(
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
    [backend, dispatchInFrame],
  );

  useEffect(() => {
    generation.current += 1;
    // Longest chains first: a browser opens about six connections to one HTTP/1.1 host and queues
    // the rest, so the one-page lists wait, not the Messaging Service call (two Twilio round trips)
    // or the address and number page chains.
    LOAD_ORDER.forEach(load);
    return () => {
      generation.current += 1;
    };
  }, [load]);

  return { data, dispatch, reload: load };
}
