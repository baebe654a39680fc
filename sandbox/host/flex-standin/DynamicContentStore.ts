import React from 'react';

import { Observable } from './observable';

// Names and semantics follow @twilio/flex-ui's DynamicContentStore(.definitions).d.ts.

/** Decides, from the props of the component that owns the store, whether a fragment applies. */
export type ContentFragmentConditionFunction<P> = (props: P) => boolean;

export interface RemoveComponentCallOptions<P> {
  if?: ContentFragmentConditionFunction<P>;
}

export interface RemoveComponentCall<P> {
  key: React.Key;
  options: RemoveComponentCallOptions<P>;
}

export type ContentFragmentAlignment = 'start' | 'end';

export interface ContentFragmentProps<P> {
  align?: ContentFragmentAlignment;
  /** Set by `replace()`: while such a fragment applies, only replacing fragments are rendered. */
  replace?: boolean;
  /** Index among the component's children at which the fragment is inserted. */
  sortOrder?: number;
  if?: ContentFragmentConditionFunction<P>;
  /** Render the fragment as is, without the props the component gives its children. */
  noChildProps?: boolean;
}

export type CleanupFunction = () => void;

interface Registration<P> {
  id: number;
  child: React.ReactElement;
  options: ContentFragmentProps<P>;
}

interface Placed {
  element: React.ReactElement;
  noChildProps: boolean;
}

let nextRegistrationId = 1;

/**
 * The `Content` of a programmable Flex component (`SideNav.Content`, `ViewCollection.Content`):
 * plugins add, replace and remove children; the component renders {@link resolve}'s result and
 * re-renders when the store changes.
 */
export class DynamicContentStore<P extends object = object> extends Observable {
  private readonly registeredFragments: Registration<P>[] = [];
  private readonly _removeRequests: RemoveComponentCall<P>[] = [];

  constructor(private readonly _name: string) {
    super();
  }

  get name(): string {
    return this._name;
  }

  add(child: React.ReactElement, options: ContentFragmentProps<P> = {}): CleanupFunction {
    if (!React.isValidElement(child)) {
      throw new TypeError(`${this._name}.Content.add expects a React element`);
    }
    if (child.key === null) {
      // Flex finds fragments by key (remove, replace); React needs it to keep list state.
      console.warn(`${this._name}.Content.add: the child has no key, so it cannot be removed by key later.`);
    }
    const registration: Registration<P> = { id: nextRegistrationId++, child, options: { ...options } };
    this.registeredFragments.push(registration);
    this.notify();
    return () => {
      const index = this.registeredFragments.indexOf(registration);
      if (index >= 0) {
        this.registeredFragments.splice(index, 1);
        this.notify();
      }
    };
  }

  replace(customComponent: React.ReactElement, options: ContentFragmentProps<P> = {}): CleanupFunction {
    return this.add(customComponent, { ...options, replace: true });
  }

  remove(key: React.Key, options: RemoveComponentCallOptions<P> = {}): CleanupFunction {
    const request: RemoveComponentCall<P> = { key, options: { ...options } };
    this._removeRequests.push(request);
    this.notify();
    return () => {
      const index = this._removeRequests.indexOf(request);
      if (index >= 0) {
        this._removeRequests.splice(index, 1);
        this.notify();
      }
    };
  }

  get fragments(): React.ReactElement[] {
    return this.registeredFragments.map((registration) => registration.child);
  }

  get removeRequests(): RemoveComponentCall<P>[] {
    return [...this._removeRequests];
  }

  /**
   * The children a component renders: its defaults, with the fragments that apply placed by
   * `sortOrder` (an index) or `align` ("start", else the end), minus removed keys. Unless
   * `injectProps` is false, each child also gets the component's props (its own props win).
   */
  resolve(defaults: React.ReactElement[], props: P, injectProps = true): React.ReactElement[] {
    const applies = (condition: ContentFragmentConditionFunction<P> | undefined) => !condition || condition(props);
    const active = this.registeredFragments.filter((registration) => applies(registration.options.if));
    const replacing = active.filter((registration) => registration.options.replace);
    const placed: Placed[] = replacing.length ? [] : defaults.map((element) => ({ element, noChildProps: false }));

    for (const registration of replacing.length ? replacing : active) {
      const { sortOrder, align, noChildProps } = registration.options;
      const element =
        registration.child.key === null
          ? React.cloneElement(registration.child, { key: `${this._name}-fragment-${registration.id}` })
          : registration.child;
      const entry: Placed = { element, noChildProps: Boolean(noChildProps) };
      if (typeof sortOrder === 'number' && Number.isFinite(sortOrder)) {
        placed.splice(Math.max(0, Math.min(placed.length, Math.trunc(sortOrder))), 0, entry);
      } else if (align === 'start') {
        placed.unshift(entry);
      } else {
        placed.push(entry);
      }
    }

    const removedKeys = new Set(
      this._removeRequests.filter((request) => applies(request.options.if)).map((request) => String(request.key)),
    );
    return placed
      .filter(({ element }) => element.key === null || !removedKeys.has(String(element.key)))
      .map(({ element, noChildProps }) =>
        injectProps && !noChildProps ? React.cloneElement(element, { ...props, ...element.props }) : element,
      );
  }
}
