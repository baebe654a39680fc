/**
 * Property-based tests of the three write functions: whatever a caller sends — valid requests,
 * near-misses, junk — the backend answers 200 or a 4xx with `{error: {code, message}}`, never a
 * 5xx, and every write that reaches Twilio (read from the sandbox's request log) carries only
 * valid data. A fixed seed makes every failure reproduce; fast-check prints the shrunk input.
 */
import fc from 'fast-check';

import type { LoggedRequest } from '../../sandbox/server/requestLog';
import { WEBHOOK_FILTERS } from '../../src/contract/types';
import { MAX_PAYLOAD_BYTES } from '../src/http/flexFunction';
import { addressWrites, errorBodyProblems, setUpBackend, type CallOptions } from './harness';

const SEED = 20_261_122;
const RUNS = 1000;
/** The account each property starts from: enough addresses to update and delete. */
const PROPERTY_RESET = { numbers: 30, addresses: 60, seed: 5 };

const t = setUpBackend(PROPERTY_RESET);

// ---------------------------------------------------------------------------------------------
// What a valid write to Twilio looks like (an oracle written from the contract, not from the code)

const E164 = /^\+[1-9][0-9]{1,14}$/;
const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
const ADDRESS_PATH = /^\/v1\/Configuration\/Addresses(?:\/(.*))?$/;
const SETTINGS_PARAMS = [
  'FriendlyName',
  'AutoCreation.Enabled',
  'AutoCreation.Type',
  'AutoCreation.ConversationServiceSid',
  'AutoCreation.WebhookUrl',
  'AutoCreation.WebhookMethod',
  'AutoCreation.WebhookFilters',
  'AutoCreation.StudioFlowSid',
  'AutoCreation.StudioRetryCount',
];
const STUDIO_PARAMS = ['AutoCreation.StudioFlowSid', 'AutoCreation.StudioRetryCount'];
const WEBHOOK_PARAMS = ['AutoCreation.WebhookUrl', 'AutoCreation.WebhookMethod', 'AutoCreation.WebhookFilters'];

/** Hosts Twilio cannot reach from the internet that the generated bad URLs name (as the URL parser writes them). */
const UNREACHABLE_HOSTS = new Set(['10.0.0.1', '169.254.169.254', '[fd00:ec2::254]']);

/**
 * An absolute https URL with a host, exactly as written: nothing the URL parser would have to
 * repair, no user name or password (no `@` before the path), and none of UNREACHABLE_HOSTS.
 */
function isAbsoluteHttps(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(value) || !/^https:\/\/[^/?#]+/i.test(value)) return false;
  if (/^https:\/\/[^/]*@/i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' && !UNREACHABLE_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const one = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length === 1 ? String(value[0]) : `(${value.length} values)`;
  return String(value);
};

function settingsProblems(params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const has = (name: string) => params[name] !== undefined;
  const friendlyName = params.FriendlyName;
  if (has('FriendlyName') && (typeof friendlyName !== 'string' || [...friendlyName].length > 256)) {
    problems.push(`FriendlyName is not a string of at most 256 characters: ${JSON.stringify(friendlyName)}`);
  }
  if (!/^(true|false)$/.test(one(params['AutoCreation.Enabled']) ?? '')) {
    problems.push(`AutoCreation.Enabled is not true/false: ${JSON.stringify(params['AutoCreation.Enabled'])}`);
  }
  const type = one(params['AutoCreation.Type']);
  if (!['studio', 'webhook', 'default'].includes(type ?? '')) {
    problems.push(`AutoCreation.Type is not studio/webhook/default: ${JSON.stringify(type)}`);
  }
  if (
    has('AutoCreation.ConversationServiceSid') &&
    !SID('IS').test(one(params['AutoCreation.ConversationServiceSid']) ?? '')
  ) {
    problems.push(
      `AutoCreation.ConversationServiceSid is not IS…: ${JSON.stringify(params['AutoCreation.ConversationServiceSid'])}`,
    );
  }
  if (type === 'studio') {
    if (!SID('FW').test(one(params['AutoCreation.StudioFlowSid']) ?? '')) {
      problems.push(`AutoCreation.StudioFlowSid is not FW…: ${JSON.stringify(params['AutoCreation.StudioFlowSid'])}`);
    }
    if (!/^[0-3]$/.test(one(params['AutoCreation.StudioRetryCount']) ?? '')) {
      problems.push(
        `AutoCreation.StudioRetryCount is not 0–3: ${JSON.stringify(params['AutoCreation.StudioRetryCount'])}`,
      );
    }
  }
  if (type === 'webhook') {
    const url = one(params['AutoCreation.WebhookUrl']) ?? '';
    if (!isAbsoluteHttps(url)) problems.push(`AutoCreation.WebhookUrl is not absolute https: ${JSON.stringify(url)}`);
    if (!/^(get|post)$/.test(one(params['AutoCreation.WebhookMethod']) ?? '')) {
      problems.push(
        `AutoCreation.WebhookMethod is not get/post: ${JSON.stringify(params['AutoCreation.WebhookMethod'])}`,
      );
    }
    const filters = has('AutoCreation.WebhookFilters') ? asList(params['AutoCreation.WebhookFilters']) : [];
    if (
      filters.some((f) => !(WEBHOOK_FILTERS as readonly unknown[]).includes(f)) ||
      new Set(filters).size !== filters.length
    ) {
      problems.push(`AutoCreation.WebhookFilters has unknown or repeated filters: ${JSON.stringify(filters)}`);
    }
  }
  // The settings of the other integrations are not sent along.
  const foreign = [...(type === 'studio' ? [] : STUDIO_PARAMS), ...(type === 'webhook' ? [] : WEBHOOK_PARAMS)];
  for (const name of foreign) if (has(name)) problems.push(`${name} sent for AutoCreation.Type ${type}`);
  return problems;
}

/** Everything wrong with one request that could change an address configuration. */
function addressWriteProblems(entry: LoggedRequest): string[] {
  const where = `${entry.method} ${entry.path}`;
  const match = ADDRESS_PATH.exec(entry.path);
  if (entry.product !== 'conversations' || !match) return [`${where}: not an address configuration path`];
  const sid = match[1];
  const params = entry.params;
  const names = Object.keys(params);
  const problems: string[] = [];
  if (entry.method === 'POST' && sid === undefined) {
    const type = one(params.Type);
    const address = one(params.Address) ?? '';
    if (type === 'sms') {
      if (!E164.test(address)) problems.push(`Address is not E.164 for sms: ${JSON.stringify(address)}`);
    } else if (type === 'whatsapp') {
      if (!(address.startsWith('whatsapp:') && E164.test(address.slice('whatsapp:'.length)))) {
        problems.push(`Address is not whatsapp:+E.164: ${JSON.stringify(address)}`);
      }
    } else {
      problems.push(`Type is not sms/whatsapp: ${JSON.stringify(params.Type)}`);
    }
    const unexpected = names.filter((n) => !['Type', 'Address', ...SETTINGS_PARAMS].includes(n));
    if (unexpected.length > 0) problems.push(`unexpected parameters: ${unexpected.join(', ')}`);
    problems.push(...settingsProblems(params));
  } else if (entry.method === 'POST') {
    if (!SID('IG').test(sid ?? '')) problems.push(`the path SID is not IG…: ${JSON.stringify(sid)}`);
    const unexpected = names.filter((n) => !SETTINGS_PARAMS.includes(n));
    if (unexpected.length > 0) problems.push(`unexpected parameters for an update: ${unexpected.join(', ')}`);
    problems.push(...settingsProblems(params));
  } else if (entry.method === 'DELETE' && sid !== undefined) {
    if (!SID('IG').test(sid)) problems.push(`the path SID is not IG…: ${JSON.stringify(sid)}`);
    if (names.length > 0) problems.push(`a delete with parameters: ${names.join(', ')}`);
  } else {
    problems.push('not a create, update or delete');
  }
  return problems.map((p) => `${where}: ${p}`);
}

// ---------------------------------------------------------------------------------------------
// Generators

const hexDigits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: length, maxLength: length });
const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const validSid = (prefix: string) => hexDigits(32).map((hex) => `${prefix}${hex}`);

/** JSON junk of every shape, for any field. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e21, '', ' ', '0', 'null', '[]', '{}'),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const hugeString = fc.integer({ min: 257, max: 14_000 }).map((n) => 'ü'.repeat(n));

const badSid = (prefix: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: validSid(prefix).map((s) => s.slice(0, -1)) },
    { weight: 3, arbitrary: validSid(prefix).map((s) => `${s}0`) },
    validSid(prefix).map((s) => s.toLowerCase()),
    validSid(prefix).map((s) => ` ${s}`),
    validSid(prefix).map((s) => `${s}\n`),
    validSid(prefix).map((s) => `${s.slice(0, 20)}g${s.slice(21)}`),
    validSid(prefix).map((s) => `${s.slice(0, 33)}/`),
    validSid(prefix).map((s) => `${s}/../../Services`),
    hexDigits(32).map((hex) => `XX${hex}`),
    fc.constantFrom('IG', 'FW', 'IS').chain((other) => (other === prefix ? validSid('XE') : validSid(other))),
    fc.constant('whatsapp:+14155550123'),
    fc.constant('+14155550123'),
    junk,
  );

const e164 = fc.tuple(fc.integer({ min: 1, max: 9 }), digits(1, 14)).map(([first, rest]) => `+${first}${rest}`);
const badE164: fc.Arbitrary<string> = fc.oneof(
  digits(2, 15),
  digits(1, 14).map((rest) => `+0${rest}`),
  digits(15, 20).map((rest) => `+1${rest}`),
  fc.constant('+'),
  fc.constant('+1'),
  e164.map((n) => `${n.slice(0, 3)} ${n.slice(3)}`),
  e164.map((n) => n.replace(/(\d{3})$/, '-$1')),
  e164.map((n) => `tel:${n}`),
  e164.map((n) => `${n}x`),
  e164.map((n) => n.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))), // Arabic-Indic digits
  e164.map((n) => n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))), // full-width digits
  e164.map((n) => `＋${n.slice(1)}`),
  e164.map((n) => `${n}\n+1`),
);
const whatsappMistakes: fc.Arbitrary<string> = fc.oneof(
  e164.map((n) => `whatsapp${n}`),
  e164.map((n) => `WhatsApp:${n}`),
  e164.map((n) => `WHATSAPP:${n}`),
  e164.map((n) => `whatsapp: ${n}`),
  e164.map((n) => `whatsapp:${n.slice(1)}`),
  e164.map((n) => `whatsapp:whatsapp:${n}`),
  e164.map((n) => ` whatsapp :${n}`),
  badE164.map((n) => `whatsapp:${n}`),
  fc.constant('whatsapp:'),
);

const validHttpsUrl = fc.oneof(
  fc
    .webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true })
    // `https://a.aa#@x` reads as a user name to a naive parser: refused (an @ before the path).
    .filter((u) => !/^https:\/\/[^/]*@/i.test(u)),
  fc.constantFrom('https://example.com/inbound', 'https://owl-1234.twil.io/inbound?x=1', 'HTTPS://EXAMPLE.COM/A'),
);
/** URLs the WHATWG parser quietly repairs (so `new URL` accepts them), though they are not as written. */
const repairedUrl: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'https:example.com/inbound',
    'https:/example.com/inbound',
    'https:///example.com/inbound',
    'https:\\\\example.com\\inbound',
    'https://example.com\\inbound',
  ),
  validHttpsUrl.map((u) => ` ${u}`),
  validHttpsUrl.map((u) => `${u}\n`),
  validHttpsUrl.map((u) => `${u.slice(0, 10)}\t${u.slice(10)}`),
  validHttpsUrl.map((u) => `${u.slice(0, 12)}\r\n${u.slice(12)}`),
  validHttpsUrl.map((u) => `${u}/a b`),
);
const badUrl: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: repairedUrl },
  fc.webUrl({ validSchemes: ['http'] }),
  fc.webUrl({ validSchemes: ['ftp', 'ws', 'wss'] }),
  fc.constantFrom(
    '/inbound',
    'inbound',
    './inbound',
    '//example.com/inbound',
    'example.com/inbound',
    'https://',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'file:///etc/passwd',
    'https://exa mple.com/',
    // Credentials, and hosts Twilio cannot reach from the internet (the loopback ones pass here:
    // the tests' backend runs against the local sandbox).
    'https://user:secret@example.com/inbound',
    'https://example.com#@localhost/',
    'https://10.0.0.1/inbound',
    'https://167772161/inbound',
    'https://169.254.169.254/latest/meta-data/',
    'https://0xa9fea9fe/',
    'https://[fd00:ec2::254]/',
    'https://[::1',
  ),
  validHttpsUrl.map((u) => `https://example.com/${'a'.repeat(2100)}${u.length}`),
  junk,
);

const validFilters = fc.subarray([...WEBHOOK_FILTERS]);
const badFilters: fc.Arbitrary<unknown> = fc.oneof(
  validFilters.map((f) => [...f, 'onConversationAdded']),
  validFilters.map((f) => [...f, 'onmessageadded']),
  validFilters.map((f) => [...f, 'onMessageAdded ']),
  fc.constant(['onMessageAdded', 'onMessageAdded']),
  fc.constant('onMessageAdded'),
  fc.constant('onMessageAdded,onParticipantAdded'),
  fc.array(junk, { minLength: 1, maxLength: 3 }),
  junk,
);

const validRetryCount = fc.integer({ min: 0, max: 3 });
const badRetryCount: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(-1, 4) },
  { weight: 2, arbitrary: fc.constantFrom(0.5, 2.5, 3.5) },
  fc.integer({ min: -1000, max: -1 }),
  fc.integer({ min: 4, max: 1_000_000 }),
  fc.double({ min: 0.01, max: 2.99, noNaN: true }).filter((d) => !Number.isInteger(d)),
  fc.constantFrom('3', '0', '', '1.0', 1e21, -1e-7, 3.0000001),
  junk,
);

/**
 * Placeholder for "a resource of this kind that exists when the request is sent": the n-th
 * address, Studio flow, conversation service or phone number (its E.164 number, padded with spaces
 * when `padded`; `freeNumber`: one without an address yet) the account has then. A write must name resources that exist (else 400
 * resource_not_found), so valid requests mostly name existing ones, sometimes made-up ones.
 */
type ExistingKind = 'address' | 'studioFlow' | 'service' | 'number' | 'freeNumber';
interface Existing {
  $existing: ExistingKind;
  n: number;
  padded?: boolean;
}
const existing = (kind: ExistingKind, padded = false) =>
  fc.nat(1000).map((n): Existing => ({ $existing: kind, n, ...(padded ? { padded } : {}) }));
const existingOrMadeUp = (kind: ExistingKind, madeUp: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 12, arbitrary: existing(kind) }, { weight: 1, arbitrary: madeUp });

const studio = fc.record({
  type: fc.constant('studio'),
  studioFlowSid: existingOrMadeUp('studioFlow', validSid('FW')),
  retryCount: validRetryCount,
});
const webhook = fc.record({
  type: fc.constant('webhook'),
  webhookUrl: validHttpsUrl,
  webhookMethod: fc.constantFrom('GET', 'POST'),
  webhookFilters: validFilters,
});
const validIntegration = fc.oneof(studio, webhook, fc.constant({ type: 'default' }));

const validFriendlyName = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constant('x'.repeat(256)),
);
const validSettings = fc.record(
  {
    friendlyName: validFriendlyName,
    autoCreationEnabled: fc.boolean(),
    integration: validIntegration,
    conversationServiceSid: existingOrMadeUp('service', validSid('IS')),
  },
  { requiredKeys: ['autoCreationEnabled', 'integration'] },
);

const validCreate = fc
  .oneof(
    fc.tuple(
      fc.constant('sms'),
      fc.oneof(
        { weight: 8, arbitrary: existing('freeNumber') },
        { weight: 3, arbitrary: existing('number') },
        { weight: 1, arbitrary: e164 },
      ),
    ),
    fc.tuple(
      fc.constant('whatsapp'),
      e164.map((n) => `whatsapp:${n}`),
    ),
    // Leading and trailing spaces around an address are forgiven (the dialog trims them too).
    fc.tuple(fc.constant('sms'), existing('freeNumber', true)),
  )
  .chain(([type, address]) => validSettings.map((settings) => ({ type, address, ...settings })));

const someAddressSid = fc.oneof(
  { weight: 3, arbitrary: existing('address') },
  { weight: 1, arbitrary: validSid('IG') },
);

const validUpdate = fc
  .tuple(someAddressSid, validSettings)
  .map(([sid, settings]) => ({ sid, ...settings }) as Record<string, unknown>);
const validDelete = someAddressSid.map((sid) => ({ sid }) as Record<string, unknown>);

/** One change that (usually) makes a request invalid: a field set to a bad value, removed, or added. */
type Mutation = { path: string[]; value: unknown } | { path: string[]; remove: true };

const set = (path: string[], value: fc.Arbitrary<unknown>) => value.map((v): Mutation => ({ path, value: v }));
const remove = (...path: string[]): fc.Arbitrary<Mutation> => fc.constant({ path, remove: true });

/** The integration replaced by one of a real type with one thing wrong, so the type cannot mask it. */
const integrationIs = (integration: fc.Arbitrary<unknown>) => set(['integration'], integration);
const badMethod = fc.oneof(fc.constantFrom('get', 'post', 'PUT', 'DELETE', ''), junk);
const badIntegrationType = fc.oneof(fc.constantFrom('Studio', 'WEBHOOK', 'flex', 'default ', ''), junk);

const settingsMutations: fc.Arbitrary<Mutation>[] = [
  set(['friendlyName'], fc.oneof(hugeString, junk)),
  set(['autoCreationEnabled'], fc.oneof(fc.constantFrom('true', 'false', 1, 0, 'yes'), junk)),
  remove('autoCreationEnabled'),
  set(['conversationServiceSid'], badSid('IS')),
  remove('integration'),
  integrationIs(studio.chain((s) => badRetryCount.map((retryCount) => ({ ...s, retryCount })))),
  integrationIs(studio.chain((s) => badSid('FW').map((studioFlowSid) => ({ ...s, studioFlowSid })))),
  integrationIs(studio.map(({ type, studioFlowSid }) => ({ type, studioFlowSid }))),
  integrationIs(studio.map(({ type, retryCount }) => ({ type, retryCount }))),
  integrationIs(webhook.chain((w) => badUrl.map((webhookUrl) => ({ ...w, webhookUrl })))),
  integrationIs(webhook.chain((w) => repairedUrl.map((webhookUrl) => ({ ...w, webhookUrl })))),
  integrationIs(webhook.chain((w) => badMethod.map((webhookMethod) => ({ ...w, webhookMethod })))),
  integrationIs(webhook.chain((w) => badFilters.map((webhookFilters) => ({ ...w, webhookFilters })))),
  integrationIs(webhook.map(({ type, webhookMethod, webhookFilters }) => ({ type, webhookMethod, webhookFilters }))),
  // Settings of another integration mixed in, or keys no integration has.
  integrationIs(fc.tuple(studio, webhook).map(([s, w]) => ({ ...s, ...w, type: 'studio' }))),
  integrationIs(fc.tuple(studio, webhook).map(([s, w]) => ({ ...s, ...w, type: 'webhook' }))),
  integrationIs(studio.map((s) => ({ ...s, type: 'default' }))),
  integrationIs(validIntegration.map((i) => ({ ...i, enabled: true }))),
  integrationIs(validIntegration.chain((i) => badIntegrationType.map((type) => ({ ...i, type })))),
  integrationIs(
    fc.oneof(
      validIntegration.map((i) => [i]),
      junk,
    ),
  ),
  set(['extra'], junk),
  set(['__proto__'], fc.constant({ admin: true })),
  set(['Token'], fc.string()),
];
const createMutations = fc.oneof(
  ...settingsMutations,
  set(['type'], fc.oneof(fc.constantFrom('SMS', 'WhatsApp', 'messenger', 'chat', 'email', 'sms '), junk)),
  remove('type'),
  set(['address'], fc.oneof(badE164, whatsappMistakes, hugeString, junk)),
  // The address of the other type: an SMS number for a WhatsApp address and the reverse.
  set(
    ['address'],
    fc.oneof(
      e164,
      e164.map((n) => `whatsapp:${n}`),
    ),
  ),
  remove('address'),
  set(['sid'], validSid('IG')),
  set(['addressCountry'], fc.constant('US')),
);
const updateMutations = fc.oneof(
  ...settingsMutations,
  set(['sid'], badSid('IG')),
  remove('sid'),
  set(['type'], fc.constantFrom('sms', 'whatsapp')),
  set(['address'], e164),
);
const deleteMutations = fc.oneof(
  set(['sid'], badSid('IG')),
  remove('sid'),
  set(['sid'], fc.array(validSid('IG'), { minLength: 1, maxLength: 2 })),
  set(['extra'], junk),
  set(['type'], fc.constantFrom('sms', 'whatsapp')),
);

function mutate(payload: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  // A JSON copy, not structuredClone: that builds objects of another realm, which fast-check
  // prints as [object Object] in a counterexample.
  const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  for (const mutation of mutations) {
    let node: Record<string, unknown> = copy;
    for (const key of mutation.path.slice(0, -1)) {
      const child = node[key];
      if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = mutation.path[mutation.path.length - 1];
    if ('remove' in mutation) delete node[last];
    else
      Object.defineProperty(node, last, {
        value: mutation.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return copy;
}

type Input =
  | { kind: 'valid'; payload: Record<string, unknown> }
  | { kind: 'mutated'; payload: Record<string, unknown> }
  | { kind: 'junk'; payload: unknown }
  | { kind: 'raw'; rawPayload: string };

const nonJsonPayload = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('{', '}', "{'type':'sms'}", '{"type":"sms",}', 'undefined', 'NaN', '{"a":1}{"b":2}', '\u0000'),
  fc.jsonValue().map((v) => `${JSON.stringify(v)}x`),
  fc
    .integer({ min: MAX_PAYLOAD_BYTES - 100, max: MAX_PAYLOAD_BYTES + 2000 })
    .map((n) => `{"friendlyName":"${'a'.repeat(n)}"}`),
);

function inputs(valid: fc.Arbitrary<Record<string, unknown>>, mutations: fc.Arbitrary<Mutation>): fc.Arbitrary<Input> {
  return fc.oneof(
    { weight: 3, arbitrary: valid.map((payload): Input => ({ kind: 'valid', payload })) },
    // One thing wrong, so nothing else wrong hides it; and a few things wrong at once.
    {
      weight: 5,
      arbitrary: fc.tuple(valid, mutations).map(([payload, change]): Input => ({
        kind: 'mutated',
        payload: mutate(payload, [change]),
      })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(valid, fc.array(mutations, { minLength: 2, maxLength: 4 }))
        .map(([payload, changes]): Input => ({ kind: 'mutated', payload: mutate(payload, changes) })),
    },
    { weight: 1, arbitrary: junk.map((payload): Input => ({ kind: 'junk', payload })) },
    { weight: 1, arbitrary: nonJsonPayload.map((rawPayload): Input => ({ kind: 'raw', rawPayload })) },
  );
}

// ---------------------------------------------------------------------------------------------
// The property

/** What an `Existing` placeholder stands for in the account as it is now. */
function existingValue({ $existing: kind, n, padded }: Existing): string {
  if (t.sandbox.account.addresses.size === 0) t.reset(PROPERTY_RESET);
  const account = t.sandbox.account;
  const pick = <T>(all: T[]): T => all[n % all.length];
  switch (kind) {
    case 'address':
      return pick(account.addresses.all()).sid;
    case 'studioFlow':
      return String(pick(account.studioFlows.all()).sid);
    case 'service':
      return String(pick(account.conversationServices.all()).sid);
    case 'number':
    case 'freeNumber': {
      const numbers = () => account.incomingPhoneNumbers.all().map((n) => String(n.phone_number));
      const held = () => new Set(account.addresses.all().map((a) => a.address));
      if (kind === 'freeNumber' && numbers().every((n) => held().has(n))) {
        // Every number has an address: free one (the account is the sandbox's, in this process).
        const sms = account.addresses.all().find((a) => a.type === 'sms' && numbers().includes(a.address));
        if (sms) account.addresses.remove(sms.sid);
      }
      const number = pick(kind === 'number' ? numbers() : numbers().filter((n) => !held().has(n)));
      // Leading and trailing spaces around an address are forgiven (the dialog trims them too).
      return padded ? `  ${number} ` : number;
    }
  }
}

/** Replaces each `Existing` placeholder with the resource it stands for. */
function resolveExisting(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveExisting);
  if (value === null || typeof value !== 'object') return value;
  if ('$existing' in value) return existingValue(value as Existing);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveExisting(v)]));
}

interface RunStats {
  calls: number;
  byOutcome: Record<string, number>;
  writes: number;
  elapsedMs: number;
}

async function checkWrites(
  name: 'create-address' | 'update-address' | 'delete-address',
  arbitrary: fc.Arbitrary<Input>,
  /** Statuses a valid request may get besides 200: the address exists already, or not at all. */
  validAlso: number[],
): Promise<RunStats> {
  const token = t.tokens.supervisor();
  const stats: RunStats = { calls: 0, byOutcome: {}, writes: 0, elapsedMs: 0 };
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (input) => {
      const options: CallOptions = { token };
      if (input.kind === 'raw') options.rawPayload = input.rawPayload;
      else options.payload = resolveExisting(input.payload);
      t.clearLog();
      const response = await t.callFunction(name, options);
      stats.calls += 1;
      const code = (response.body as { error?: { code?: string } }).error?.code;
      const outcome = `${response.status}${code ? ` ${code}` : ''}`;
      stats.byOutcome[outcome] = (stats.byOutcome[outcome] ?? 0) + 1;

      expect(response.status).toBeLessThan(500);
      if (response.status !== 200) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(errorBodyProblems(response.body)).toEqual([]);
      }
      const writes = addressWrites(t.log());
      stats.writes += writes.length;
      expect(writes.flatMap(addressWriteProblems)).toEqual([]);
      // At most one write per call, and none at all for a request the backend found invalid.
      expect(writes.length).toBeLessThanOrEqual(1);
      if (['invalid_input', 'invalid_request', 'payload_too_large', 'resource_not_found'].includes(code ?? ''))
        expect(writes).toEqual([]);
      // A valid request may name a made-up Studio flow, service or number: refused, named.
      if (input.kind === 'valid' && code !== 'resource_not_found')
        expect([200, ...validAlso]).toContain(response.status);
    }),
    { numRuns: RUNS, seed: SEED },
  );
  stats.elapsedMs = Date.now() - started;
  return stats;
}

function expectVariety(stats: RunStats): void {
  const count = (prefix: string) =>
    Object.entries(stats.byOutcome)
      .filter(([outcome]) => outcome.startsWith(prefix))
      .reduce((sum, [, n]) => sum + n, 0);
  // The generators reach both sides: many accepted writes, many refusals.
  expect(count('200')).toBeGreaterThan(RUNS * 0.15);
  expect(count('400')).toBeGreaterThan(RUNS * 0.3);
  expect(stats.writes).toBeGreaterThan(RUNS * 0.15);
}

beforeEach(() => t.reset(PROPERTY_RESET));

const TIMEOUT_MS = 120_000;

test(
  `create-address: ${RUNS} generated requests, never a 5xx, only valid creates reach Twilio`,
  async () => {
    const stats = await checkWrites('create-address', inputs(validCreate, createMutations), [409]);
    expectVariety(stats);
    expect(stats.byOutcome['413 payload_too_large']).toBeGreaterThan(0);
    expect(stats.byOutcome['409 conflict']).toBeGreaterThan(0);
    expect(stats.byOutcome['400 resource_not_found']).toBeGreaterThan(0);
  },
  TIMEOUT_MS,
);

test(
  `update-address: ${RUNS} generated requests, never a 5xx, only valid updates reach Twilio`,
  async () => {
    const stats = await checkWrites('update-address', inputs(validUpdate, updateMutations), [404]);
    expectVariety(stats);
    expect(stats.byOutcome['404 not_found']).toBeGreaterThan(0);
    expect(stats.byOutcome['400 resource_not_found']).toBeGreaterThan(0);
  },
  TIMEOUT_MS,
);

test(
  `delete-address: ${RUNS} generated requests, never a 5xx, only valid deletes reach Twilio`,
  async () => {
    const stats = await checkWrites('delete-address', inputs(validDelete, deleteMutations), [404]);
    expectVariety(stats);
    expect(stats.byOutcome['404 not_found']).toBeGreaterThan(0);
  },
  TIMEOUT_MS,
);

describe('the oracle', () => {
  const entry = (method: string, path: string, params: Record<string, unknown>): LoggedRequest => ({
    method,
    product: 'conversations',
    path,
    status: 201,
    query: {},
    params,
    durationMs: 0,
    at: '',
  });
  const flow = `FW${'a'.repeat(32)}`;
  const good = {
    Type: 'sms',
    Address: '+14155550123',
    'AutoCreation.Enabled': 'true',
    'AutoCreation.Type': 'studio',
    'AutoCreation.StudioFlowSid': flow,
    'AutoCreation.StudioRetryCount': '3',
  };

  test('accepts valid writes and names each kind of invalid one', () => {
    const sid = `IG${'b'.repeat(32)}`;
    expect(addressWriteProblems(entry('POST', '/v1/Configuration/Addresses', good))).toEqual([]);
    expect(addressWriteProblems(entry('DELETE', `/v1/Configuration/Addresses/${sid}`, {}))).toEqual([]);
    const bad: [string, string, Record<string, unknown>][] = [
      ['POST', '/v1/Configuration/Addresses', { ...good, Address: 'whatsapp:+14155550123' }],
      ['POST', '/v1/Configuration/Addresses', { ...good, Type: 'whatsapp' }],
      ['POST', '/v1/Configuration/Addresses', { ...good, 'AutoCreation.StudioRetryCount': '4' }],
      ['POST', '/v1/Configuration/Addresses', { ...good, 'AutoCreation.StudioFlowSid': 'FW1' }],
      ['POST', '/v1/Configuration/Addresses', { ...good, FriendlyName: 'x'.repeat(257) }],
      ['POST', '/v1/Configuration/Addresses', { ...good, 'AutoCreation.ConversationServiceSid': 'IS1' }],
      ['POST', '/v1/Configuration/Addresses', { ...good, 'AutoCreation.WebhookUrl': 'https://x.example' }],
      [
        'POST',
        '/v1/Configuration/Addresses',
        {
          ...good,
          'AutoCreation.Type': 'webhook',
          'AutoCreation.StudioFlowSid': undefined,
          'AutoCreation.StudioRetryCount': undefined,
          'AutoCreation.WebhookUrl': ' https://x.example',
          'AutoCreation.WebhookMethod': 'post',
        },
      ],
      ['POST', `/v1/Configuration/Addresses/${sid}`, { ...good }],
      [
        'POST',
        '/v1/Configuration/Addresses/+14155550123',
        { 'AutoCreation.Enabled': 'true', 'AutoCreation.Type': 'default' },
      ],
      ['DELETE', '/v1/Configuration/Addresses/IG1', {}],
      ['PUT', `/v1/Configuration/Addresses/${sid}`, {}],
    ];
    for (const [method, path, params] of bad) {
      const defined = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
      expect({ method, path, params, problems: addressWriteProblems(entry(method, path, defined)).length > 0 }).toEqual(
        {
          method,
          path,
          params,
          problems: true,
        },
      );
    }
  });

  test('webhook URLs: absolute https only, exactly as written', () => {
    expect(isAbsoluteHttps('https://example.com/inbound?x=1')).toBe(true);
    expect(isAbsoluteHttps('HTTPS://EXAMPLE.COM')).toBe(true);
    for (const url of [
      'http://example.com',
      '/inbound',
      'https:example.com',
      ' https://example.com',
      'https://a\nb.com',
      'https://',
      'https://u:p@example.com/',
      'https://example.com#@localhost/',
      'https://0xa9fea9fe/',
    ]) {
      expect({ url, ok: isAbsoluteHttps(url) }).toEqual({ url, ok: false });
    }
  });
});
