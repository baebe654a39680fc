import React from 'react';

import { Actions, ActionsImpl } from './Actions';
import { DynamicContentStore } from './DynamicContentStore';
import { Manager } from './Manager';
import { NotificationEvent, Notifications, NotificationType } from './Notifications';
import { Observable } from './observable';
import { RootContainer, type RootContainerChildrenProps } from './components/RootContainer';
import { SideLink } from './components/SideLink';
import { SideNav } from './components/SideNav';
import { Template, templates } from './components/Template';
import { View, ViewCollection, ViewMountRule } from './components/View';

// ---- setProviders (@twilio/flex-ui public_api/Providers.d.ts) ----

/** The props Flex gives the PasteThemeProvider (Paste's CustomizationProvider) around its root. */
export interface PasteThemeProviderProps {
  baseTheme?: string;
  theme?: object;
  style?: React.CSSProperties;
  children?: React.ReactNode;
}

export type ComponentWrapper<P> = (Component: React.ComponentType<P>) => React.ComponentType<P>;

export interface ProvidersProps {
  PasteThemeProvider?: React.ComponentType<PasteThemeProviderProps>;
  CustomProvider?: ComponentWrapper<RootContainerChildrenProps>;
}

class ProviderRegistry extends Observable {
  private _list: ProvidersProps[] = [];

  get list(): ProvidersProps[] {
    return this._list;
  }

  add(providers: ProvidersProps): void {
    this._list = [...this._list, providers];
    this.notify();
  }
}

export const providerRegistry = new ProviderRegistry();

/** Each call adds a wrapper around the root, as Flex's `RootContainer.Content.addWrapper` does. */
export function setProviders(providers: ProvidersProps): void {
  if (providers) providerRegistry.add(providers);
}

/** The root with every registered provider around it: PasteThemeProvider outside CustomProvider. */
export function wrapRoot(list: ProvidersProps[]): React.ComponentType<RootContainerChildrenProps> {
  return list.reduce<React.ComponentType<RootContainerChildrenProps>>(
    (Root, { PasteThemeProvider, CustomProvider }) => {
      const Inner = CustomProvider ? CustomProvider(Root) : Root;
      if (!PasteThemeProvider) return Inner;
      const Wrapped = (props: RootContainerChildrenProps) => (
        <PasteThemeProvider baseTheme="default" style={{ minWidth: '100%', height: '100%' }}>
          <Inner {...props} />
        </PasteThemeProvider>
      );
      Wrapped.displayName = 'PasteThemeProviderWrapper';
      return Wrapped;
    },
    RootContainer,
  );
}

// ---- Plugins (what @twilio/flex-plugin's loadPlugin calls) ----

export interface FlexPluginInstance {
  name?: string;
  version?: string;
  init(flex: FlexApi, manager: Manager): void | Promise<void>;
}

export type FlexPluginClass = new () => FlexPluginInstance;

export interface PluginFailure {
  plugin: string;
  message: string;
}

export const PLUGIN_FAILED_NOTIFICATION = 'FlexHostPluginFailed';

function PluginFailureMessage({ notificationContext }: { notificationContext?: object }) {
  const failure = notificationContext as PluginFailure | undefined;
  return (
    <>
      Plugin <strong>{failure?.plugin}</strong> failed: {failure?.message}
    </>
  );
}

export class PluginsImpl {
  private readonly pending: Promise<void>[] = [];
  private managerReady!: (manager: Manager) => void;
  private readonly manager = new Promise<Manager>((resolve) => {
    this.managerReady = resolve;
  });
  readonly loaded: { name: string; version?: string }[] = [];
  readonly failures: PluginFailure[] = [];

  /** Called by a plugin bundle: instantiate the plugin and run its `init` once Flex has signed in. */
  init(PluginClass: FlexPluginClass): void {
    const label = PluginClass.name || 'plugin';
    this.pending.push(
      this.manager.then(async (manager) => {
        try {
          const plugin = new PluginClass();
          await plugin.init(Flex, manager);
          this.loaded.push({ name: plugin.name ?? label, version: plugin.version });
        } catch (error) {
          console.error(`Plugin ${label} failed to initialize:`, error);
          this.reportFailure({ plugin: label, message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }

  /** @internal boot: plugins may initialize from now on. */
  start(manager: Manager): void {
    this.managerReady(manager);
  }

  /** @internal boot: resolves when every plugin registered so far has finished `init`. */
  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** @internal a failure is kept for the page and shown as a persistent error notification. */
  reportFailure(failure: PluginFailure): void {
    this.failures.push(failure);
    Notifications.showNotification(PLUGIN_FAILED_NOTIFICATION, failure);
  }
}

Notifications.registerNotification({
  id: PLUGIN_FAILED_NOTIFICATION,
  type: NotificationType.error,
  timeout: 0,
  content: <PluginFailureMessage />,
});

export const Plugins = new PluginsImpl();

// ---- The namespace: window.Twilio.Flex ----

export const Flex = {
  VERSION: '2.17.1-sandbox-standin',
  Actions,
  ActionsImpl,
  DynamicContentStore,
  Manager,
  NotificationEvent,
  NotificationType,
  Notifications,
  Plugins,
  SideLink,
  SideNav,
  Template,
  templates,
  View,
  ViewCollection,
  ViewMountRule,
  setProviders,
};

export type FlexApi = typeof Flex;
