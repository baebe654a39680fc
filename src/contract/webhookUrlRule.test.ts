import {
  classifyHost,
  hostListed,
  hostOfDomain,
  normaliseHostEntry,
  parseHostList,
  pluginUrlPolicy,
  SMS_URL_RULE,
  urlProblem,
  WEBHOOK_URL_RULE,
  type HostKind,
  type UrlPolicy,
} from './webhookUrlRule';
import { wordMessage } from './messages';

const DEPLOYED: UrlPolicy = { localHosts: false };
const LOCAL: UrlPolicy = { localHosts: true };
/** A URL's problem in English, or "ok". */
const verdict = (url: string, policy = DEPLOYED, rule = SMS_URL_RULE) => {
  const problem = urlProblem(url, rule, policy);
  return problem ? wordMessage(problem) : 'ok';
};

describe('classifyHost, on the host as the WHATWG URL parser reads it', () => {
  const hostOf = (url: string) => new URL(url).hostname;

  test.each<[string, HostKind]>([
    ['http://example.com/', 'public'],
    ['http://8.8.8.8/', 'public'],
    ['http://[2001:4860:4860::8888]/', 'public'],
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost/', 'loopback'],
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.255.0.9/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[0:0:0:0:0:ffff:7f00:1]/', 'loopback'],
    // Numbers the parser reads as IPv4: decimal, hex, octal, short forms.
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://%6c%6fcalhost/', 'loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://10.0.0.1/', 'private'],
    ['http://167772161/', 'private'],
    ['http://172.16.0.1/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://[fc00::1]/', 'private'],
    ['http://[fd12:3456::1]/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://[64:ff9b::10.0.0.1]/', 'private'],
    ['http://[2002:c0a8:101::1]/', 'private'],
    ['http://100.64.0.1/', 'shared'],
    ['http://100.127.255.255/', 'shared'],
    ['http://169.254.1.1/', 'link-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[febf::1]/', 'link-local'],
    ['http://169.254.169.254/', 'metadata'],
    ['http://0xa9fea9fe/', 'metadata'],
    ['http://0251.0376.0251.0376/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://metadata.google.internal/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    ['http://224.0.0.1/', 'reserved'],
    ['http://255.255.255.255/', 'reserved'],
    ['http://[ff02::1]/', 'reserved'],
    ['http://intranet/', 'local-name'],
    ['http://printer.local/', 'local-name'],
    ['http://db.corp.internal/', 'local-name'],
    ['http://nas.home.arpa/', 'local-name'],
  ])('%s is %s', (url, kind) => {
    expect(classifyHost(hostOf(url))).toBe(kind);
  });

  test.each([
    'http://172.15.0.1/',
    'http://172.32.0.1/',
    'http://100.63.0.1/',
    'http://100.128.0.1/',
    'http://11.0.0.1/',
  ])('%s, beside a private range, is public', (url) => expect(classifyHost(hostOf(url))).toBe('public'));
});

describe('urlProblem', () => {
  test('a public http(s) URL passes the SMS URL rule; an address webhook needs https', () => {
    expect(verdict('https://demo.twilio.com/welcome/sms/reply')).toBe('ok');
    expect(verdict('http://twimlets.com/echo?Twiml=%3CResponse%2F%3E')).toBe('ok');
    expect(verdict('https://hooks.example.com/in#rc=3&rp=all')).toBe('ok');
    expect(verdict('http://hooks.example.com/in', DEPLOYED, WEBHOOK_URL_RULE)).toBe('The webhook URL must use https.');
    expect(verdict('ftp://hooks.example.com/in')).toBe('The "A message comes in" URL must use http or https.');
  });

  test.each([
    'http://localhost@evil.example/',
    'https://user:pass@hooks.example.com/',
    'https://:pass@hooks.example.com/',
    'http://evil.example#@localhost/',
    'http://evil.example?@localhost/',
  ])('%s, with a user name or an @ before its path, is refused', (url) => {
    expect(verdict(url)).toMatch(/^The "A message comes in" URL must not hold a user name or password/);
  });

  test('an @ in the path, query or fragment after the path is fine', () => {
    expect(verdict('https://hooks.example.com/in?to=a@b.example#x@y')).toBe('ok');
  });

  test.each([
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata service'],
    ['http://10.0.0.1/hook', '10.0.0.1 is a private network address'],
    ['http://2130706433/', '127.0.0.1 is this computer (loopback)'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1] is this computer (loopback)'],
    ['http://localhost./x', 'localhost is this computer (loopback)'],
    ['http://100.64.1.1/', '100.64.1.1 is a carrier-grade NAT address (100.64.0.0/10)'],
    ['http://[fe80::1]/', '[fe80::1] is a link-local address'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is a cloud metadata service'],
    ['http://intranet/x', 'intranet is a local network name, not a public host name'],
  ])('%s is refused, naming the host and why', (url, why) => {
    expect(verdict(url)).toBe(
      `The "A message comes in" URL’s host ${why}: Twilio calls the URL from the internet and cannot reach it there, so messages sent to it would be lost.`,
    );
  });

  test('against the local sandbox, this computer’s hosts pass (http too); other non-public hosts never do', () => {
    for (const url of ['http://localhost:3001/inbound-webhook', 'http://127.0.0.1:3001/x', 'http://[::1]/x']) {
      expect(verdict(url, LOCAL, WEBHOOK_URL_RULE)).toBe('ok');
    }
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/', 'http://[fd00:ec2::254]/', 'http://0.0.0.0/']) {
      expect(verdict(url, LOCAL)).toMatch(/’s host .* Twilio calls the URL from the internet/);
    }
  });

  test('an allow-list refuses other hosts, naming the setting; the backend’s own host always passes', () => {
    const policy: UrlPolicy = {
      localHosts: false,
      allowedHosts: ['hooks.example.com', '*.twil.io'],
      ownHost: 'messaging-setup-1234-dev.twil.io',
    };
    expect(verdict('https://hooks.example.com/in', policy)).toBe('ok');
    expect(verdict('https://HOOKS.example.com./in', policy)).toBe('ok');
    expect(verdict('https://owl-1.twil.io/in', policy)).toBe('ok');
    expect(verdict('https://a.b.twil.io/in', policy)).toBe('ok');
    expect(verdict('https://twil.io/in', policy)).toMatch(/MESSAGING_SETUP_WEBHOOK_HOSTS/);
    expect(verdict('https://demo.twilio.com/welcome/sms/reply', policy)).toBe(
      'The "A message comes in" URL’s host demo.twilio.com is not one of the webhook hosts this account allows (MESSAGING_SETUP_WEBHOOK_HOSTS: hooks.example.com, *.twil.io).',
    );
    expect(verdict('https://evil-twil.io/in', policy)).toMatch(/MESSAGING_SETUP_WEBHOOK_HOSTS/);
    const own = { ...policy, allowedHosts: ['hooks.example.com'] };
    expect(verdict('https://messaging-setup-1234-dev.twil.io/inbound-webhook', own)).toBe('ok');
    // The list narrows the rule, never widens it.
    expect(verdict('http://10.0.0.1/', { localHosts: false, allowedHosts: ['10.0.0.1'] })).toMatch(/private network/);
  });
});

describe('MESSAGING_SETUP_WEBHOOK_HOSTS', () => {
  test('unset or blank: no list', () => {
    expect(parseHostList(undefined)).toEqual({});
    expect(parseHostList(' , ')).toEqual({});
  });

  test('host names, wildcards and IP addresses, normalised', () => {
    expect(parseHostList(' Hooks.Example.com, *.twil.io ,203.0.113.7,[2001:DB8:0::7]')).toEqual({
      hosts: ['hooks.example.com', '*.twil.io', '203.0.113.7', '[2001:db8::7]'],
    });
  });

  test.each([
    'https://hooks.example.com',
    'hooks.example.com/in',
    'hooks.example.com:443',
    'hooks example.com',
    '*.com',
    '*example.com',
    'a.*.example.com',
    '*.10.0.0.1',
    '-bad.example.com',
    'user@hooks.example.com',
  ])('%j is malformed, and the problem names the setting and the entry', (entry) => {
    expect(normaliseHostEntry(entry)).toBeUndefined();
    const { hosts, problem } = parseHostList(`hooks.example.com,${entry}`);
    expect(hosts).toBeUndefined();
    const message = problem ? wordMessage(problem) : '';
    expect(message).toContain('MESSAGING_SETUP_WEBHOOK_HOSTS');
    expect(message).toContain(JSON.stringify(entry));
  });

  test('a wildcard matches hosts below the name, not the name itself nor a look-alike', () => {
    expect(hostListed('a.example.com', ['*.example.com'])).toBe(true);
    expect(hostListed('a.b.example.com', ['*.example.com'])).toBe(true);
    expect(hostListed('example.com', ['*.example.com'])).toBe(false);
    expect(hostListed('badexample.com', ['*.example.com'])).toBe(false);
    expect(hostListed('example.com.evil.example', ['example.com'])).toBe(false);
  });
});

test('hostOfDomain reads context.DOMAIN_NAME (host and optional port)', () => {
  expect(hostOfDomain('messaging-setup-1234-dev.twil.io')).toBe('messaging-setup-1234-dev.twil.io');
  expect(hostOfDomain('localhost:3001')).toBe('localhost');
  expect(hostOfDomain(undefined)).toBeUndefined();
});

test('the plugin lets this computer’s hosts pass only when its backend runs on this computer', () => {
  expect(pluginUrlPolicy('http://localhost:3001')).toEqual({ localHosts: true });
  expect(pluginUrlPolicy('http://127.0.0.1:3001/')).toEqual({ localHosts: true });
  expect(pluginUrlPolicy('https://messaging-setup-1234-dev.twil.io')).toEqual({ localHosts: false });
  expect(pluginUrlPolicy(null)).toEqual({ localHosts: false });
  expect(pluginUrlPolicy('not a url')).toEqual({ localHosts: false });
});
