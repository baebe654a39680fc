import { combineReducers, createStore, type AnyAction, type Reducer, type Store } from 'redux';

import type { HostSession } from '../session';
import { Observable } from './observable';
import type { Strings } from './templates';

// Names follow @twilio/flex-ui's core/Manager.d.ts, state/AppConfig.d.ts, state/ViewState.d.ts and
// store/index.d.ts, reduced to what a plugin reads.

export interface UserInfo {
  identity: string;
  roles: string[];
  token: string;
  tokenExpirationDate: Date;
}

export interface Config {
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error';
  language?: string;
  [key: string]: unknown;
}

export interface ServiceConfiguration {
  account_sid: string;
  ui_attributes: Config & HostSession['serviceConfiguration']['ui_attributes'];
}

export interface ViewState {
  readonly isSideNavOpen: boolean;
  readonly activeView?: string;
}

export interface AppState {
  readonly view: ViewState;
}

export interface FlexState {
  readonly flex: AppState;
  readonly [namespace: string]: unknown;
}

/** Flex's store type: a Redux store to which a plugin may add its own reducer under a namespace. */
export interface EnhancedStore<S = FlexState, A extends AnyAction = AnyAction> extends Store<S, A> {
  addReducer?: (name: string, reducer: Reducer) => void;
}

export const ACTION_UPDATE_VIEW = 'VIEW_UPDATE';

export interface UpdateViewAction extends AnyAction {
  type: typeof ACTION_UPDATE_VIEW;
  payload: Partial<ViewState>;
}

export function updateView(payload: Partial<ViewState>): UpdateViewAction {
  return { type: ACTION_UPDATE_VIEW, payload };
}

function createFlexStore(initialView: string): EnhancedStore {
  const initial: AppState = { view: { isSideNavOpen: true, activeView: initialView } };
  const flex: Reducer<AppState> = (state = initial, action) =>
    action.type === ACTION_UPDATE_VIEW
      ? { ...state, view: { ...state.view, ...(action as UpdateViewAction).payload } }
      : state;
  const reducers: Record<string, Reducer> = { flex };
  const store: EnhancedStore = createStore(combineReducers(reducers)) as unknown as EnhancedStore;
  store.addReducer = (name, reducer) => {
    if (name === 'flex') throw new Error('The "flex" namespace of the store belongs to Flex');
    reducers[name] = reducer;
    store.replaceReducer(combineReducers(reducers) as unknown as Reducer<FlexState>);
  };
  return store;
}

export class Manager extends Observable {
  private static instance: Manager | undefined;
  private _strings: Strings = {};
  private _configuration: Config = { logLevel: 'info' };
  readonly user: UserInfo;
  readonly serviceConfiguration: ServiceConfiguration;
  readonly store: EnhancedStore;

  private constructor(session: HostSession, initialView: string) {
    super();
    this.user = {
      identity: session.user.identity,
      roles: [...session.user.roles],
      token: session.user.token,
      tokenExpirationDate: new Date(session.user.expiration),
    };
    this.serviceConfiguration = {
      account_sid: session.serviceConfiguration.account_sid,
      ui_attributes: { ...session.serviceConfiguration.ui_attributes },
    };
    this.store = createFlexStore(initialView);
  }

  /** Called once by the stand-in's boot, after sign-in (Flex's `Manager.create`). */
  static create(session: HostSession, initialView: string): Manager {
    if (Manager.instance) throw new Error('Flex Manager already created');
    Manager.instance = new Manager(session, initialView);
    return Manager.instance;
  }

  static getInstance(): Manager {
    if (!Manager.instance) {
      throw new Error('Manager.getInstance() was called before Flex signed in (the sandbox host creates it at boot).');
    }
    return Manager.instance;
  }

  get strings(): Strings {
    return this._strings;
  }

  /** Assigning strings re-renders templates that use them, as in Flex. */
  set strings(value: Strings) {
    this._strings = { ...value };
    this.notify();
  }

  get configuration(): Config {
    return this._configuration;
  }

  set configuration(value: Config) {
    this._configuration = { ...value };
  }

  updateConfig(...configs: Config[]): void {
    this._configuration = Object.assign({}, this._configuration, ...configs);
  }
}
