/**
 * npm start's local backend: the process sandbox/start.ts runs (localBackendCommand) listens on
 * loopback only, like the sandbox and the host page, and its request log never shows a query
 * string, so a token a client put in a URL does not reach the console.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { localBackendCommand } from '../backend/command';
import { loggedPath } from '../backend/localBackend';

/** A Serverless project folder with one function that answers `{ ok: true }`. */
function tinyProject(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'local-backend-test-'));
  fs.mkdirSync(path.join(folder, 'functions'));
  fs.writeFileSync(
    path.join(folder, 'functions', 'hello.js'),
    'exports.handler = (context, event, callback) => callback(null, { ok: true });\n',
  );
  fs.writeFileSync(path.join(folder, 'package.json'), '{"name":"tiny","version":"1.0.0"}\n');
  return folder;
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
function externalIPv4(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let project: string;
let child: ChildProcess;
let output = '';
let url: string;

beforeAll(async () => {
  project = tinyProject();
  const { command, args } = localBackendCommand(0, project);
  child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the backend did not start: ${output}`)), 60_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => reject(new Error(`the backend exited (${code}): ${output}`)));
  });
}, 70_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(project, { recursive: true, force: true });
});

test('it listens on 127.0.0.1 and serves the functions there', async () => {
  expect(new URL(url).hostname).toBe('127.0.0.1');
  const response = await fetch(`${url}/hello`);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ ok: true });
});

/**
 * Another address of this machine to knock on: a non-loopback interface when there is one, else
 * 127.0.0.2 — on Linux all of 127.0.0.0/8 reaches this machine, so a server listening on every
 * interface answers there and one bound to 127.0.0.1 does not. The test first proves the probe can
 * succeed (a server on every interface answers at that address), so it cannot pass vacuously.
 */
const otherAddress = externalIPv4() ?? '127.0.0.2';

test(`it cannot be reached on the machine’s other addresses (${otherAddress})`, async () => {
  const everywhere = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => everywhere.listen(0, '0.0.0.0', () => resolve()));
  try {
    expect(await canConnect(otherAddress, (everywhere.address() as net.AddressInfo).port)).toBe(true);
  } finally {
    await new Promise<void>((resolve) => everywhere.close(() => resolve()));
  }
  const port = Number(new URL(url).port);
  expect(await canConnect('127.0.0.1', port)).toBe(true);
  expect(await canConnect(otherAddress, port)).toBe(false);
});

test('its request log shows method, path and status, never the query string', async () => {
  const secret = 'eyJhbGciOiJIUzI1NiJ9.secret-in-a-url.signature';
  const before = output.length;
  await fetch(`${url}/hello?Token=${secret}&Payload=%7B%7D`);
  await fetch(`${url}/${secret}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const logged = output.slice(before);
  expect(logged).toMatch(/GET \/hello → 200/);
  expect(logged).toMatch(/GET \/\(other path\) → 404/);
  expect(logged).not.toContain('secret-in-a-url');
  expect(logged).not.toContain('Token=');
});

test.each([
  ['/list-addresses?Token=abc', '/list-addresses'],
  ['/list-addresses#Token=abc', '/list-addresses'],
  ['/', '/'],
  ['/a/b/c', '/(other path)'],
  ['/eyJhbGciOiJIUzI1NiJ9.eyJ.x', '/(other path)'],
  [undefined, '/'],
])('loggedPath(%j) is %j', (raw, shown) => {
  expect(loggedPath(raw)).toBe(shown);
});
