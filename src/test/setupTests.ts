import '@testing-library/jest-dom';

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
