/**
 * The Flex stand-in's entry (bundled by the host server into /flex-standin.js). It defines
 * `window.Twilio.Flex` at once, so plugin bundles can find it, then boots like Flex does: sign in
 * (a demo token from the Twilio sandbox), create the Manager, load the plugin bundles and wait for
 * their `init`, then render the shell.
 */
import React, { useMemo } from 'react';
import ReactDOM from 'react-dom';
import { Provider } from 'react-redux';

import { HOST_CONFIG_ELEMENT_ID, type HostError, type HostPageConfig, type HostSession } from '../session';
import { Actions } from './Actions';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useObservable } from './components/useObservable';
import { Flex, Plugins, providerRegistry, wrapRoot } from './flex';
import { Manager, type EnhancedStore } from './Manager';
import { followHistory, navigateToView, viewFromLocation } from './navigation';

declare global {
  interface Window {
    Twilio?: { Flex?: unknown; [key: string]: unknown };
  }
}

/** Names webpack, Babel or React probe on any module; not reading them is not a missing API. */
const PROBED = new Set(['__esModule', 'default', 'then', 'toJSON', '$$typeof', 'constructor', 'prototype']);
const reported = new Set<string>();

/**
 * The stand-in implements only part of Flex. A plugin reading anything else gets `undefined` as
 * before, plus one console error naming it, so a missing API shows up at once (and fails e2e).
 */
function reportingMissingApi<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'string' && !(property in object) && !PROBED.has(property) && !reported.has(property)) {
        reported.add(property);
        console.error(
          `Twilio.Flex.${property} is not implemented by the sandbox's Flex stand-in (sandbox/host/flex-standin).`,
        );
      }
      return Reflect.get(object, property, receiver);
    },
  });
}

window.Twilio = { ...window.Twilio, Flex: reportingMissingApi(Flex) };

function readConfig(): HostPageConfig {
  const element = document.getElementById(HOST_CONFIG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`The host page has no #${HOST_CONFIG_ELEMENT_ID} element.`);
  return JSON.parse(element.textContent) as HostPageConfig;
}

function rootElement(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('The host page has no #root element.');
  return root;
}

async function fetchSession(url: string): Promise<HostSession> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Error(`The host server did not answer ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const body = (await response.json().catch(() => undefined)) as HostSession | HostError | undefined;
  if (!response.ok || !body || 'error' in body) {
    throw new Error(body && 'error' in body ? body.error.message : `${url} answered ${response.status}`);
  }
  return body;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load`));
    document.body.appendChild(script);
  });
}

/** A failed <script> says nothing; ask the server again to show the user why. */
async function whyScriptFailed(src: string): Promise<string> {
  try {
    const response = await fetch(src);
    const text = (await response.text()).trim().slice(0, 300);
    return `HTTP ${response.status}${text ? `: ${text}` : ''}`;
  } catch (error) {
    return `it did not load (${error instanceof Error ? error.message : String(error)})`;
  }
}

function FlexRoot({ store }: { store: EnhancedStore }) {
  useObservable(providerRegistry);
  const providers = providerRegistry.list;
  const Root = useMemo(() => wrapRoot(providers), [providers]);
  return (
    <ErrorBoundary what="Flex">
      <Provider store={store}>
        <Root />
      </Provider>
    </ErrorBoundary>
  );
}

function FatalScreen({ title, message }: { title: string; message: string }) {
  return (
    <div className="flex-host-fatal" role="alert">
      <h1>{title}</h1>
      <p>{message}</p>
    </div>
  );
}

async function boot(): Promise<void> {
  const config = readConfig();
  const session = await fetchSession(config.sessionUrl).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    ReactDOM.render(<FatalScreen title="Flex could not sign in" message={message} />, rootElement());
    throw error;
  });

  const manager = Manager.create(session, viewFromLocation(config.defaultView));
  Actions.registerAction('NavigateToView', async (payload) => {
    const viewName = (payload as { viewName?: unknown } | undefined)?.viewName;
    if (typeof viewName !== 'string' || viewName === '') throw new Error('NavigateToView needs a viewName');
    navigateToView(manager.store, viewName);
  });
  followHistory(manager.store, config.defaultView);
  Plugins.start(manager);

  for (const src of config.plugins) {
    try {
      await loadScript(src);
    } catch {
      const message = await whyScriptFailed(src);
      console.error(`Plugin bundle failed to load: ${message}`);
      Plugins.reportFailure({ plugin: src, message });
    }
  }
  await Plugins.settled();
  ReactDOM.render(<FlexRoot store={manager.store} />, rootElement());
}

boot().catch((error: unknown) => console.error('Flex stand-in failed to boot:', error));
