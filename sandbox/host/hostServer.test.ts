import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSandbox, type RunningSandbox } from '../server/app';
import { PLUGIN_BUNDLE, startHost, type RunningHost } from './hostServer';
import { HOST_CONFIG_ELEMENT_ID, type HostPageConfig, type HostSession } from './session';

let sandbox: RunningSandbox;
let host: RunningHost;
let buildDir: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'host-build-'));
  sandbox = await startSandbox({ port: 0 });
  host = await startHost({
    port: 0,
    sandboxUrl: sandbox.url,
    backendUrl: 'http://localhost:3901',
    buildDir,
    accountSid: sandbox.sandbox.credentials.accountSid,
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await sandbox?.close();
  fs.rmSync(buildDir, { recursive: true, force: true });
});

const get = (pathname: string) => fetch(`http://127.0.0.1:${host.port}${pathname}`);

function pageConfig(html: string): HostPageConfig {
  const match = new RegExp(`<script id="${HOST_CONFIG_ELEMENT_ID}" type="application/json">(.*?)</script>`).exec(html);
  if (!match) throw new Error('no page config');
  return JSON.parse(match[1]) as HostPageConfig;
}

describe('Flex host page server', () => {
  it('serves the shell as supervisor by default, and at view routes with the asked role', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(pageConfig(await home.text())).toMatchObject({ role: 'supervisor', plugins: [`/plugins/${PLUGIN_BUNDLE}`] });
    const view = await get('/messaging-setup?role=agent');
    expect(pageConfig(await view.text())).toMatchObject({ role: 'agent', sessionUrl: '/session?role=agent' });
  });

  it('answers an unknown role with a clear error page', async () => {
    const response = await get('/?role=root');
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(
      'Unknown role &quot;root&quot;. Use ?role=supervisor, ?role=admin, ?role=agent.',
    );
  });

  it('issues a session with a sandbox token for the role and the backend URL', async () => {
    const response = await get('/session?role=admin');
    expect(response.status).toBe(200);
    const session = (await response.json()) as HostSession;
    expect(session.user).toMatchObject({ identity: 'demo.admin@owl.example', roles: ['admin'] });
    expect(session.serviceConfiguration).toEqual({
      account_sid: sandbox.sandbox.credentials.accountSid,
      ui_attributes: { messagingSetup: { backendUrl: 'http://localhost:3901' } },
    });
    expect(sandbox.sandbox.tokens.validate(session.user.token)).toMatchObject({ valid: true, roles: ['admin'] });
  });

  it('?user= signs in as another demo user of the role; a malformed one is refused', async () => {
    const view = await get('/?role=supervisor&user=second.supervisor');
    expect(pageConfig(await view.text())).toMatchObject({
      role: 'supervisor',
      sessionUrl: '/session?role=supervisor&user=second.supervisor',
    });
    const session = (await (await get('/session?role=supervisor&user=second.supervisor')).json()) as HostSession;
    expect(session.user).toMatchObject({ identity: 'second.supervisor@owl.example', roles: ['supervisor'] });
    expect((await get('/session?role=supervisor&user=a%20b')).status).toBe(400);
    expect((await get('/?role=supervisor&user=%3Cscript%3E')).status).toBe(400);
  });

  it('says how to build the plugin when the bundle is missing, and serves it once built', async () => {
    const missing = await get(`/plugins/${PLUGIN_BUNDLE}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('npx flex-plugin build');
    fs.writeFileSync(path.join(buildDir, PLUGIN_BUNDLE), '/* plugin */');
    const built = await get(`/plugins/${PLUGIN_BUNDLE}`);
    expect(built.status).toBe(200);
    expect(await built.text()).toBe('/* plugin */');
  });

  it('serves the vendor globals and the Flex stand-in bundle', async () => {
    for (const file of ['react.js', 'react-dom.js', 'redux.js', 'react-redux.js']) {
      expect((await get(`/vendor/${file}`)).status).toBe(200);
    }
    const standin = await get('/flex-standin.js');
    expect(standin.status).toBe(200);
    const js = await standin.text();
    expect(js).toContain('window.React');
    expect(js).not.toMatch(/function createElement\(type, config, children\)/); // React itself is not bundled
  });
});
