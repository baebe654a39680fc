import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import express, { type NextFunction, type Request, type Response } from 'express';

import type { FLEX_ROLES } from '../server/tokens';
import { bundleBrowserScript } from './browserBundle';
import { renderErrorPage, renderHostPage, renderRealFlexPage } from './hostPage';
import { createRealFlexHost, type RealFlexHost } from './real-flex/realFlexHost';
import { DEFAULT_VIEW, sessionPath, type HostError, type HostPageConfig, type HostSession } from './session';

/** The bundle `flex-plugin build` writes, served as Flex would load it from the plugin service. */
export const PLUGIN_BUNDLE = 'plugin-messaging-setup.js';

export type FlexRole = (typeof FLEX_ROLES)[number];
export const DEFAULT_ROLE: FlexRole = 'supervisor';
/** The roles the page signs in as, in the order messages and links list them. */
export const HOST_ROLES: readonly FlexRole[] = ['supervisor', 'admin', 'agent'];

export interface HostOptions {
  port: number;
  /** Interface to listen on; loopback by default (the page hands out demo tokens). */
  host?: string;
  /** The Twilio sandbox, e.g. `http://127.0.0.1:3002`; the host asks it for demo tokens. */
  sandboxUrl: string;
  /** The plugin's backend as the browser reaches it; given to the page as `ui_attributes.messagingSetup.backendUrl`. */
  backendUrl: string;
  /** Where `flex-plugin build` writes the bundle (the project's `build/`). */
  buildDir: string;
  /** The sandbox account, given to the page as `serviceConfiguration.account_sid`. */
  accountSid: string;
  /** React/Redux UMD builds: development (readable errors and warnings, the default) or production (as Flex). */
  reactBuild?: 'development' | 'production';
  /** Seconds a demo token lives. */
  tokenTtlSeconds?: number;
  /**
   * The sandbox account's auth token: the real-Flex host reads the account's Flex configuration
   * over the sandbox's REST API. Without it only the stand-in is served.
   */
  authToken?: string;
  /** Which Flex the page boots when the URL does not say (`?flex=real` or `?flex=standin`). */
  defaultFlexHost?: FlexHostKind;
  /** Bundle the real Flex UI runtime in the background at start, so its first page need not wait. */
  prepareRealFlex?: boolean;
}

/** The two hosts: our stand-in for `window.Twilio.Flex`, or the real Flex UI runtime. */
export const FLEX_HOSTS = ['standin', 'real'] as const;
export type FlexHostKind = (typeof FLEX_HOSTS)[number];
const FLEX_HOST_COOKIE = 'flex-host';

export interface RunningHost {
  /** e.g. `http://localhost:3000` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Identity of the demo user a role signs in as. */
export const demoIdentity = (role: FlexRole) => `demo.${role}@owl.example`;

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

/** The globals the plugin bundle expects (its webpack externals), from node_modules. */
function vendorFiles(build: 'development' | 'production'): Record<string, string> {
  const dev = build === 'development';
  return {
    'react.js': path.join(packageDir('react'), 'umd', dev ? 'react.development.js' : 'react.production.min.js'),
    'react-dom.js': path.join(
      packageDir('react-dom'),
      'umd',
      dev ? 'react-dom.development.js' : 'react-dom.production.min.js',
    ),
    'redux.js': path.join(packageDir('redux'), 'dist', dev ? 'redux.js' : 'redux.min.js'),
    'react-redux.js': path.join(packageDir('react-redux'), 'dist', dev ? 'react-redux.js' : 'react-redux.min.js'),
  };
}

const GLOBALS: Record<string, string> = {
  react: 'React',
  'react-dom': 'ReactDOM',
  redux: 'Redux',
  'react-redux': 'ReactRedux',
};

/** Bundles the Flex stand-in into one IIFE; React, ReactDOM, Redux and ReactRedux come from the page's globals. */
export async function bundleFlexStandin(): Promise<string> {
  const dir = path.join(__dirname, 'flex-standin');
  return bundleBrowserScript(path.join(dir, 'index.tsx'), {
    tsconfig: path.join(dir, 'tsconfig.json'),
    plugins: [
      {
        name: 'page-globals',
        setup(build) {
          build.onResolve({ filter: /^(react|react-dom|redux|react-redux)$/ }, (args) => ({
            path: args.path,
            namespace: 'page-global',
          }));
          build.onLoad({ filter: /.*/, namespace: 'page-global' }, (args) => ({
            contents: `module.exports = window.${GLOBALS[args.path]};`,
            loader: 'js',
          }));
        },
      },
    ],
  });
}

/** The plugin as Flex's plugin list names it: the project's package name and version. */
function pluginIdentity(): { pluginName: string; pluginVersion: string } {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return { pluginName: manifest.name, pluginVersion: manifest.version };
}

type RoleCheck = { ok: true; role: FlexRole } | { ok: false; message: string };

function parseRole(value: unknown): RoleCheck {
  if (value === undefined || value === '') return { ok: true, role: DEFAULT_ROLE };
  const known = HOST_ROLES as readonly string[];
  if (typeof value === 'string' && known.includes(value)) return { ok: true, role: value as FlexRole };
  const shown = Array.isArray(value) ? value.join(',') : String(value);
  return { ok: false, message: `Unknown role "${shown}". Use ?role=${HOST_ROLES.join(', ?role=')}.` };
}

const hostError = (code: string, message: string): HostError => ({ error: { code, message } });

type UserCheck = { ok: true; identity: string | undefined } | { ok: false; message: string };

/**
 * `?user=`: another demo user of the same role (`?role=supervisor&user=second.supervisor` signs
 * in as second.supervisor@owl.example), so two people can share one sandbox account; default the
 * role's demo user. Both hosts take it: the stand-in's page config carries it in its session URL,
 * the real-Flex boot reads it from the page URL (real-flex/browser/signIn.ts).
 */
function parseUser(value: unknown): UserCheck {
  if (value === undefined || value === '') return { ok: true, identity: undefined };
  if (typeof value === 'string' && /^[a-z0-9][a-z0-9._-]{0,39}$/i.test(value))
    return { ok: true, identity: `${value}@owl.example` };
  return { ok: false, message: 'Unknown ?user=: use up to 40 letters, digits, dots, dashes or underscores.' };
}

/**
 * Who a host page (stand-in or real Flex) signs in as, from its `?role=` and `?user=`: the role,
 * the identity and the `user` name as given, or the error page's title and message (400).
 */
function parsePageSignIn(
  query: Request['query'],
):
  | { ok: true; role: FlexRole; identity: string | undefined; user: string | undefined }
  | { ok: false; title: string; message: string } {
  const role = parseRole(query.role);
  if (!role.ok) return { ok: false, title: 'Unknown role', message: role.message };
  const user = parseUser(query.user);
  if (!user.ok) return { ok: false, title: 'Unknown user', message: user.message };
  const named = user.identity && typeof query.user === 'string' ? query.user : undefined;
  return { ok: true, role: role.role, identity: user.identity, user: named };
}

async function issueSession(options: HostOptions, role: FlexRole, user?: string): Promise<HostSession> {
  const identity = user ?? demoIdentity(role);
  const response = await fetch(new URL('/_sandbox/tokens', options.sandboxUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity, roles: [role], ttlSeconds: options.tokenTtlSeconds ?? 3600 }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`the sandbox answered ${response.status} to POST /_sandbox/tokens`);
  const issued = (await response.json()) as { token: string; expiration: string; identity: string; roles: string[] };
  return {
    user: { identity: issued.identity, roles: issued.roles, token: issued.token, expiration: issued.expiration },
    serviceConfiguration: {
      account_sid: options.accountSid,
      ui_attributes: { messagingSetup: { backendUrl: options.backendUrl } },
    },
  };
}

/**
 * Which Flex a page request gets: `?flex=` (remembered in a cookie, as Flex's router drops the
 * query on navigation), else the cookie, else the host's default.
 */
function chooseFlexHost(req: Request, res: Response, fallback: FlexHostKind): FlexHostKind | { unknown: string } {
  const asked = req.query.flex;
  if (asked !== undefined) {
    if (typeof asked !== 'string' || !(FLEX_HOSTS as readonly string[]).includes(asked))
      return { unknown: String(asked) };
    res.cookie(FLEX_HOST_COOKIE, asked, { sameSite: 'strict', httpOnly: true, path: '/' });
    return asked as FlexHostKind;
  }
  const cookie = /(?:^|;\s*)flex-host=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
  return cookie && (FLEX_HOSTS as readonly string[]).includes(cookie) ? (cookie as FlexHostKind) : fallback;
}

export function createHostApp(options: HostOptions, standinJs: string, realFlex?: RealFlexHost): express.Express {
  const app = express();
  app.disable('x-powered-by');
  const vendor = vendorFiles(options.reactBuild ?? 'development');
  const roleLinks = HOST_ROLES.map((role) => ({ href: `/?role=${role}`, label: `Sign in as ${role}` }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  if (realFlex) app.use(realFlex.router);

  app.get('/flex-standin.js', (_req, res) => {
    res.type('js').set('Cache-Control', 'no-store').send(standinJs);
  });

  app.get('/vendor/:file', (req: Request<{ file: string }>, res: Response) => {
    const file = vendor[req.params.file];
    if (!file) return res.status(404).type('text').send(`No vendor file ${req.params.file}`);
    res.type('js').sendFile(file);
  });

  // Read on each request, so a rebuilt bundle is picked up without restarting.
  app.get('/plugins/:file', (req: Request<{ file: string }>, res: Response) => {
    const { file } = req.params;
    const full = path.join(options.buildDir, file);
    if (!/^[\w.-]+\.js(\.map)?$/.test(file) || !fs.existsSync(full)) {
      const message =
        file === PLUGIN_BUNDLE
          ? `The plugin bundle build/${PLUGIN_BUNDLE} has not been built. Run "npx flex-plugin build" (npm start builds it unless SKIP_PLUGIN_BUILD=1).`
          : `No plugin file ${file} in build/.`;
      return res.status(404).type('text').send(message);
    }
    res
      .type(file.endsWith('.map') ? 'json' : 'js')
      .set('Cache-Control', 'no-store')
      .sendFile(full);
  });

  app.get('/session', async (req: Request, res: Response) => {
    const check = parseRole(req.query.role);
    if (!check.ok) return res.status(400).json(hostError('unknown_role', check.message));
    const user = parseUser(req.query.user);
    if (!user.ok) return res.status(400).json(hostError('unknown_user', user.message));
    try {
      res.set('Cache-Control', 'no-store').json(await issueSession(options, check.role, user.identity));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`[host] no session for ${check.role}: ${reason}`);
      res
        .status(502)
        .json(
          hostError(
            'sandbox_unreachable',
            `The Twilio sandbox at ${options.sandboxUrl} did not issue a token: ${reason}`,
          ),
        );
    }
  });

  // The shell, at `/` and at each view's route (`/messaging-setup`), as Flex routes its views.
  app.get(['/', '/:view', '/:view/*rest'], (req: Request, res: Response, next: NextFunction) => {
    const flexHost = chooseFlexHost(req, res, realFlex ? (options.defaultFlexHost ?? 'standin') : 'standin');
    if (typeof flexHost !== 'string') {
      return res
        .status(400)
        .type('html')
        .send(
          renderErrorPage(
            'Unknown Flex host',
            `Unknown ?flex=${flexHost.unknown}. Use ?flex=${FLEX_HOSTS.join(' or ?flex=')}.`,
            roleLinks,
          ),
        );
    }
    if (flexHost === 'real') {
      if (!realFlex) {
        return res
          .status(404)
          .type('html')
          .send(renderErrorPage('No real Flex here', 'This host serves only the Flex stand-in.', roleLinks));
      }
      const page = parsePageSignIn(req.query);
      if (!page.ok)
        return res
          .status(400)
          .type('html')
          .send(renderErrorPage(page.title, page.message, roleLinks));
      // Flex's router owns every path below the root (SPA fallback); the page signs in by itself,
      // through the same session URL as the stand-in's (real-flex/browser/signIn.ts).
      return res.type('html').set('Cache-Control', 'no-store').send(renderRealFlexPage(page.role, page.identity));
    }
    if (req.params.rest !== undefined) return next();
    const view = typeof req.params.view === 'string' ? req.params.view : undefined;
    if (view !== undefined && !/^[\w-]+$/.test(view)) {
      return res
        .status(404)
        .type('html')
        .send(renderErrorPage('Not found', `Nothing at ${req.path}.`, roleLinks));
    }
    const page = parsePageSignIn(req.query);
    if (!page.ok)
      return res
        .status(400)
        .type('html')
        .send(renderErrorPage(page.title, page.message, roleLinks));
    const config: HostPageConfig = {
      role: page.role,
      sessionUrl: sessionPath(page.role, page.user),
      plugins: [`/plugins/${PLUGIN_BUNDLE}`],
      defaultView: DEFAULT_VIEW,
    };
    res.type('html').set('Cache-Control', 'no-store').send(renderHostPage(config));
  });

  app.use((req: Request, res: Response) => {
    res.status(404).type('text').send(`Nothing at ${req.method} ${req.path}`);
  });
  return app;
}

/** Starts the Flex host page server (bundling the stand-in first). */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const standinJs = await bundleFlexStandin();
  const realFlex = options.authToken
    ? await createRealFlexHost({
        context: {
          sandboxUrl: options.sandboxUrl,
          accountSid: options.accountSid,
          authToken: options.authToken,
          backendUrl: options.backendUrl,
          pluginPath: `/plugins/${PLUGIN_BUNDLE}`,
          ...pluginIdentity(),
        },
      })
    : undefined;
  // A real-Flex session needs the bundled runtime at once; a stand-in one may let it build meanwhile.
  if (realFlex && options.defaultFlexHost === 'real') await realFlex.runtime();
  else if (realFlex && options.prepareRealFlex) realFlex.runtime().catch(() => undefined);
  const app = createHostApp(options, standinJs, realFlex);
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(app);
  realFlex?.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
