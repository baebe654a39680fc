import React, { useEffect, useRef } from 'react';
import { useSelector, useStore } from 'react-redux';

import { DEFAULT_VIEW } from '../../session';
import { DynamicContentStore } from '../DynamicContentStore';
import type { EnhancedStore, FlexState } from '../Manager';
import { navigateToView } from '../navigation';
import { useObservable } from './useObservable';
import { AgentDesktopView } from './AgentDesktopView';
import { ErrorBoundary } from './ErrorBoundary';

// Names follow @twilio/flex-ui's ViewCollection/View/View.d.ts and ViewCollection.definitions.d.ts.

export enum ViewMountRule {
  /** Mounted from the start and never unmounted. */
  Always = 'Always',
  /** Mounted while active (the default). */
  WhenActive = 'WhenActive',
  /** Mounted on first activation, then kept. */
  WhenHasBeenActive = 'WhenHasBeenActive',
}

export interface ViewProps {
  name: string;
  className?: string;
  children: React.ReactNode;
  /** Deprecated in Flex in favour of `mountRule`; same as `ViewMountRule.Always`. */
  keepMounted?: boolean;
  mountRule?: ViewMountRule;
}

/** One named view; the ViewCollection decides whether it is mounted and shown. */
export const View: React.FC<ViewProps> = ({ name, className, children }) => (
  <div className={`Twilio-View Twilio-View-${name}${className ? ` ${className}` : ''}`} data-view={name}>
    {children}
  </div>
);
View.displayName = 'View';

export interface ViewCollectionChildrenProps {
  activeView?: string;
}

const content = new DynamicContentStore<ViewCollectionChildrenProps>('ViewCollection');

function viewPropsOf(element: React.ReactElement): ViewProps | undefined {
  const props = element.props as Partial<ViewProps>;
  return typeof props.name === 'string' ? (props as ViewProps) : undefined;
}

function ViewCollectionImpl() {
  useObservable(content);
  const store = useStore() as EnhancedStore;
  const activeView = useSelector((state: FlexState) => state.flex.view.activeView);
  const visited = useRef(new Set<string>());
  const views = content.resolve(
    [
      <View name={DEFAULT_VIEW} key={DEFAULT_VIEW}>
        <AgentDesktopView />
      </View>,
    ],
    { activeView },
    false,
  );
  const names = views.map((view) => viewPropsOf(view)?.name);
  // Like Flex's router: an unknown view (say an agent opening /messaging-setup) falls back to the default.
  const shown =
    activeView && names.includes(activeView) ? activeView : names.includes(DEFAULT_VIEW) ? DEFAULT_VIEW : names[0];
  visited.current.add(shown ?? '');

  useEffect(() => {
    if (shown && shown !== activeView) navigateToView(store, shown, { replace: true });
  }, [shown, activeView, store]);

  return (
    <div className="Twilio-ViewCollection">
      {views.map((view) => {
        const props = viewPropsOf(view);
        if (!props) return null;
        const active = props.name === shown;
        const rule = props.keepMounted ? ViewMountRule.Always : (props.mountRule ?? ViewMountRule.WhenActive);
        const mounted =
          active ||
          rule === ViewMountRule.Always ||
          (rule === ViewMountRule.WhenHasBeenActive && visited.current.has(props.name));
        if (!mounted) return null;
        return (
          <div key={view.key ?? props.name} className="Twilio-View-Container" hidden={!active}>
            <ErrorBoundary what={`The "${props.name}" view`}>{view}</ErrorBoundary>
          </div>
        );
      })}
    </div>
  );
}

export class ViewCollection extends React.PureComponent {
  static readonly displayName = 'ViewCollection';
  static readonly Content = content;

  render() {
    return <ViewCollectionImpl />;
  }
}
