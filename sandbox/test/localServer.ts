/**
 * Local HTTP stand-ins for tests (a misbehaving Twilio, an npm registry): a server on a free
 * loopback port, started before a test file's tests and closed after them.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request's whole body. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void | Promise<void>;

/**
 * Registers beforeAll/afterAll that run a server answering with `handle` (called once the body has
 * arrived); `url()` is its `http://127.0.0.1:<port>` once started. A handler that throws resets the
 * connection, as a crashed server would.
 */
export function localServerForTests(handle: Handler): { url: () => string } {
  let server: http.Server | undefined;
  let url = '';
  beforeAll(async () => {
    const started = http.createServer((req, res) => {
      readBody(req)
        .then((body) => handle(req, body, res))
        .catch(() => res.destroy());
    });
    server = started;
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    const closing = server;
    if (!closing) return;
    closing.closeAllConnections();
    await new Promise<void>((resolve) => closing.close(() => resolve()));
  });
  return { url: () => url };
}
