/**
 * readConfig as a deployed backend reads it: Twilio Functions' environment has no
 * TWILIO_SANDBOX_URL, so this computer's hosts are refused like any other host Twilio cannot reach
 * — the rule every other backend test runs with switched the other way (their sandbox's
 * local-hosts allowance). Each URL is checked with the policy readConfig made, through the same
 * urlProblem the functions call.
 */
import { urlProblem, SMS_URL_RULE, WEBHOOK_URL_RULE } from '../../src/contract/webhookUrlRule';
import { FLEX_ORIGIN, MAX_HISTORY_RETENTION_DAYS, readConfig, type BackendEnv } from '../src/config';

/** What Twilio Functions hands a deployed service: credentials and its domain, nothing local. */
const DEPLOYED: BackendEnv & { DOMAIN_NAME: string } = {
  ACCOUNT_SID: `AC${'1'.repeat(32)}`,
  AUTH_TOKEN: 'f'.repeat(32),
  DOMAIN_NAME: 'messaging-setup-1234-dev.twil.io',
};

const problemKey = (url: string, env: BackendEnv & { DOMAIN_NAME?: string } = DEPLOYED, rule = WEBHOOK_URL_RULE) =>
  urlProblem(url, rule, readConfig(env).urlPolicy)?.key;

describe('deployed (no TWILIO_SANDBOX_URL)', () => {
  test('the policy allows no local hosts, has no host list, and knows its own host', () => {
    const config = readConfig(DEPLOYED);
    expect(config.sandboxUrl).toBeUndefined();
    expect(config.urlPolicy).toEqual({ localHosts: false, ownHost: 'messaging-setup-1234-dev.twil.io' });
    expect(config.allowedOrigins).toEqual([FLEX_ORIGIN]);
    expect(config.webhookHostsProblem).toBeUndefined();
  });

  test('an empty TWILIO_SANDBOX_URL counts as unset (an emptied variable must not allow local hosts)', () => {
    expect(readConfig({ ...DEPLOYED, TWILIO_SANDBOX_URL: '' }).urlPolicy.localHosts).toBe(false);
  });

  test.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['loopback', 'https://127.8.9.10:8443/hook'],
    ['loopback', 'https://localhost/hook'],
    ['loopback', 'https://[::1]/hook'],
    ['loopback', 'http://localhost:3001/inbound-webhook'],
    ['metadata', 'https://169.254.169.254/latest/meta-data/'],
    ['metadata', 'https://metadata.google.internal/computeMetadata/v1/'],
    ['metadata', 'https://[fd00:ec2::254]/'],
    ['private', 'https://10.0.0.5/hook'],
    ['private', 'https://172.16.4.4/hook'],
    ['private', 'https://192.168.1.20/hook'],
    ['private', 'https://[fc00::1]/hook'],
    ['link-local', 'https://169.254.10.10/hook'],
    ['mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['local name', 'https://printer.local/hook'],
  ])('refuses a %s webhook URL: %s', (_kind, url) => {
    expect(problemKey(url)).toBe('MessagingSetupRuleUrlUnreachable');
  });

  test('refuses a loopback "A message comes in" URL too (the SMS rule allows http, not this computer)', () => {
    expect(problemKey('http://127.0.0.1:3001/sms', DEPLOYED, SMS_URL_RULE)).toBe('MessagingSetupRuleUrlUnreachable');
  });

  test('refuses a loopback URL even when the service itself answers on localhost', () => {
    expect(problemKey('https://localhost:3001/inbound-webhook', { ...DEPLOYED, DOMAIN_NAME: 'localhost:3001' })).toBe(
      'MessagingSetupRuleUrlUnreachable',
    );
  });

  test('accepts a public https URL and its own host (so the refusals above are the rule, not everything)', () => {
    expect(problemKey('https://hooks.example.com/inbound')).toBeUndefined();
    expect(problemKey('https://messaging-setup-1234-dev.twil.io/inbound-webhook')).toBeUndefined();
    expect(problemKey('http://hooks.example.com/inbound')).toBe('MessagingSetupRuleUrlHttps');
  });

  test('with MESSAGING_SETUP_WEBHOOK_HOSTS, only the listed hosts and its own', () => {
    const env = { ...DEPLOYED, MESSAGING_SETUP_WEBHOOK_HOSTS: 'hooks.example.com, *.partner.example' };
    expect(readConfig(env).urlPolicy.allowedHosts).toEqual(['hooks.example.com', '*.partner.example']);
    expect(problemKey('https://hooks.example.com/x', env)).toBeUndefined();
    expect(problemKey('https://a.partner.example/x', env)).toBeUndefined();
    expect(problemKey('https://messaging-setup-1234-dev.twil.io/inbound-webhook', env)).toBeUndefined();
    expect(problemKey('https://other.example.com/x', env)).toBe('MessagingSetupRuleUrlHostNotAllowed');
    // Listing a local host does not make it reachable: the host kind is checked first.
    expect(problemKey('https://localhost/x', { ...DEPLOYED, MESSAGING_SETUP_WEBHOOK_HOSTS: 'localhost' })).toBe(
      'MessagingSetupRuleUrlUnreachable',
    );
  });
});

describe('against the local sandbox (TWILIO_SANDBOX_URL set), for contrast', () => {
  const LOCAL = { ...DEPLOYED, TWILIO_SANDBOX_URL: 'http://127.0.0.1:3002', DOMAIN_NAME: 'localhost:3001' };

  test('this computer’s hosts pass, and nothing else changes', () => {
    expect(readConfig(LOCAL).urlPolicy.localHosts).toBe(true);
    expect(problemKey('http://localhost:3001/inbound-webhook', LOCAL)).toBeUndefined();
    expect(problemKey('https://169.254.169.254/latest/meta-data/', LOCAL)).toBe('MessagingSetupRuleUrlUnreachable');
    expect(problemKey('https://10.0.0.5/hook', LOCAL)).toBe('MessagingSetupRuleUrlUnreachable');
  });
});

describe('the other settings', () => {
  test('defaults: roles, retention, timing, routing', () => {
    const config = readConfig(DEPLOYED);
    expect(config.readRoles.length).toBeGreaterThan(0);
    expect(config.writeRoles).toEqual(config.readRoles);
    expect(config.history.retentionDays).toBe(MAX_HISTORY_RETENTION_DAYS);
    expect(config.routing).toEqual({ workspaceSid: undefined, workflowSid: undefined, taskChannel: undefined });
    expect(config.realm).toBeUndefined();
  });

  test('lists are trimmed; a region picks the IAM realm; bad numbers fall back to the defaults', () => {
    const defaults = readConfig(DEPLOYED);
    const config = readConfig({
      ...DEPLOYED,
      MESSAGING_SETUP_READ_ROLES: ' agent , supervisor ,',
      MESSAGING_SETUP_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      TWILIO_REGION: 'stage-us1',
      MESSAGING_SETUP_HISTORY_RETENTION_DAYS: '400',
      MESSAGING_SETUP_CALL_BUDGET_MS: '9001',
      MESSAGING_SETUP_TWILIO_TIMEOUT_MS: '2500',
    });
    expect(config.readRoles).toEqual(['agent', 'supervisor']);
    expect(config.allowedOrigins).toEqual([FLEX_ORIGIN, 'https://a.example', 'https://b.example']);
    expect(config.realm).toBe('stage');
    expect(config.history.retentionDays).toBe(MAX_HISTORY_RETENTION_DAYS);
    expect(config.timing.callBudgetMs).toBe(defaults.timing.callBudgetMs);
    expect(config.timing.attemptTimeoutMs).toBe(2500);
  });

  test('a malformed MESSAGING_SETUP_WEBHOOK_HOSTS is reported, not ignored', () => {
    expect(
      readConfig({ ...DEPLOYED, MESSAGING_SETUP_WEBHOOK_HOSTS: 'https://x.example/path' }).webhookHostsProblem,
    ).toBeDefined();
  });
});
