/**
 * The one rule for every URL a supervisor can set through Messaging Setup — an address's webhook
 * URL, and a number's "A message comes in" URL (also when Undo puts the previous one back). The
 * dialog shows its problems inline; the backend applies it, with its own settings, before any
 * Twilio call. Its problems are keys of messages.ts, worded by each side.
 *
 * Twilio calls these URLs from the internet, so a URL it cannot reach there silently breaks
 * routing: every message sent to it is lost. A URL passes when it is
 * - absolute http(s) exactly as written (nothing the URL parser would have to repair), at most
 *   2048 characters; an address's webhook https only (see `httpsOnly`);
 * - without a user name or password, and without an `@` before its path (`http://a#@b/`, which
 *   parsers disagree about);
 * - to a public host: not this computer (localhost, 127/8, ::1), not a private, shared (CGNAT),
 *   link-local, reserved or metadata address, not a local network name (one label, `.local`,
 *   `.internal`, `.home.arpa`). The host is judged as the WHATWG URL parser reads it, so
 *   `http://2130706433/`, `http://0x7f.1/` and `http://[::ffff:127.0.0.1]/` are all 127.0.0.1.
 *   This computer's hosts pass only with `localHosts` (the backend runs against the local
 *   Twilio sandbox, which calls them from this computer);
 * - when the account lists its webhook hosts (MESSAGING_SETUP_WEBHOOK_HOSTS), to one of them or to
 *   the backend's own host (where the built-in webhook handler runs).
 */
import { problemOf, type ContractProblem, type MessageKeyWith } from './wording';

export const WEBHOOK_URL_MAX = 2048;
/** The backend setting that lists the webhook hosts an account allows. */
const WEBHOOK_HOSTS_SETTING = 'MESSAGING_SETUP_WEBHOOK_HOSTS';

export interface UrlPolicy {
  /** This computer's hosts (loopback) pass: the backend runs against the local Twilio sandbox. */
  localHosts: boolean;
  /** The hosts the account allows (MESSAGING_SETUP_WEBHOOK_HOSTS, normalised); undefined: any public host. */
  allowedHosts?: readonly string[];
  /** The backend's own host, allowed whatever `allowedHosts` says (the built-in webhook handler runs there). */
  ownHost?: string;
}

interface UrlRule {
  /** How the messages name the URL, e.g. "The webhook URL" (a key of messages.ts). */
  label: MessageKeyWith<never>;
  /** Plain http refused (except to this computer's hosts, when they pass). */
  httpsOnly: boolean;
}

/** What a host is, as far as Twilio reaching it from the internet goes. */
export type HostKind =
  'public' | 'loopback' | 'private' | 'shared' | 'link-local' | 'metadata' | 'unspecified' | 'reserved' | 'local-name';

const WHY: Record<Exclude<HostKind, 'public'>, MessageKeyWith<never>> = {
  loopback: 'MessagingSetupRuleHostLoopback',
  private: 'MessagingSetupRuleHostPrivate',
  shared: 'MessagingSetupRuleHostShared',
  'link-local': 'MessagingSetupRuleHostLinkLocal',
  metadata: 'MessagingSetupRuleHostMetadata',
  unspecified: 'MessagingSetupRuleHostUnspecified',
  reserved: 'MessagingSetupRuleHostReserved',
  'local-name': 'MessagingSetupRuleHostLocalName',
};

const METADATA_HOSTS = new Set([
  '169.254.169.254',
  '100.100.100.200',
  '[fd00:ec2::254]',
  'metadata.google.internal',
  'metadata',
]);
const LOCAL_SUFFIXES = ['.local', '.internal', '.home.arpa', '.localdomain'];

type Ipv4 = [number, number, number, number];

function parseIpv4(host: string): Ipv4 | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number) as Ipv4;
}

function classifyIpv4([a, b]: Ipv4, host: string): HostKind {
  if (METADATA_HOSTS.has(host)) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'shared';
  if (a === 169 && b === 254) return 'link-local';
  // 192.0.0.0/24 (IETF), 198.18.0.0/15 (benchmarking), multicast, 240/4 and broadcast.
  if ((a === 192 && b === 0 && host.split('.')[2] === '0') || (a === 198 && (b === 18 || b === 19)) || a >= 224) {
    return 'reserved';
  }
  return 'public';
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (hex groups, `::` once at most). */
function parseIpv6(host: string): number[] | undefined {
  const halves = host.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  const all = [...head, ...Array<string>(missing).fill('0'), ...tail];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.map((g) => parseInt(g, 16));
}

const embeddedIpv4 = (high: number, low: number): Ipv4 => [high >> 8, high & 0xff, low >> 8, low & 0xff];

function classifyIpv6(bracketed: string): HostKind {
  if (METADATA_HOSTS.has(bracketed)) return 'metadata';
  const h = parseIpv6(bracketed.slice(1, -1));
  if (!h) return 'reserved';
  const zeros = (n: number) => h.slice(0, n).every((g) => g === 0);
  const ofIpv4 = (v4: Ipv4) => classifyIpv4(v4, v4.join('.'));
  if (zeros(8)) return 'unspecified';
  if (zeros(7) && h[7] === 1) return 'loopback';
  if (zeros(5) && h[5] === 0xffff) return ofIpv4(embeddedIpv4(h[6], h[7])); // IPv4-mapped
  if (zeros(6)) return 'reserved'; // IPv4-compatible (deprecated)
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((g) => g === 0)) {
    return ofIpv4(embeddedIpv4(h[6], h[7])); // NAT64
  }
  if (h[0] === 0x64 && h[1] === 0xff9b && h[2] === 1) return 'private'; // local-use NAT64
  if (h[0] === 0x2002) {
    const v4 = ofIpv4(embeddedIpv4(h[1], h[2])); // 6to4
    if (v4 !== 'public') return v4;
  }
  if ((h[0] & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7
  if ((h[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((h[0] & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated)
  if ((h[0] & 0xff00) === 0xff00) return 'reserved'; // multicast
  if (h[0] === 0x100 && h.slice(1, 4).every((g) => g === 0)) return 'reserved'; // discard 100::/64
  return 'public';
}

/** A host as the WHATWG URL parser gives it (`new URL(…).hostname`, lower case, IPv4 normalised). */
export function classifyHost(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return classifyIpv6(host);
  const v4 = parseIpv4(host);
  if (v4) return classifyIpv4(v4, host);
  if (METADATA_HOSTS.has(host)) return 'metadata';
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (!host.includes('.') || LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix))) return 'local-name';
  return 'public';
}

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * One entry of MESSAGING_SETUP_WEBHOOK_HOSTS, normalised: a host name (`hooks.example.com`), an IP
 * address (`203.0.113.7`, `[2001:db8::7]`), or `*.` and a name of two labels or more
 * (`*.example.com`: any host below example.com, not example.com itself). Undefined: not one.
 */
export function normaliseHostEntry(entry: string): string | undefined {
  const lower = entry.trim().toLowerCase();
  const wildcard = lower.startsWith('*.');
  const host = wildcard ? lower.slice(2) : lower;
  if (!DOMAIN.test(host) && !/^\[[0-9a-f:.]+\]$/.test(host)) return undefined;
  let parsed: string;
  try {
    parsed = new URL(`https://${host}/`).hostname;
  } catch {
    return undefined;
  }
  if (wildcard) return DOMAIN.test(parsed) && !parseIpv4(parsed) && parsed.includes('.') ? `*.${parsed}` : undefined;
  return parsed;
}

/** MESSAGING_SETUP_WEBHOOK_HOSTS read: its hosts (undefined when unset or blank), or what is wrong with it. */
export function parseHostList(value: string | undefined): { hosts?: string[]; problem?: ContractProblem } {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return {};
  const bad = entries.filter((entry) => normaliseHostEntry(entry) === undefined);
  if (bad.length > 0) {
    return {
      problem: {
        key: 'MessagingSetupRuleHostListInvalid',
        values: { setting: WEBHOOK_HOSTS_SETTING, entries: bad.map((entry) => JSON.stringify(entry)).join(', ') },
      },
    };
  }
  return { hosts: entries.map((entry) => normaliseHostEntry(entry) as string) };
}

/** True when `host` (a normalised hostname) is one of `patterns` (normaliseHostEntry's form). */
export function hostListed(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return patterns.some((pattern) =>
    pattern.startsWith('*.') ? name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1 : name === pattern,
  );
}

/** The host part of the backend's domain (`context.DOMAIN_NAME`, a host with an optional port). */
export function hostOfDomain(domain: string | undefined): string | undefined {
  if (!domain) return undefined;
  try {
    return new URL(`https://${domain.replace(/^https?:\/\//, '')}/`).hostname || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The plugin's policy: it cannot know the backend's settings, so it lets this computer's hosts
 * pass only when the backend itself runs on this computer (npm start), and leaves the list of
 * allowed hosts to the backend, whose answer the dialog shows at the field.
 */
export function pluginUrlPolicy(backendUrl: string | null | undefined): UrlPolicy {
  let host: string | undefined;
  try {
    host = backendUrl ? new URL(backendUrl).hostname : undefined;
  } catch {
    host = undefined;
  }
  return { localHosts: host !== undefined && classifyHost(host) === 'loopback' };
}

/** What is wrong with `url` under `rule` and `policy`, or undefined when it passes. */
export function urlProblem(url: string, rule: UrlRule, policy: UrlPolicy): ContractProblem | undefined {
  const label = problemOf(rule.label);
  const example: ContractProblem = { key: 'MessagingSetupRuleUrlAbsolute' };
  const https: ContractProblem = { key: 'MessagingSetupRuleUrlHttps', values: { label } };
  if (url.length > WEBHOOK_URL_MAX) return { key: 'MessagingSetupRuleUrlTooLong', values: { max: WEBHOOK_URL_MAX } };
  // The URL parser forgives spaces, line breaks, backslashes for slashes and a missing `//`
  // (`https:example.com`); Twilio gets the URL as written, so only the plain form passes.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(url)) return { key: 'MessagingSetupRuleUrlSpaces' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return example;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return rule.httpsOnly ? https : { key: 'MessagingSetupRuleUrlHttpOrHttps', values: { label } };
  }
  if (!parsed.hostname) return { key: 'MessagingSetupRuleUrlHostName', values: { label } };
  if (!/^https?:\/\/[^/?#]/i.test(url)) return example;
  // Everything before the path, as a naive parser reads it: an `@` there is a user name to one
  // parser and part of a fragment or query to another.
  const beforePath = url.slice(url.indexOf('//') + 2).split('/')[0];
  if (parsed.username || parsed.password || beforePath.includes('@')) {
    return { key: 'MessagingSetupRuleUrlCredentials', values: { label } };
  }
  const host = parsed.hostname.replace(/\.$/, '');
  const kind = classifyHost(host);
  const local = kind === 'loopback' && policy.localHosts;
  if (kind !== 'public' && !local) {
    return { key: 'MessagingSetupRuleUrlUnreachable', values: { label, host, why: problemOf(WHY[kind]) } };
  }
  if (rule.httpsOnly && parsed.protocol !== 'https:' && !local) return https;
  const own = policy.ownHost !== undefined && host === policy.ownHost.replace(/\.$/, '');
  if (policy.allowedHosts && !own && !hostListed(host, policy.allowedHosts)) {
    return {
      key: 'MessagingSetupRuleUrlHostNotAllowed',
      values: { label, host, setting: WEBHOOK_HOSTS_SETTING, hosts: policy.allowedHosts.join(', ') },
    };
  }
  return undefined;
}

/** An address's webhook URL: https (http only to this computer, when allowed). */
export const WEBHOOK_URL_RULE: UrlRule = { label: 'MessagingSetupRuleUrlLabelWebhook', httpsOnly: true };
/**
 * A number's "A message comes in" URL: http too, as Twilio allows there, so Undo can put back
 * exactly the URL the number had (an old `http://` TwiML URL, a demo reply).
 */
export const SMS_URL_RULE: UrlRule = { label: 'MessagingSetupRuleUrlLabelSms', httpsOnly: false };
