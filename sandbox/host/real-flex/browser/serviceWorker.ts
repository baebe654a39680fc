/**
 * The real-Flex host's service worker. The Flex UI calls Twilio's hosts by fixed https URLs
 * (flex-api.twilio.com, flex.twilio.com, assets…); this worker answers each of them from the host
 * server (same origin, under /_flex/http/), so Flex boots offline against the local sandbox.
 * Every other request goes to the network untouched.
 */
import { HTTP_PREFIX, isTwilioHost, localPathFor } from './twilioHosts';

// The DOM lib has no service-worker types (the WebWorker lib conflicts with it): the little used here.
interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  addEventListener(
    type: 'install' | 'activate',
    listener: (event: Event & { waitUntil(p: Promise<unknown>): void }) => void,
  ): void;
}
const worker = self as unknown as ServiceWorkerScope;

// Take over at once: the page waits for this worker before it loads Flex.
worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

/** Headers that mean something to the answers; cookies and the like are not forwarded. */
const FORWARDED_HEADERS = ['accept', 'content-type', 'authorization', 'x-flex-jwe', 'x-twilio-token'];

async function forward(request: Request, url: URL): Promise<Response> {
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  return fetch(localPathFor(url, HTTP_PREFIX), {
    method: request.method,
    headers,
    body: hasBody ? await request.arrayBuffer() : undefined,
    cache: 'no-store',
    credentials: 'omit',
  });
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.protocol !== 'https:' || !isTwilioHost(url.hostname)) return;
  event.respondWith(forward(event.request, url));
});
