/**
 * The backend as deployed refuses this computer's hosts as webhook URLs, over HTTP: its environment
 * has no TWILIO_SANDBOX_URL (as on Twilio Functions), so its Twilio client is twilio-node's own,
 * addressing `https://<product>.twilio.com`. This machine has no Twilio, so the test routes those
 * requests to the sandbox underneath the client, as DNS would route them to Twilio — the backend's
 * code takes the deployed path throughout, which `deployedHosts` proves.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { freeSmsNumber } from './accountFixtures';
import { addressWrites, setUpBackend } from './harness';

const t = setUpBackend();

/** The hosts twilio-node addressed, as the deployed backend built the URLs. */
const deployedHosts = new Set<string>();

beforeEach(() => {
  t.reset();
  deployedHosts.clear();
  // As on Twilio Functions (restored after each test by the harness).
  delete t.env.TWILIO_SANDBOX_URL;
  const send = twilio.RequestClient.prototype.request;
  jest.spyOn(twilio.RequestClient.prototype, 'request').mockImplementation(function <T>(
    this: RequestClient,
    opts: RequestClient.RequestOptions<T>,
  ) {
    const host = new URL(opts.uri).hostname;
    if (!host.endsWith('.twilio.com')) return send.call(this, opts);
    deployedHosts.add(host);
    return send.call(this, { ...opts, uri: SandboxRequestClient.rewrite(t.sandboxUrl, opts.uri) });
  } as typeof send);
});

afterEach(() => jest.restoreAllMocks());

const createWebhook = (webhookUrl: string) =>
  t.callFunction('create-address', {
    token: t.tokens.supervisor(),
    payload: {
      type: 'sms',
      address: freeSmsNumber(t.sandbox.account),
      autoCreationEnabled: true,
      integration: { type: 'webhook', webhookUrl, webhookMethod: 'POST', webhookFilters: ['onMessageAdded'] },
    },
  });

test.each([
  'https://127.0.0.1/hook',
  'https://localhost:3001/inbound-webhook',
  'http://localhost:3001/inbound-webhook',
  'https://[::1]/hook',
  'https://169.254.169.254/latest/meta-data/',
  'https://10.0.0.5/hook',
])('create-address refuses %s (400 on webhookUrl) and writes nothing', async (url) => {
  const response = await createWebhook(url);
  expect(response.status).toBe(400);
  const { error } = response.body as { error: { code: string; fields?: Record<string, string> } };
  expect(error.code).toBe('invalid_input');
  expect(error.fields?.webhookUrl).toMatch(/cannot reach it/);
  expect(addressWrites(t.log())).toEqual([]);
  // Deployed path: the token was checked with IAM at its real host name, not the sandbox's URL.
  expect([...deployedHosts]).toContain('iam.twilio.com');
});

test('a public https webhook is created the same way (the refusals are the URL rule, not the setup)', async () => {
  const response = await createWebhook('https://hooks.example.com/inbound');
  expect(response.status).toBe(200);
  expect(addressWrites(t.log())).toHaveLength(1);
  expect([...deployedHosts]).toEqual(expect.arrayContaining(['iam.twilio.com', 'conversations.twilio.com']));
});
