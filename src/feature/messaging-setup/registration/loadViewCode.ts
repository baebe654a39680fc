import type * as ViewCode from '../viewCode';

// webpack's public path, from which it loads the view's chunk (see webpack.config.js).
declare let __webpack_public_path__: string;

/** The folder of the backend's public assets that holds the view's code (webpack.config.js writes it). */
export const VIEW_CODE_FOLDER = 'messaging-setup-view';

export type ViewCodeModule = typeof ViewCode;

/**
 * Loads the view's code — everything but the registration — from the backend at `backendUrl`, which
 * serves it as public assets: Flex serves a plugin's one bundle from private Twilio Assets, so
 * files beside it are not reachable (docs/ARCHITECTURE.md, "Loading the view on open"). The chunk's
 * name carries its content hash, so this bundle only ever loads the view code it was built with.
 * webpack loads it once; after a failure, calling again tries again.
 */
export function loadViewCode(backendUrl: string): Promise<ViewCodeModule> {
  // Only under webpack (typeof is "string" there); Jest loads the module directly.
  if (typeof __webpack_public_path__ === 'string') __webpack_public_path__ = `${backendUrl}/`;
  return import(/* webpackChunkName: "view" */ '../viewCode');
}

/** The view's code as the loader needs it: what has loaded so far, and how to load it. */
export interface ViewCodeSource {
  current(): ViewCodeModule | undefined;
  load(): Promise<ViewCodeModule>;
}

export function viewCodeSource(backendUrl: string, load = loadViewCode): ViewCodeSource {
  let loaded: ViewCodeModule | undefined;
  return {
    current: () => loaded,
    load: () =>
      load(backendUrl).then((code) => {
        loaded = code;
        return code;
      }),
  };
}
