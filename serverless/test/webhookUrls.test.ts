/**
 * One URL rule for every URL a supervisor can set — an address's webhook URL (create and update)
 * and a number's "A message comes in" URL (update-number-inbound, which Undo uses to put the
 * previous one back): absolute http(s), no credentials, no host Twilio cannot reach from the
 * internet (this computer's hosts only against the local sandbox, which these tests run against),
 * and, when MESSAGING_SETUP_WEBHOOK_HOSTS is set, only the hosts it lists. Over HTTP against the
 * real backend: a refused URL is a 400 naming the field and why, and reaches no Twilio API.
 */
import { freeSmsNumber } from './accountFixtures';
import { beyondTokenCheck, errorBodyProblems, setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const token = () => t.tokens.supervisor();

function numberWithSmsUrl() {
  const found = account()
    .incomingPhoneNumbers.all()
    .find((n) => n.sms_url !== '');
  if (!found) throw new Error('the demo account has no number with an "A message comes in" URL');
  return found;
}

function someAddress() {
  const found = account()
    .addresses.all()
    .find((a) => a.type === 'sms' || a.type === 'whatsapp');
  if (!found) throw new Error('the demo account has no SMS or WhatsApp address');
  return found;
}

const webhook = (webhookUrl: string) => ({
  type: 'webhook',
  webhookUrl,
  webhookMethod: 'POST',
  webhookFilters: ['onMessageAdded'],
});

const setSmsUrl = (sid: string, smsUrl: string) =>
  t.callFunction('update-number-inbound', { token: token(), payload: { sid, smsUrl } });
const createWebhook = (webhookUrl: string) =>
  t.callFunction('create-address', {
    token: token(),
    payload: {
      type: 'sms',
      address: freeSmsNumber(account()),
      autoCreationEnabled: true,
      integration: webhook(webhookUrl),
    },
  });
const updateWebhook = (webhookUrl: string) =>
  t.callFunction('update-address', {
    token: token(),
    payload: { sid: someAddress().sid, autoCreationEnabled: true, integration: webhook(webhookUrl) },
  });

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** A 400 whose only field is `field`, whose message names the field, and `why`. */
function expectRefused(response: FunctionResponse, field: string, why: RegExp): void {
  expect({ status: response.status, problems: errorBodyProblems(response.body) }).toEqual({
    status: 400,
    problems: [],
  });
  const { error } = response.body as ErrorBody;
  expect(error.code).toBe('invalid_input');
  expect(Object.keys(error.fields ?? {})).toEqual([field]);
  expect(error.fields?.[field]).toMatch(why);
  expect(error.message).toBe(`${field}: ${error.fields?.[field]}`);
}

const UNREACHABLE = /: Twilio calls the URL from the internet and cannot reach it there/;
const CREDENTIALS = /must not hold a user name or password/;

/**
 * URLs Twilio cannot (or must not) be sent to, whatever the backend runs against; each with the
 * host the message names. The four first.
 */
const REFUSED: [string, RegExp][] = [
  ['http://169.254.169.254/latest/meta-data/', /host 169\.254\.169\.254 is a cloud metadata service/],
  ['http://10.0.0.1/hook', /host 10\.0\.0\.1 is a private network address/],
  ['http://localhost@evil.example/', CREDENTIALS],
  ['http://evil.example#@localhost/', CREDENTIALS],
  ['https://user:secret@hooks.example.com/in', CREDENTIALS],
  // Other spellings the URL parser reads as the same addresses.
  ['http://0xa9fea9fe/latest/meta-data/', /host 169\.254\.169\.254 is a cloud metadata service/],
  ['http://0251.0376.0251.0376/', /host 169\.254\.169\.254 is a cloud metadata service/],
  ['http://167772161/hook', /host 10\.0\.0\.1 is a private network address/],
  ['http://[::ffff:169.254.169.254]/', /host \[::ffff:a9fe:a9fe\] is a cloud metadata service/],
  ['http://[fd00:ec2::254]/latest/meta-data/', /is a cloud metadata service/],
  ['http://metadata.google.internal/computeMetadata/v1/', /is a cloud metadata service/],
  ['http://172.16.5.4/', /is a private network address/],
  ['http://192.168.1.10/', /is a private network address/],
  ['http://100.64.0.7/', /is a carrier-grade NAT address/],
  ['http://169.254.10.10/', /is a link-local address/],
  ['http://[fc00::1]/', /is a private network address/],
  ['http://[fe80::1]/', /is a link-local address/],
  ['http://0.0.0.0/', /is an unspecified address/],
  ['http://intranet/hook', /is a local network name/],
];

describe('update-number-inbound: the "A message comes in" URL', () => {
  test.each(REFUSED)('refuses %s (400 naming smsUrl and why), and calls no Twilio API', async (url, why) => {
    const number = numberWithSmsUrl();
    t.clearLog();
    const response = await setSmsUrl(number.sid, url);
    expectRefused(response, 'smsUrl', why === CREDENTIALS ? why : new RegExp(`${why.source}.*${UNREACHABLE.source}`));
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect(account().incomingPhoneNumbers.get(number.sid).sms_url).toBe(number.sms_url);
  });

  test('Undo puts back what the number had: the demo reply URL, an http TwiML URL, a public IP', async () => {
    const number = numberWithSmsUrl();
    for (const previous of [
      'https://demo.twilio.com/welcome/sms/reply',
      'http://twimlets.com/echo?Twiml=%3CResponse%3E%3C%2FResponse%3E',
      'https://203.0.113.9/sms#rc=2',
    ]) {
      expect((await setSmsUrl(number.sid, previous)).status).toBe(200);
      const cleared = await setSmsUrl(number.sid, '');
      expect(cleared.body).toMatchObject({ previous: { smsUrl: previous }, number: { smsUrl: null } });
      const undone = await setSmsUrl(number.sid, previous);
      expect(undone.status).toBe(200);
      expect(account().incomingPhoneNumbers.get(number.sid).sms_url).toBe(previous);
    }
  });

  test('against the local sandbox, this computer’s hosts pass (the built-in handler under npm start)', async () => {
    const number = numberWithSmsUrl();
    for (const url of [t.webhookUrl, 'http://localhost:3001/inbound-webhook', 'http://[::1]:3001/x']) {
      expect((await setSmsUrl(number.sid, url)).status).toBe(200);
    }
  });
});

describe('create-address and update-address: the webhook URL', () => {
  // https, so that what refuses them is the host or the credentials, not the scheme.
  const refused = REFUSED.map(([url, why]): [string, RegExp] => [url.replace(/^http:/, 'https:'), why]);

  test.each(refused)('refuse %s (400 naming webhookUrl and why), and write nothing', async (url, why) => {
    t.clearLog();
    for (const response of [await createWebhook(url), await updateWebhook(url)]) {
      expectRefused(response, 'webhookUrl', why);
    }
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('a public https URL and, against the local sandbox, the built-in handler pass', async () => {
    expect((await createWebhook('https://hooks.example.com/inbound')).status).toBe(200);
    expect((await updateWebhook(t.webhookUrl)).status).toBe(200);
    expect((await updateWebhook('http://hooks.example.com/inbound')).status).toBe(400);
  });
});

describe('MESSAGING_SETUP_WEBHOOK_HOSTS', () => {
  test('when set, a host it does not list is refused with a message naming it; listed hosts pass', async () => {
    t.env.MESSAGING_SETUP_WEBHOOK_HOSTS = ' hooks.example.com , *.twil.io';
    const number = numberWithSmsUrl();
    const named =
      /host demo\.twilio\.com is not one of the webhook hosts this account allows \(MESSAGING_SETUP_WEBHOOK_HOSTS: hooks\.example\.com, \*\.twil\.io\)/;
    t.clearLog();
    expectRefused(await setSmsUrl(number.sid, 'https://demo.twilio.com/welcome/sms/reply'), 'smsUrl', named);
    expectRefused(
      await updateWebhook('https://evil.example/in'),
      'webhookUrl',
      /host evil\.example is not one of .*MESSAGING_SETUP_WEBHOOK_HOSTS/,
    );
    expect(beyondTokenCheck(t.log())).toEqual([]);

    expect((await setSmsUrl(number.sid, 'https://hooks.example.com/sms')).status).toBe(200);
    expect((await setSmsUrl(number.sid, 'https://owl-1234.twil.io/sms')).status).toBe(200);
    expect((await updateWebhook('https://HOOKS.example.com/in')).status).toBe(200);
    // Not below twil.io, and not twil.io itself: `*.` matches hosts below the name only.
    expectRefused(await updateWebhook('https://twil.io/in'), 'webhookUrl', /MESSAGING_SETUP_WEBHOOK_HOSTS/);
    expectRefused(await updateWebhook('https://evil-twil.io/in'), 'webhookUrl', /MESSAGING_SETUP_WEBHOOK_HOSTS/);
    // The backend's own host (its built-in webhook handler) passes without being listed.
    expect((await updateWebhook(t.webhookUrl)).status).toBe(200);
    // Clearing sets no URL.
    expect((await setSmsUrl(number.sid, '')).status).toBe(200);
  });

  test('the list narrows the rule, never widens it', async () => {
    t.env.MESSAGING_SETUP_WEBHOOK_HOSTS = '10.0.0.1,169.254.169.254';
    expectRefused(await setSmsUrl(numberWithSmsUrl().sid, 'http://10.0.0.1/hook'), 'smsUrl', /private network/);
    expectRefused(await updateWebhook('https://169.254.169.254/'), 'webhookUrl', /metadata/);
  });

  test('malformed, it refuses every URL with a 500 naming the setting and the entry; the rest works', async () => {
    t.env.MESSAGING_SETUP_WEBHOOK_HOSTS = 'hooks.example.com, https://other.example.com/';
    const number = numberWithSmsUrl();
    t.clearLog();
    for (const response of [
      await setSmsUrl(number.sid, 'https://hooks.example.com/sms'),
      await createWebhook('https://hooks.example.com/in'),
      await updateWebhook('https://hooks.example.com/in'),
    ]) {
      expect({ status: response.status, problems: errorBodyProblems(response.body) }).toEqual({
        status: 500,
        problems: [],
      });
      const { error } = response.body as ErrorBody;
      expect(error.code).toBe('not_configured');
      expect(error.message).toContain('MESSAGING_SETUP_WEBHOOK_HOSTS');
      expect(error.message).toContain('"https://other.example.com/"');
    }
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect((await setSmsUrl(number.sid, '')).status).toBe(200);
    const studio = await t.callFunction('update-address', {
      token: token(),
      payload: { sid: someAddress().sid, autoCreationEnabled: true, integration: { type: 'default' } },
    });
    expect(studio.status).toBe(200);
  });
});
