import type { BackendClient } from '../api/backendClient';
import type { BackendEndpoints, Page } from '../../../contract/types';
import { CHANNELS_WITH_TABS } from '../channels';
import type { SetupAction, SourceName } from './setupData';

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

/**
 * The order the view starts its loads in: longest chains first. A browser opens about six
 * connections to one HTTP/1.1 host and queues the rest, so the one-page lists wait, not the
 * Messaging Service call (two Twilio round trips) or the address and number page chains.
 */
export const LOAD_ORDER: readonly SourceName[] = [
  'messagingServiceNumbers',
  'addresses',
  'numbers',
  'senders',
  'flexConfiguration',
  'studioFlows',
  'flexFlows',
  'setAsides',
];

/**
 * Loads one of the view's lists through the backend, emitting an action per page (or answer).
 * The view's hook and the benchmark both load with this, so what is measured is what runs.
 */
export function loadSource(
  backend: BackendClient,
  source: SourceName,
  emit: (action: SetupAction) => void,
  isCancelled: () => boolean,
): Promise<void> {
  switch (source) {
    case 'numbers':
      return eachPage(backend, 'list-phone-numbers', {}, (items) => emit({ type: 'numbers', items }), isCancelled);
    case 'senders':
      return eachPage(backend, 'list-whatsapp-senders', {}, (items) => emit({ type: 'senders', items }), isCancelled);
    case 'studioFlows':
      return eachPage(backend, 'list-studio-flows', {}, (items) => emit({ type: 'studioFlows', items }), isCancelled);
    case 'addresses':
      // Split: the types with an address per number or sender (channels/: `accountList`) as page
      // chains in parallel instead of one twice as long, and every other type (chat, Messenger,
      // email, and those Flex does not route) in one call beside them.
      return Promise.all([
        ...CHANNELS_WITH_TABS.filter((channel) => channel.tab.accountList).map(({ type }) =>
          eachPage(backend, 'list-addresses', { type }, (items) => emit({ type: 'addresses', items }), isCancelled),
        ),
        eachPage(
          backend,
          'list-addresses',
          { group: 'non-phone' },
          (items) => emit({ type: 'addresses', items }),
          isCancelled,
        ),
      ]).then(() => undefined);
    case 'flexConfiguration':
      return backend
        .call('fetch-flex-configuration', {})
        .then((flexConfiguration) => emit({ type: 'flexConfiguration', flexConfiguration }));
    case 'messagingServiceNumbers':
      // For diagnostics: one request for every Messaging Service's numbers.
      return backend.call('list-messaging-service-numbers', {}).then(({ services }) => {
        if (!Array.isArray(services)) throw new Error(backend.strings.MessagingSetupErrorNoServiceList);
        emit({ type: 'messagingServiceNumbers', services });
      });
    case 'flexFlows':
      return eachPage(backend, 'list-flex-flows', {}, (items) => emit({ type: 'flexFlows', items }), isCancelled);
    case 'setAsides':
      // One answer: an account sets aside a few of its numbers (the backend reads up to 1,000).
      return backend.call('list-set-asides', {}).then(({ items }) => emit({ type: 'setAsides', items }));
  }
}
