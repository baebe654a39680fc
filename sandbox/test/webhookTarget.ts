/**
 * A local HTTP server that plays the customer's webhook backend in inbound tests: it checks each
 * request's X-Twilio-Signature with twilio-node's own validator and records what arrived.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import twilio from 'twilio';

import { TEST_RESET, type SandboxTestContext } from './harness';
import { readBody } from './localServer';

export interface ReceivedWebhook {
  method: string;
  /** The full URL the request reached, query included. */
  url: string;
  /** The form body (POST) or the query (GET). */
  params: Record<string, string>;
  contentType: string | undefined;
  signatureValid: boolean;
}

/** How the target answers: a status code, after doing whatever the test needs. */
export type Responder = (hook: ReceivedWebhook) => number | Promise<number>;

export interface WebhookTarget {
  /** e.g. `http://127.0.0.1:41234/inbound` */
  readonly url: string;
  readonly received: ReceivedWebhook[];
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

const toRecord = (search: string) => Object.fromEntries(new URLSearchParams(search));

export async function startWebhookTarget(authToken: string): Promise<WebhookTarget> {
  const received: ReceivedWebhook[] = [];
  let responder: Responder = () => 200;
  const server = http.createServer((req, res) => {
    void (async () => {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const url = `${base}${req.url ?? '/'}`;
      const body = (await readBody(req)).toString('utf8');
      const isPost = req.method === 'POST';
      const params = isPost ? toRecord(body) : toRecord(url.split('?')[1] ?? '');
      const signature = String(req.headers['x-twilio-signature'] ?? '');
      // Twilio signs a GET's full URL with no parameters, a POST's URL plus its sorted parameters.
      const signatureValid = twilio.validateRequest(authToken, signature, url, isPost ? params : {});
      const hook: ReceivedWebhook = {
        method: req.method ?? '',
        url,
        params,
        contentType: req.headers['content-type'],
        signatureValid,
      };
      received.push(hook);
      const status = await responder(hook);
      res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
    })().catch((error: unknown) => {
      res.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/inbound`,
    received,
    respondWith(next) {
      responder = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A URL where nothing listens: a port that was just free. */
export async function unreachableUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/inbound`;
}

/**
 * A webhook target for the tests of one file on the sandbox `t`: started once, and before each
 * test — after a fresh TEST_RESET account and an empty exchange record — emptied and answering 200.
 */
export function setUpWebhookTarget(t: SandboxTestContext): { readonly target: WebhookTarget } {
  const holder: { target: WebhookTarget } = { target: undefined as unknown as WebhookTarget };
  beforeAll(async () => {
    holder.target = await startWebhookTarget(t.authToken);
  });
  afterAll(async () => {
    await holder.target.close();
  });
  beforeEach(async () => {
    await t.control.reset(TEST_RESET);
    holder.target.received.length = 0;
    holder.target.respondWith(() => 200);
    t.recorder.clear();
  });
  return holder;
}
