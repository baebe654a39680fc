import fs from 'node:fs';
import path from 'node:path';

import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats';
import OpenAPIBackend, { type Document, type Operation } from 'openapi-backend';

import type { OperationHandlers } from './operation';
import type { PageLimits } from './pagination';
import { api2010Handlers } from './resources/api2010';
import { conversationsHandlers } from './resources/conversations';
import { flexHandlers } from './resources/flex';
import { messagingV1Handlers, messagingV2Handlers } from './resources/messaging';
import { monitorHandlers } from './resources/monitor';
import { studioHandlers } from './resources/studio';
import { syncHandlers } from './resources/sync';
import { taskrouterHandlers } from './resources/taskrouter';

export const SPEC_DIR = path.resolve(__dirname, '..', 'openapi');

/** Which spec file serves which Twilio product (the host's first label), and its handlers. */
const SPEC_FILES: { product: string; file: string; handlers: OperationHandlers }[] = [
  { product: 'api', file: 'twilio_api_v2010.subset.json', handlers: api2010Handlers },
  { product: 'conversations', file: 'twilio_conversations_v1.subset.json', handlers: conversationsHandlers },
  { product: 'flex-api', file: 'twilio_flex_v1.subset.json', handlers: flexHandlers },
  { product: 'studio', file: 'twilio_studio_v2.subset.json', handlers: studioHandlers },
  { product: 'taskrouter', file: 'twilio_taskrouter_v1.subset.json', handlers: taskrouterHandlers },
  { product: 'messaging', file: 'twilio_messaging_v1.subset.json', handlers: messagingV1Handlers },
  { product: 'messaging', file: 'twilio_messaging_v2.subset.json', handlers: messagingV2Handlers },
  { product: 'sync', file: 'twilio_sync_v1.subset.json', handlers: syncHandlers },
  { product: 'monitor', file: 'twilio_monitor_v1.subset.json', handlers: monitorHandlers },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Mechanical fixes for three spots where Twilio's specs break OpenAPI 3.0 / Ajv rules, keeping
 * their meaning: `nullable` without a `type` (Ajv refuses it) is dropped where any value is
 * allowed anyway, or turns a `$ref` into `anyOf [$ref, null]`; vendor annotations (`x-…`) beside
 * a `$ref` (OpenAPI 3.0 allows no siblings there) are dropped; a nullable `enum` lists null.
 */
export function normaliseSpec(node: Json): Json {
  if (Array.isArray(node)) return node.map(normaliseSpec);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof node.$ref === 'string' && key.startsWith('x-')) continue;
    out[key] = normaliseSpec(value);
  }
  // OpenAPI 3.0.3 says a nullable enum must list null to allow it; Twilio's specs never do, but
  // mean it (their own examples send `"verification_method": null`).
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    if (typeof out.$ref === 'string') {
      out.anyOf = [{ $ref: out.$ref }, { type: 'null' }];
      delete out.$ref;
    }
  }
  return out;
}

const SID_PATTERN = /^\^[A-Z]{2}\[0-9a-fA-F\]\{32\}\$$/;

/**
 * Twilio sends "" for an unset SID (`"sms_application_sid": ""`, even in its own spec examples)
 * and takes "" to clear one (`SmsApplicationSid=`), though the schemas allow only the SID pattern;
 * so "" is accepted wherever a SID is, as the `uri` format below accepts "" for URLs.
 */
export function allowEmptySids(node: Json): Json {
  if (Array.isArray(node)) return node.map(allowEmptySids);
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) out[key] = allowEmptySids(value);
  if (typeof out.pattern === 'string' && SID_PATTERN.test(out.pattern)) {
    return { anyOf: [out, { type: 'string', maxLength: 0 }] };
  }
  return out;
}

const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;
const RFC_2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/** ajv-formats' full `uri` check is a function, not a RegExp. */
const isUri = fullFormats.uri as (value: string) => boolean;

/**
 * One Ajv per validation context. Form values arrive as strings and single values for list
 * parameters, so request validators coerce (`'array'` also wraps a lone value in a list).
 * Responses are checked strictly, except that `uri` fields may be "" — real Twilio sends "" for
 * unset URLs such as `sms_url`, and the contract says to treat it as "not set"; requests may send
 * "" too, which is how a URL parameter is cleared (`SmsUrl=`). Responses may also carry API 2010's
 * relative URIs.
 */
function makeAjv(context: string, baseOptions: object): Ajv {
  const isResponse = context.startsWith('response');
  const ajv = new Ajv({ ...baseOptions, strict: false, allErrors: true, coerceTypes: isResponse ? false : 'array' });
  addFormats(ajv);
  // API 2010 answers relative URIs (`uri`, `next_page_uri`: `/2010-04-01/…`) where its spec says `uri`.
  const isRelativeUri = (value: string) => isResponse && /^\/[^\s/]/.test(value);
  ajv.addFormat('uri', (value: string) => value === '' || isUri(value) || isRelativeUri(value));
  ajv.addFormat('http-method', HTTP_METHOD);
  ajv.addFormat('date-time-rfc-2822', RFC_2822);
  ajv.addFormat('int64', /^-?\d+$/);
  ajv.addFormat('phone-number', /^\S+$/);
  ajv.addFormat('uri-map', true);
  // ISO 4217 (API 2010's price_unit: `USD`).
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  ajv.addFormat('phone-number-capabilities', true);
  return ajv;
}

export interface MatchedOperation {
  backend: OpenAPIBackend;
  operation: Operation;
  handlers: OperationHandlers;
}

export interface SpecValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

export class SpecRegistry {
  private constructor(
    private readonly apis: { product: string; backend: OpenAPIBackend; handlers: OperationHandlers }[],
  ) {}

  static async load(): Promise<SpecRegistry> {
    const apis = await Promise.all(
      SPEC_FILES.map(async ({ product, file, handlers }) => {
        const definition = allowEmptySids(
          normaliseSpec(JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8')) as Json),
        );
        const backend = new OpenAPIBackend({
          definition: definition as unknown as Document,
          validate: true,
          quick: false,
          customizeAjv: (_ajv, options, context) => makeAjv(String(context), options),
        });
        await backend.init();
        for (const operation of backend.getOperations()) {
          if (!handlers[operation.operationId ?? '']) {
            throw new Error(`No sandbox handler for ${product} ${operation.operationId}`);
          }
        }
        return { product, backend, handlers };
      }),
    );
    return new SpecRegistry(apis);
  }

  /** How many OpenAPI spec files were loaded (one per product version). */
  get specCount(): number {
    return this.apis.length;
  }

  get products(): string[] {
    return [...new Set(this.apis.map((a) => a.product))];
  }

  match(product: string, method: string, pathname: string): MatchedOperation | undefined {
    for (const api of this.apis) {
      if (api.product !== product) continue;
      const operation = api.backend.matchOperation({ method, path: pathname, headers: {} });
      if (operation) return { backend: api.backend, operation, handlers: api.handlers };
    }
    return undefined;
  }

  /** Validates a response body against the spec's schema for its status code. */
  validateResponse(
    product: string,
    method: string,
    pathname: string,
    status: number,
    body: unknown,
  ): SpecValidationResult {
    const matched = this.match(product, method, pathname);
    if (!matched)
      return {
        valid: false,
        errors: [{ message: `no spec operation for ${method} ${product}${pathname}` } as ErrorObject],
      };
    const declared = matched.operation.responses ?? {};
    if (!declared[String(status)]) {
      return {
        valid: false,
        errors: [{ message: `status ${status} is not declared for ${matched.operation.operationId}` } as ErrorObject],
      };
    }
    if (status === 204) {
      const empty = body === undefined || body === '' || body === null;
      return { valid: empty, errors: empty ? [] : [{ message: '204 must have an empty body' } as ErrorObject] };
    }
    const result = matched.backend.validateResponse(body, matched.operation, status);
    return { valid: result.valid, errors: result.errors ?? [] };
  }
}

/** The query and body parameter names an operation declares (path parameters are in the route). */
export function declaredParameters(operation: Operation): { query: Set<string>; body: Set<string> } {
  const query = new Set<string>();
  for (const param of operation.parameters ?? []) {
    if ('name' in param && param.in === 'query') query.add(param.name);
  }
  const body = new Set<string>();
  const content = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : {};
  for (const media of Object.values(content)) {
    const properties = (media.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    for (const name of Object.keys(properties)) body.add(name);
  }
  return { query, body };
}

/**
 * The names in `values` the operation does not declare. Twilio ignores such a parameter, so a
 * client sending one believes it set something it did not; the sandbox drops them (never stores
 * them) and, when strict, records each as a violation.
 */
export function undeclaredNames(values: Record<string, unknown>, declared: Set<string>): string[] {
  return Object.keys(values).filter((name) => !declared.has(name));
}

/** The PageSize default and maximum a list operation declares. */
export function pageLimitsOf(operation: Operation): PageLimits {
  const param = (operation.parameters ?? []).find((p) => 'name' in p && p.name === 'PageSize');
  const schema = (param && 'schema' in param ? param.schema : undefined) as
    { maximum?: number; default?: number } | undefined;
  return { defaultSize: schema?.default ?? 50, maxSize: schema?.maximum ?? 1000 };
}

type EnumSchema = { enum?: unknown[]; items?: { enum?: unknown[] } };

function enumOf(schema: EnumSchema | undefined): string[] | undefined {
  const values = schema?.enum ?? schema?.items?.enum;
  return values?.filter((v): v is string => typeof v === 'string');
}

/**
 * Twilio matches enum values case-insensitively (an address takes `Type=WhatsApp` and
 * `AutoCreation.WebhookMethod=POST` for the spec's `whatsapp` and `post`), so a query or form value
 * that equals an enum value but for case is rewritten to the spec's spelling before validation.
 */
export function canonicaliseEnumCase(
  operation: Operation,
  query: Record<string, string | string[]>,
  body: Record<string, unknown>,
): void {
  const respell = (values: Record<string, unknown>, name: string, allowed: string[] | undefined) => {
    const value = values[name];
    if (!allowed || value === undefined) return;
    const one = (v: unknown) =>
      typeof v === 'string' ? (allowed.find((a) => a.toLowerCase() === v.toLowerCase()) ?? v) : v;
    values[name] = Array.isArray(value) ? value.map(one) : one(value);
  };
  for (const param of operation.parameters ?? []) {
    if ('name' in param && param.in === 'query') respell(query, param.name, enumOf(param.schema as EnumSchema));
  }
  const content = operation.requestBody && 'content' in operation.requestBody ? operation.requestBody.content : {};
  for (const media of Object.values(content)) {
    const properties = (media.schema as { properties?: Record<string, EnumSchema> } | undefined)?.properties ?? {};
    for (const [name, schema] of Object.entries(properties)) respell(body, name, enumOf(schema));
  }
}

/** Ajv errors → the one-line message Twilio would give for a bad parameter. */
export function describeValidationErrors(errors: ErrorObject[]): string {
  const first = errors[0];
  if (!first) return 'Invalid request';
  const where = first.instancePath.replace(/^\/(requestBody|query|path|header)\/?/, '');
  const location = first.instancePath.startsWith('/requestBody') ? 'in the post body' : 'in the request';
  if (first.keyword === 'required') {
    return `Missing required parameter ${String((first.params as { missingProperty: string }).missingProperty)} ${location}`;
  }
  if (first.keyword === 'enum') {
    const allowed = (first.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return `Invalid value for parameter ${where}: must be one of ${allowed}`;
  }
  return `Invalid value for parameter ${where || 'request'}: ${first.message ?? 'invalid'}`;
}
