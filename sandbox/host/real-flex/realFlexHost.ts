/**
 * The real-Flex host's server side, mounted on the host page server: the boot script and service
 * worker, the bundled Flex UI runtime, the answers to Flex's Twilio requests, their log, and the
 * page's websockets to Twilio's hosts.
 */
import type http from 'node:http';
import path from 'node:path';

import express, { type Request, type Response } from 'express';
import { WebSocketServer, type WebSocket } from 'ws';

import { bundleBrowserScript } from '../browserBundle';
import { HTTP_PREFIX, twilioUrlFor, WS_PREFIX } from './browser/twilioHosts';
import { bundleFlexUi, installedFlexUiVersion, type FlexUiBundle } from './bundleFlexUi';
import { handleEventBridgeConnection } from './sockets/eventBridgeServer';
import { handleTwilsockConnection } from './sockets/twilsockServer';
import { findStartupEndpoint, flexUserOf, StartupLog, type StartupContext } from './startupAnswers';

/** How the host answers a websocket meant for a Twilio host (twilsock, TaskRouter's event bridge). */
export type TwilioSocketHandler = (socket: WebSocket, twilioUrl: URL) => void;

export interface RealFlexOptions {
  context: Omit<StartupContext, 'hostOrigin' | 'flexVersion'>;
  /**
   * Websocket handlers by Twilio host name pattern (default: twilsock and TaskRouter's event
   * bridge, sockets/); a socket no handler takes is held open unanswered, as a silent service.
   */
  sockets?: { host: RegExp; name: string; handle: TwilioSocketHandler }[];
}

export interface RealFlexHost {
  router: express.Router;
  /** Takes the page's websocket upgrades under /_flex/ws/. */
  attach(server: http.Server): void;
  /** The bundled runtime: built (or read from the cache) on first call, then the same promise. */
  runtime(): Promise<FlexUiBundle>;
}

export async function createRealFlexHost(options: RealFlexOptions): Promise<RealFlexHost> {
  const [bootJs, serviceWorkerJs] = await Promise.all([
    bundleBrowserScript(path.join(__dirname, 'browser', 'boot.ts')),
    bundleBrowserScript(path.join(__dirname, 'browser', 'serviceWorker.ts')),
  ]);
  let bundling: Promise<FlexUiBundle> | undefined;
  const runtime = () => (bundling ??= bundleFlexUi());
  const flexVersion = installedFlexUiVersion();
  const log = new StartupLog();
  const context = { ...options.context, hostOrigin: '', flexVersion };
  const validate = (token: string) => flexUserOf(context, token);
  const socketHandlers = options.sockets ?? [
    {
      host: /^tsock(\.[a-z0-9-]+)*\.twilio\.com$/,
      name: 'twilsock',
      // A request tunnelled over twilsock that has no answer goes in the start-up log as
      // unanswered (endpoint null), which the start-up test refuses, as for an HTTP request.
      handle: (ws: WebSocket, url: URL) =>
        handleTwilsockConnection(ws, url, validate, (request) =>
          log.add({
            at: new Date().toISOString(),
            method: `TWILSOCK ${request.method}`,
            url: `https://${request.host}${request.path.split('?')[0]}`,
            endpoint: null,
            status: 404,
          }),
        ),
    },
    {
      host: /^event-bridge(\.[a-z0-9-]+)*\.twilio\.com$/,
      name: "TaskRouter's event bridge",
      handle: (ws: WebSocket, url: URL) => handleEventBridgeConnection(ws, url, validate),
    },
  ];
  const router = express.Router();

  router.get('/_flex/boot.js', (_req, res) => {
    res.type('js').set('Cache-Control', 'no-store').send(bootJs);
  });

  // At /_flex/ but controlling the whole origin, as Flex's routes live at the root.
  router.get('/_flex/sw.js', (_req, res) => {
    res.type('js').set({ 'Cache-Control': 'no-store', 'Service-Worker-Allowed': '/' }).send(serviceWorkerJs);
  });

  router.get('/_flex/twilio-flex.js', async (_req, res) => {
    try {
      const bundle = await runtime();
      res.type('js').set('Cache-Control', 'no-cache').send(bundle.js);
    } catch (error) {
      res
        .status(500)
        .type('text')
        .send(`Bundling @twilio/flex-ui failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });

  /** Which Flex UI the host runs, once it is bundled (tests wait on this before timing a boot). */
  router.get('/_flex/runtime', async (_req, res) => {
    try {
      const bundle = await runtime();
      res.json({ flexUiVersion: bundle.version, bytes: bundle.js.length });
    } catch (error) {
      res.status(500).json({
        error: { code: 'flex_bundle_failed', message: error instanceof Error ? error.message : String(error) },
      });
    }
  });

  router.get('/_flex/requests', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ requests: log.list() });
  });
  router.delete('/_flex/requests', (_req, res) => {
    log.clear();
    res.status(204).end();
  });

  router.all(
    /^\/_flex\/http\//,
    express.text({ type: () => true, limit: '1mb' }),
    async (req: Request, res: Response) => {
      const twilioUrl = twilioUrlFor(req.originalUrl, HTTP_PREFIX, 'https');
      if (!twilioUrl) return res.status(404).type('text').send('Not a Twilio host');
      const endpoint = findStartupEndpoint(req.method, twilioUrl);
      const entry = {
        at: new Date().toISOString(),
        method: req.method,
        url: `${twilioUrl.origin}${twilioUrl.pathname}`,
        endpoint: endpoint?.name ?? null,
      };
      if (!endpoint) {
        log.add({ ...entry, status: 404 });
        return res.status(404).json({
          status: 404,
          code: 20404,
          message: `The real-Flex host has no answer for ${req.method} ${entry.url} (sandbox/host/real-flex/startupAnswers.ts).`,
        });
      }
      try {
        const hostOrigin = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
        const answer = await endpoint.answer(
          { method: req.method, url: twilioUrl, body: typeof req.body === 'string' ? req.body : '' },
          { ...options.context, hostOrigin, flexVersion },
        );
        log.add({ ...entry, status: answer.status });
        if (answer.contentType) {
          res
            .status(answer.status)
            .type(answer.contentType)
            .send(Buffer.isBuffer(answer.body) ? answer.body : String(answer.body));
        } else res.status(answer.status).json(answer.body);
      } catch (error) {
        log.add({ ...entry, status: 502 });
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`[real-flex] ${endpoint.name} failed: ${reason}`);
        res.status(502).json({ status: 502, code: 20500, message: `${endpoint.name}: ${reason}` });
      }
    },
  );

  const sockets = new WebSocketServer({ noServer: true });
  const attach = (server: http.Server) => {
    server.on('upgrade', (req: http.IncomingMessage, socket, head) => {
      const twilioUrl = req.url ? twilioUrlFor(req.url, WS_PREFIX, 'wss') : undefined;
      if (!twilioUrl) {
        socket.destroy();
        return;
      }
      const handler = socketHandlers.find((candidate) => candidate.host.test(twilioUrl.hostname));
      sockets.handleUpgrade(req, socket, head, (ws) => {
        log.add({
          at: new Date().toISOString(),
          method: 'WEBSOCKET',
          url: `${twilioUrl.origin}${twilioUrl.pathname}`,
          endpoint: handler ? `WEBSOCKET ${twilioUrl.origin}${twilioUrl.pathname}` : null,
          status: 101,
        });
        // Unanswered, like a Twilio service that never replies: the SDK times out on its own.
        if (handler) handler.handle(ws, twilioUrl);
      });
    });
  };

  return { router, attach, runtime };
}
