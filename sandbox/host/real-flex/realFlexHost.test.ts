import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startSandbox, type RunningSandbox } from '../../server/app';
import { PLUGIN_BUNDLE, startHost, type RunningHost } from '../hostServer';
import { WebSocket } from 'ws';

import { HOST_CONFIG_ELEMENT_ID, type HostPageConfig, type HostSession } from '../session';
import { ROLE_KEY, signedInUrl, USER_KEY, type SignInStore } from './browser/signIn';
import { installedFlexUiVersion } from './bundleFlexUi';
import { createTwilsockPacket, parseTwilsockPacket, type TwilsockPacket } from './sockets/twilsockPacket';

/** The real-Flex host's answers to Flex's start-up requests, over HTTP as the service worker sends them. */

let sandbox: RunningSandbox;
let host: RunningHost;
let buildDir: string;

beforeAll(async () => {
  buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'real-flex-build-'));
  sandbox = await startSandbox({ port: 0 });
  const { accountSid, authToken } = sandbox.sandbox.credentials;
  host = await startHost({
    port: 0,
    sandboxUrl: sandbox.url,
    backendUrl: 'http://localhost:3901',
    buildDir,
    accountSid,
    authToken,
  });
}, 60_000);

afterAll(async () => {
  await host?.close();
  await sandbox?.close();
  fs.rmSync(buildDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;
const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${base()}${pathname}`, { headers });
const twilio = (url: string, init: RequestInit = {}) => {
  const parsed = new URL(url);
  return fetch(`${base()}/_flex/http/${parsed.hostname}${parsed.pathname}${parsed.search}`, init);
};
const requests = async () =>
  (
    (await (await get('/_flex/requests')).json()) as {
      requests: { method: string; url: string; endpoint: string | null; status: number }[];
    }
  ).requests;

beforeEach(async () => {
  await fetch(`${base()}/_flex/requests`, { method: 'DELETE' });
});

describe('which Flex the page boots', () => {
  it('?flex=real serves the real-Flex page (no referrer, boot script) and remembers it; ?flex=standin goes back', async () => {
    const real = await get('/?role=admin&flex=real');
    expect(real.status).toBe(200);
    const html = await real.text();
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).toContain('<script src="/_flex/boot.js"></script>');
    const cookie = real.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^flex-host=real;/);

    // Flex's router then owns every path, however deep, and the cookie keeps the choice.
    const deep = await get('/teams/some/where', { cookie: 'flex-host=real' });
    expect(await deep.text()).toContain('/_flex/boot.js');

    const standin = await get('/messaging-setup?flex=standin', { cookie: 'flex-host=real' });
    expect(await standin.text()).toContain('/flex-standin.js');
  });

  it('refuses an unknown ?flex= and an unknown role', async () => {
    const bogus = await get('/?flex=imaginary');
    expect(bogus.status).toBe(400);
    expect(await bogus.text()).toContain('Use ?flex=standin or ?flex=real');
    expect((await get('/?flex=real&role=root')).status).toBe(400);
  });

  it('serves the service worker for the whole origin, and the boot script', async () => {
    const worker = await get('/_flex/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('service-worker-allowed')).toBe('/');
    expect(await worker.text()).toContain('/_flex/http/');
    expect((await get('/_flex/boot.js')).status).toBe(200);
  });
});

/** Who Flex says the token is (Tokens/Info, whence Flex takes its user), and who the backend's token check says. */
async function whoIs(token: string) {
  const { accountSid } = sandbox.sandbox.credentials;
  const info = await twilio(`https://flex-api.twilio.com/v1/Accounts/${accountSid}/Tokens/Info`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ Token: token }).toString(),
  });
  const flex = ((await info.json()) as { identity: string }).identity;
  const checked = sandbox.sandbox.tokens.validate(token);
  return { flex, backend: checked.valid ? checked.identity : undefined };
}

function memoryStore(): SignInStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** The real-Flex boot's sign-in, against this host server (what boot.ts does in the page). */
const fetchSession = async (sessionUrl: string) => {
  const response = await get(sessionUrl);
  if (!response.ok) throw new Error(`${sessionUrl} answered ${response.status}`);
  return ((await response.json()) as HostSession).user;
};

describe('?user= in both hosts', () => {
  it('signs the stand-in and real Flex in as the given demo user of the role, with the same session URL', async () => {
    // The stand-in: the page config's session URL.
    const standinPage = await (await get('/?flex=standin&role=supervisor&user=second.supervisor')).text();
    const match = new RegExp(`<script id="${HOST_CONFIG_ELEMENT_ID}" type="application/json">(.*?)</script>`).exec(
      standinPage,
    );
    const { sessionUrl } = JSON.parse(match?.[1] ?? '{}') as HostPageConfig;
    expect(sessionUrl).toBe('/session?role=supervisor&user=second.supervisor');
    const standinUser = await fetchSession(sessionUrl);
    expect(await whoIs(standinUser.token)).toEqual({
      flex: 'second.supervisor@owl.example',
      backend: 'second.supervisor@owl.example',
    });

    // Real Flex: the page, then its boot's sign-in, which puts the token in the URL Flex starts at.
    const realPage = await get('/?flex=real&role=supervisor&user=second.supervisor');
    expect(realPage.status).toBe(200);
    expect(await realPage.text()).toContain('as second.supervisor@owl.example (supervisor)');
    const store = memoryStore();
    const asked: string[] = [];
    const started = await signedInUrl(
      `${base()}/messaging-setup?role=supervisor&user=second.supervisor`,
      store,
      (path) => (asked.push(path), fetchSession(path)),
    );
    expect(asked).toEqual([sessionUrl]);
    const url = new URL(started ?? '');
    expect(url.pathname).toBe('/messaging-setup');
    expect(url.searchParams.has('role')).toBe(false);
    expect(url.searchParams.has('user')).toBe(false);
    expect(url.searchParams.get('Identity')).toBe('second.supervisor@owl.example');
    expect(url.searchParams.get('Roles')).toBe('supervisor');
    expect(await whoIs(url.searchParams.get('Token') ?? '')).toEqual({
      flex: 'second.supervisor@owl.example',
      backend: 'second.supervisor@owl.example',
    });

    // A reload keeps the token; a navigation that dropped the query signs in as the same user.
    expect(await signedInUrl(url.toString(), store, fetchSession)).toBeUndefined();
    const again = new URL((await signedInUrl(`${base()}/messaging-setup`, store, fetchSession)) ?? '');
    expect(again.searchParams.get('Identity')).toBe('second.supervisor@owl.example');
    // A URL naming only a role is that role's demo user.
    const admin = new URL((await signedInUrl(`${base()}/?role=admin`, store, fetchSession)) ?? '');
    expect(admin.searchParams.get('Identity')).toBe('demo.admin@owl.example');
    expect(store.items.get(ROLE_KEY)).toBe('admin');
    expect(store.items.has(USER_KEY)).toBe(false);
  });

  it('refuses a malformed ?user= in the real-Flex page as in the stand-in', async () => {
    expect((await get('/?flex=real&role=supervisor&user=%3Cscript%3E')).status).toBe(400);
    expect((await get('/?flex=standin&role=supervisor&user=%3Cscript%3E')).status).toBe(400);
  });
});

describe("answers to Flex's start-up requests", () => {
  it('Configuration: the sandbox account’s, compatible with this Flex UI, with the backend URL', async () => {
    const response = await twilio(`https://flex-api.twilio.com/v1/Configuration?UiVersion=${installedFlexUiVersion()}`);
    expect(response.status).toBe(200);
    const config = (await response.json()) as Record<string, unknown> & { ui_attributes: Record<string, unknown> };
    const stored = sandbox.sandbox.account.flexConfiguration;
    expect(config).toMatchObject({
      account_sid: sandbox.sandbox.credentials.accountSid,
      taskrouter_workspace_sid: stored.taskrouter_workspace_sid,
      flex_service_instance_sid: stored.flex_service_instance_sid,
      ui_version: installedFlexUiVersion(),
    });
    expect(config.ui_attributes).toMatchObject({
      version_compatibility: 'yes',
      messagingSetup: { backendUrl: 'http://localhost:3901' },
    });
  });

  it('Tokens/Info: who the sandbox says the token is; a token it did not issue gets 401', async () => {
    const { accountSid } = sandbox.sandbox.credentials;
    const { token } = sandbox.sandbox.tokens.issue('demo.supervisor@owl.example', ['supervisor'], 600);
    const info = await twilio(`https://flex-api.twilio.com/v1/Accounts/${accountSid}/Tokens/Info`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Token: token }).toString(),
    });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({
      account_sid: accountSid,
      identity: 'demo.supervisor@owl.example',
      roles: ['supervisor'],
      valid: true,
      workspace_sid: sandbox.sandbox.account.flexConfiguration.taskrouter_workspace_sid,
    });

    const forged = await twilio(`https://flex-api.twilio.com/v1/Accounts/${accountSid}/Tokens/Info`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Token=eyJhbGciOiJIUzI1NiJ9.e30.forged',
    });
    expect(forged.status).toBe(401);
  });

  it('plugins: the built bundle, from the host page’s origin', async () => {
    const response = await twilio('https://flex.twilio.com/plugins?roles=admin');
    expect(await response.json()).toEqual([
      {
        name: 'plugin-messaging-setup',
        version: expect.any(String),
        src: `${base()}/plugins/${PLUGIN_BUNDLE}`,
        phase: 3,
      },
    ]);
  });

  it('a ringtone is a playable sound; Paste fonts are CSS', async () => {
    const sound = await twilio('https://media.twiliocdn.com/sdk/js/client/sounds/releases/1.0.0/incoming.mp3');
    expect(sound.headers.get('content-type')).toMatch(/^audio\/wav/);
    expect(
      Buffer.from(await sound.arrayBuffer())
        .subarray(0, 4)
        .toString('ascii'),
    ).toBe('RIFF');
    const fonts = await twilio('https://assets.twilio.com/public_assets/paste-fonts/1.5.1/fonts.css');
    expect(fonts.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('logs every request without its query, naming the endpoint, or null for one it has no answer for', async () => {
    await twilio('https://flex-api.twilio.com/v1/Configuration?Token=secret-looking');
    const unknown = await twilio('https://flex-api.twilio.com/v2/SomethingNew');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain(
      'GET https://flex-api.twilio.com/v2/SomethingNew',
    );
    expect(await requests()).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: 'https://flex-api.twilio.com/v1/Configuration',
        endpoint: 'GET https://flex-api.twilio.com/v1/Configuration',
        status: 200,
      }),
      expect.objectContaining({
        method: 'GET',
        url: 'https://flex-api.twilio.com/v2/SomethingNew',
        endpoint: null,
        status: 404,
      }),
    ]);
    expect(JSON.stringify(await requests())).not.toContain('secret-looking');
  });

  it('answers only Twilio hosts', async () => {
    expect((await get('/_flex/http/example.com/anything')).status).toBe(404);
    expect(await requests()).toEqual([]);
  });
});

describe('twilsock', () => {
  it('logs a tunnelled request it has no answer for as unanswered, which the start-up test refuses', async () => {
    const { token } = sandbox.sandbox.tokens.issue('demo.admin@owl.example', ['admin'], 600);
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/_flex/ws/tsock.us1.twilio.com/v3/wsconnect`);
    const replies: TwilsockPacket[] = [];
    socket.on('message', (data: Buffer) => {
      const packet = parseTwilsockPacket(data);
      if (packet) replies.push(packet);
    });
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.send(createTwilsockPacket({ method: 'init', id: 'TM1', token, capabilities: [], registrations: [] }));
    socket.send(
      createTwilsockPacket({
        method: 'message',
        id: 'TM2',
        http_request: { method: 'GET', host: 'nowhere.twilio.com', path: '/v1/Unknown?Token=secret-looking' },
      }),
    );
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const deadline = Date.now() + 10_000;
    while (replies.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    socket.close();
    warn.mockRestore();
    expect(replies.map((r) => r.header.status)).toEqual([
      expect.objectContaining({ code: 200 }),
      expect.objectContaining({ code: 200 }),
    ]);
    expect(replies[1].header.http_status).toMatchObject({ code: 404 });
    const unanswered = (await requests()).filter((entry) => entry.endpoint === null);
    expect(unanswered).toEqual([
      expect.objectContaining({ method: 'TWILSOCK GET', url: 'https://nowhere.twilio.com/v1/Unknown', status: 404 }),
    ]);
    expect(JSON.stringify(unanswered)).not.toContain('secret-looking');
  });
});
