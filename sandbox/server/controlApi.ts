import Ajv from 'ajv';
import express, { type Request, type Response } from 'express';

import { type FaultInjector, NO_FAULTS, type FaultSettings } from './faults';
import { DEFAULT_RESET, RESET_LIMITS, type ResetCounts, type ResetOptions } from './generateAccount';
import { channelOf, fitsChannel } from './inbound/playInbound';
import type { InboundRequest, InboundResult } from './inbound/types';
import type { RequestLog } from './requestLog';
import type { WireResource } from './state';
import type { TokenAuthority } from './tokens';

const ajv = new Ajv({ allErrors: false, useDefaults: true });

const count = (maximum: number) => ({ type: 'integer', minimum: 0, maximum });
const rate = { type: 'number', minimum: 0, maximum: 1 };

const validateReset = ajv.compile<Partial<ResetOptions>>({
  type: 'object',
  additionalProperties: false,
  properties: {
    numbers: count(RESET_LIMITS.numbers),
    whatsappSenders: count(RESET_LIMITS.whatsappSenders),
    addresses: count(RESET_LIMITS.addresses),
    flexFlows: count(RESET_LIMITS.flexFlows),
    studioFlows: count(RESET_LIMITS.studioFlows),
    seed: { type: 'integer' },
    defaultServiceIsFlex: { type: 'boolean' },
    otherChannels: { type: 'boolean' },
    evidence: { type: 'boolean' },
    clock: { enum: ['fixed', 'wall'] },
    emailAddresses: count(RESET_LIMITS.emailAddresses),
    // Host names, as a domain is added in Flex › Manage › Email.
    emailDomains: {
      type: 'array',
      maxItems: RESET_LIMITS.emailDomains,
      items: {
        type: 'string',
        maxLength: 253,
        pattern: '^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$',
      },
    },
  },
});

const validateFaults = ajv.compile<Partial<FaultSettings> & { seed?: number }>({
  type: 'object',
  additionalProperties: false,
  properties: {
    latencyMs: { type: 'integer', minimum: 0, maximum: 60_000 },
    rate429: rate,
    rate500: rate,
    retryAfterSeconds: { type: 'integer', minimum: 0, maximum: 3600 },
    products: { type: 'array', items: { type: 'string' } },
    methods: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z]+$' } },
    pathIncludes: { type: 'string', maxLength: 1000 },
    holdAnswerMs: { type: 'integer', minimum: 0, maximum: 60_000 },
    rateReset: rate,
    seed: { type: 'integer' },
  },
});

/**
 * A customer's or the account's address: `+E164` for SMS, `whatsapp:+E164` for WhatsApp,
 * `messenger:<digits>` for Messenger, `local@domain` for email, else a chat address or a chat
 * customer's identity.
 */
const messagingAddress = {
  type: 'string',
  maxLength: 256,
  pattern:
    "^((whatsapp:)?\\+[1-9][0-9]{1,14}|messenger:[0-9]{1,20}|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,253}|[A-Za-z0-9][A-Za-z0-9._:@-]{0,255})$",
};

const validateInbound = ajv.compile<InboundRequest>({
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  properties: {
    from: messagingAddress,
    to: messagingAddress,
    // An SMS body is at most 1600 characters once Twilio has joined the segments.
    body: { type: 'string', maxLength: 1600 },
    // An email's subject: one header line (RFC 5322's 998 characters).
    subject: { type: 'string', maxLength: 998 },
  },
});

const validateCompleteTask = ajv.compile<{ reason?: string }>({
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', minLength: 1, maxLength: 1024 } },
});

const validateToken = ajv.compile<{ identity: string; roles: string[]; ttlSeconds?: number }>({
  type: 'object',
  additionalProperties: false,
  required: ['identity', 'roles'],
  properties: {
    identity: { type: 'string', minLength: 1, maxLength: 256 },
    roles: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 10 },
    // A negative TTL issues an already-expired token, which tests need.
    ttlSeconds: { type: 'integer', minimum: -86_400, maximum: 604_800 },
  },
});

export interface ControlTarget {
  reset(options: ResetOptions): ResetCounts;
  faults: FaultInjector;
  tokens: TokenAuthority;
  log: RequestLog;
  inbound: {
    play(request: InboundRequest): Promise<InboundResult>;
    /** Oldest first. */
    played(): InboundResult[];
  };
  tasks: {
    /** The task as completed, `undefined` for an unknown SID; throws for a task already final. */
    complete(sid: string, reason: string): WireResource | undefined;
  };
}

function badRequest(res: Response, message: string) {
  res.status(400).json({ error: { code: 'invalid_control_request', message } });
}

function errorText(errors: typeof validateReset.errors): string {
  const first = errors?.[0];
  if (!first) return 'invalid body';
  return `${first.instancePath || 'body'} ${first.message ?? 'is invalid'}`.trim();
}

/** `/_sandbox/*`: the JSON control API that tests and the host page use (see DESIGN.md). */
export function controlApi(target: ControlTarget): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '64kb' }));

  router.post('/reset', (req: Request, res: Response) => {
    const body: unknown = req.body ?? {};
    if (!validateReset(body)) return badRequest(res, errorText(validateReset.errors));
    const options: ResetOptions = { ...DEFAULT_RESET, ...body };
    target.log.clear();
    res.json({ ok: true, options, ...target.reset(options) });
  });

  router.get('/faults', (_req, res) => {
    res.json(target.faults.current());
  });

  router.post('/faults', (req: Request, res: Response) => {
    const body: unknown = req.body ?? {};
    if (!validateFaults(body)) return badRequest(res, errorText(validateFaults.errors));
    const { seed, ...settings } = body;
    res.json(target.faults.configure({ ...NO_FAULTS, ...settings }, seed));
  });

  router.post('/tokens', (req: Request, res: Response) => {
    const body: unknown = req.body ?? {};
    if (!validateToken(body)) return badRequest(res, errorText(validateToken.errors));
    const ttlSeconds = body.ttlSeconds ?? 3600;
    const issued = target.tokens.issue(body.identity, body.roles, ttlSeconds);
    res.json({ ...issued, identity: body.identity, roles: body.roles });
  });

  router.post('/inbound', async (req: Request, res: Response) => {
    const body: unknown = req.body ?? {};
    if (!validateInbound(body)) return badRequest(res, errorText(validateInbound.errors));
    const channel = channelOf(body.to);
    if (!fitsChannel(body.from, channel)) {
      return badRequest(
        res,
        'from and to must be on the same channel (both +E164, both whatsapp:+E164, both messenger:<id>, both email addresses, or a chat identity to a chat address)',
      );
    }
    if (body.subject !== undefined && channel !== 'email') return badRequest(res, 'subject is for an email only');
    res.json(await target.inbound.play(body));
  });

  router.get('/inbound', (_req, res) => {
    const events = target.inbound.played();
    res.json({ count: events.length, events });
  });

  router.post('/tasks/:sid/complete', (req: Request, res: Response) => {
    const body: unknown = req.body ?? {};
    if (!validateCompleteTask(body)) return badRequest(res, errorText(validateCompleteTask.errors));
    const sid = String(req.params.sid);
    try {
      const task = target.tasks.complete(sid, body.reason ?? 'completed by the sandbox control API');
      if (!task)
        return res.status(404).json({ error: { code: 'unknown_task', message: `No task ${sid} in the account` } });
      res.json(task);
    } catch (error) {
      res
        .status(409)
        .json({ error: { code: 'task_final', message: error instanceof Error ? error.message : String(error) } });
    }
  });

  router.get('/requests', (_req, res) => {
    const requests = target.log.list();
    res.json({ count: requests.length, requests });
  });

  router.delete('/requests', (_req, res) => {
    target.log.clear();
    res.status(204).end();
  });

  return router;
}
