/**
 * The real-Flex host page's boot (bundled by the host server into /_flex/boot.js): route Flex's
 * Twilio traffic to the host server (a service worker for HTTP, a WebSocket wrapper for sockets),
 * sign in with a demo token of the page's role (and `?user=`), load the real Flex UI runtime, then start it as a
 * Flex deployment does: `Manager.create`, then Flex's own `RootContainer`. Flex itself fetches its
 * configuration, the user's roles and the plugin list, and loads the plugin bundle.
 */
import type { HostError, HostSession } from '../../session';
import { signedInUrl } from './signIn';
import { isTwilioHost, localPathFor, WS_PREFIX } from './twilioHosts';

interface FlexRuntime {
  Manager: { create(config: Record<string, unknown>): Promise<unknown> };
  ContextProvider: unknown;
  RootContainer: unknown;
}
interface ReactLike {
  createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
}
interface ReactDomLike {
  render(element: unknown, container: Element): void;
}

declare global {
  interface Window {
    Twilio?: { Flex?: unknown; [key: string]: unknown };
    /** Set by Flex during `Manager.create` from its own copies. */
    React?: ReactLike;
    ReactDOM?: ReactDomLike;
    /** The booted Manager, for tests and for a developer's console. */
    flexManager?: unknown;
  }
}

function status(state: 'booting' | 'ready' | 'failed', text?: string): void {
  document.documentElement.dataset.realFlex = state;
  if (text === undefined) return;
  const element = document.getElementById('real-flex-status');
  if (element) element.textContent = text;
}

function fail(message: string): void {
  console.error(`Real Flex did not start: ${message}`);
  status('failed');
  const root = document.getElementById('root');
  if (!root) return;
  root.innerHTML = '';
  const box = document.createElement('div');
  box.className = 'real-flex-fatal';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.textContent = 'Flex did not start';
  const text = document.createElement('p');
  text.textContent = message;
  box.append(heading, text);
  root.append(box);
}

/** HTTP to Twilio's hosts: the service worker answers it from the host server. */
async function routeHttpThroughServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator))
    throw new Error('this browser has no service workers (open the page on localhost)');
  await navigator.serviceWorker.register('/_flex/sw.js', { scope: '/' });
  if (navigator.serviceWorker.controller) return;
  // A new worker claims the page as soon as it activates.
  await new Promise<void>((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

/** Websockets to Twilio's hosts (twilsock, TaskRouter's event bridge) go to the host server. */
function routeWebSocketsToHost(): void {
  const Native = window.WebSocket;
  const local = (url: string | URL): string | URL => {
    const parsed = new URL(String(url), window.location.href);
    if (parsed.protocol !== 'wss:' || !isTwilioHost(parsed.hostname)) return url;
    return `ws://${window.location.host}${localPathFor(parsed, WS_PREFIX)}`;
  };
  class HostWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(local(url), protocols);
    }
  }
  window.WebSocket = HostWebSocket;
}

async function session(path: string): Promise<HostSession['user']> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => undefined)) as HostSession | HostError | undefined;
  if (!response.ok || !body || 'error' in body) {
    throw new Error(body && 'error' in body ? body.error.message : `/session answered ${response.status}`);
  }
  return body.user;
}

/** Puts a demo token of the page's role (and `?user=`) in the page URL, where Flex takes it from. */
async function signInByUrl(): Promise<void> {
  const url = await signedInUrl(window.location.href, sessionStorage, session);
  if (url) window.history.replaceState(window.history.state, '', url);
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.head.append(script);
  });
}

async function boot(): Promise<void> {
  status('booting', 'Routing Flex to the local sandbox…');
  await routeHttpThroughServiceWorker();
  routeWebSocketsToHost();
  status('booting', 'Signing in…');
  await signInByUrl();
  status('booting', 'Loading the Flex UI runtime…');
  await loadScript('/_flex/twilio-flex.js');
  const flex = window.Twilio?.Flex as FlexRuntime | undefined;
  if (!flex?.Manager) throw new Error('/_flex/twilio-flex.js did not define Twilio.Flex.Manager');
  status('booting', 'Starting Flex…');
  // Telemetry and browser voice would call Twilio services the sandbox does not stand in for.
  // `&plugins=none` starts Flex without its plugin service, so without our plugin: what the bench
  // compares an agent's start with (scripts/bench/agentCost.ts).
  const withoutPlugins = new URL(window.location.href).searchParams.get('plugins') === 'none';
  const manager = await flex.Manager.create({
    disableTelemetry: true,
    disableBrowserVoice: true,
    ...(withoutPlugins ? { pluginService: { enabled: false } } : {}),
  });
  window.flexManager = manager;
  const { React, ReactDOM } = window;
  const root = document.getElementById('root');
  if (!React || !ReactDOM || !root) throw new Error('Flex did not provide React and ReactDOM');
  ReactDOM.render(
    React.createElement(flex.ContextProvider, { manager }, React.createElement(flex.RootContainer)),
    root,
  );
  status('ready');
}

boot().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
