import '@testing-library/jest-dom';
import { configure as configureUserEventDom } from '@testing-library/dom';
import { act } from '@testing-library/react';

// flex-plugin-scripts defines these at build time (webpack DefinePlugin); tests run unbundled.
const buildGlobals: Record<string, string> = {
  __FPB_PLUGIN_UNIQUE_NAME: 'plugin-messaging-setup',
  __FPB_PLUGIN_VERSION: '0.0.0-test',
  __FPB_FLEX_PLUGIN_SCRIPTS_VERSION: 'test',
  __FPB_FLEX_PLUGIN_VERSION: 'test',
  __FPB_FLEX_UI_VERSION: 'test',
  __FPB_REACT_VERSION: '17.0.2',
  __FPB_REACT_DOM_VERSION: '17.0.2',
};
Object.assign(globalThis, buildGlobals);

// user-event 14 drives the top-level @testing-library/dom (10); @testing-library/react 12 configures
// only its own nested copy (8) to wrap work in React's act(). Give user-event's copy the same
// wrappers, so state updates that land while an action runs (a request answered during a click)
// are inside act() like the rest.
configureUserEventDom({
  asyncWrapper: async (callback) => {
    let result: unknown;
    await act(async () => {
      result = await callback();
    });
    return result;
  },
  eventWrapper: (callback) => {
    let result: unknown;
    act(() => {
      result = callback();
    });
    return result;
  },
});
