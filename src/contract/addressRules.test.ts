import {
  addressError as addressProblem,
  checkCreateAddress as checkCreateWith,
  checkUpdateAddress as checkUpdateWith,
  FRIENDLY_NAME_MAX,
  webhookUrlError as webhookUrlProblem,
  WEBHOOK_URL_MAX,
} from './addressRules';
import { summariseFieldProblems, wordFields, wordMessage, type ContractProblem } from './messages';
import type { UrlPolicy } from './webhookUrlRule';

/** The rules answer problems; these tests read them in English, as the backend words them. */
const english = (problem: ContractProblem | undefined) => (problem ? wordMessage(problem) : undefined);
const addressError = (...args: Parameters<typeof addressProblem>) => english(addressProblem(...args));
const webhookUrlErrorWith = (url: string, policy: UrlPolicy) => english(webhookUrlProblem(url, policy));

/** A deployed backend's policy: public hosts only, no allow-list. */
const DEPLOYED: UrlPolicy = { localHosts: false };
/** The backend against the local sandbox: this computer's hosts pass too. */
const LOCAL: UrlPolicy = { localHosts: true };
const checkCreateAddress = (raw: unknown) => checkCreateWith(raw, DEPLOYED);
const checkUpdateAddress = (raw: unknown) => checkUpdateWith(raw, DEPLOYED);
const webhookUrlError = (url: string) => webhookUrlErrorWith(url, DEPLOYED);

const FLOW = `FW${'a'.repeat(32)}`;
const SERVICE = `IS${'b'.repeat(32)}`;
const ADDRESS_SID = `IG${'c'.repeat(32)}`;

const studio = (retryCount: unknown = 3, studioFlowSid: unknown = FLOW) => ({
  type: 'studio',
  studioFlowSid,
  retryCount,
});
/** A Studio integration with one of its fields missing. */
const studioWithout = (field: 'retryCount' | 'studioFlowSid') => {
  const { [field]: _omitted, ...rest } = studio();
  return rest;
};
const webhook = (overrides: Record<string, unknown> = {}) => ({
  type: 'webhook',
  webhookUrl: 'https://hooks.example.com/inbound',
  webhookMethod: 'POST',
  webhookFilters: ['onMessageAdded'],
  ...overrides,
});
const create = (overrides: Record<string, unknown> = {}) => ({
  type: 'sms',
  address: '+14155550100',
  autoCreationEnabled: true,
  integration: studio(),
  ...overrides,
});

/** The field errors of a request the rules refuse, in English. */
function fieldsOf(result: ReturnType<typeof checkCreateAddress> | ReturnType<typeof checkUpdateAddress>) {
  if (result.ok) throw new Error(`expected the rules to refuse it, got ${JSON.stringify(result.value)}`);
  return wordFields(result.fields);
}

describe('addressError', () => {
  test.each(['+14155550100', '+447700900123', '+12'])('accepts the SMS address %s', (address) => {
    expect(addressError('sms', address)).toBeUndefined();
  });

  test.each(['14155550100', '+04155550100', '+1 415 555 0100', '+1415555010012345', 'whatsapp:+14155550100', ''])(
    'refuses the SMS address %j',
    (address) => {
      expect(addressError('sms', address)).toBe('Enter the number in E.164 form, for example +14155550123.');
    },
  );

  test('a WhatsApp address is whatsapp: + E.164', () => {
    expect(addressError('whatsapp', 'whatsapp:+14155550100')).toBeUndefined();
    for (const address of ['+14155550100', 'whatsapp:14155550100', 'WhatsApp:+14155550100', 'whatsapp: +14155550100']) {
      expect(addressError('whatsapp', address)).toMatch(/^Enter the sender as whatsapp:/);
    }
  });
});

describe('addressError for chat and Messenger', () => {
  test.each(['messenger:106932781234567', 'messenger:12345'])('accepts the Messenger address %s', (address) => {
    expect(addressError('messenger', address)).toBeUndefined();
  });

  test.each(['106932781234567', 'messenger:', 'messenger:owl-shoes', 'messenger:1234', 'fb:106932781234567', ''])(
    'refuses the Messenger address %j, naming the form',
    (address) => {
      expect(addressError('messenger', address)).toMatch(
        /^Enter the Messenger address as messenger: followed by the Facebook Page ID/,
      );
    },
  );

  test.each(['flex-chat-default', 'web-chat.main', 'site:en_GB', 'A1'])('accepts the chat address %s', (address) => {
    expect(addressError('chat', address)).toBeUndefined();
  });

  test.each(['', 'web chat', '-leading-dash', 'chat/with/slashes', 'x'.repeat(257)])(
    'refuses the chat address %j',
    (address) => {
      expect(addressError('chat', address)).toMatch(/^Name the chat address with letters, digits/);
    },
  );

  test('a chat and a Messenger address pass the create rules, with their own address checks', () => {
    expect(checkCreateAddress(create({ type: 'chat', address: 'web-chat-main' })).ok).toBe(true);
    expect(checkCreateAddress(create({ type: 'messenger', address: 'messenger:106932781234567' })).ok).toBe(true);
    expect(fieldsOf(checkCreateAddress(create({ type: 'messenger', address: '+14155550100' })))).toEqual({
      address: expect.stringMatching(/^Enter the Messenger address/),
    });
  });
});

describe('webhookUrlError', () => {
  test('accepts an https URL', () => {
    expect(webhookUrlError('https://hooks.example.com/inbound?x=1')).toBeUndefined();
  });

  test('accepts this computer’s hosts, plain http too, only against the local sandbox', () => {
    for (const url of ['http://localhost:3001/inbound-webhook', 'http://127.0.0.1:3001/x', 'http://[::1]/x']) {
      expect(webhookUrlErrorWith(url, LOCAL)).toBeUndefined();
      expect(webhookUrlError(url)).toMatch(/^The webhook URL’s host \S+ is this computer \(loopback\): Twilio calls/);
    }
    for (const url of ['http://localhost.example.com/x', 'http://hooks.example.com/x']) {
      expect(webhookUrlErrorWith(url, LOCAL)).toBe('The webhook URL must use https.');
    }
    expect(webhookUrlErrorWith('http://10.0.0.1/x', LOCAL)).toBe(
      'The webhook URL’s host 10.0.0.1 is a private network address: Twilio calls the URL from the internet and cannot reach it there, so messages sent to it would be lost.',
    );
    expect(webhookUrlError('http:localhost/x')).toBe('Enter an absolute URL, for example https://example.com/inbound.');
  });

  test.each([
    ['http://hooks.example.com/inbound', 'The webhook URL must use https.'],
    ['ftp://hooks.example.com/inbound', 'The webhook URL must use https.'],
    ['/inbound', 'Enter an absolute URL, for example https://example.com/inbound.'],
    ['hooks.example.com', 'Enter an absolute URL, for example https://example.com/inbound.'],
    ['', 'Enter an absolute URL, for example https://example.com/inbound.'],
    // The URL parser would forgive these; Twilio gets the URL as written.
    ['https:hooks.example.com/inbound', 'Enter an absolute URL, for example https://example.com/inbound.'],
    ['https:/hooks.example.com/inbound', 'Enter an absolute URL, for example https://example.com/inbound.'],
    ['https://hooks.example.com/in bound', 'Remove the spaces, line breaks and backslashes from the URL.'],
    [' https://hooks.example.com/inbound', 'Remove the spaces, line breaks and backslashes from the URL.'],
    ['https://hooks.example.com/inbound\n', 'Remove the spaces, line breaks and backslashes from the URL.'],
    ['https:\\\\hooks.example.com\\inbound', 'Remove the spaces, line breaks and backslashes from the URL.'],
  ])('refuses %j: %s', (url, message) => {
    expect(webhookUrlError(url)).toBe(message);
  });

  test(`refuses a URL longer than ${WEBHOOK_URL_MAX} characters`, () => {
    const base = 'https://hooks.example.com/';
    expect(webhookUrlError(base + 'a'.repeat(WEBHOOK_URL_MAX - base.length))).toBeUndefined();
    expect(webhookUrlError(base + 'a'.repeat(WEBHOOK_URL_MAX - base.length + 1))).toBe(
      `The URL is longer than ${WEBHOOK_URL_MAX} characters.`,
    );
  });
});

describe('checkCreateAddress', () => {
  test('a Studio address passes, with its address and friendly name trimmed', () => {
    const result = checkCreateAddress(
      create({ address: ' +14155550100 ', friendlyName: '  Support  ', conversationServiceSid: SERVICE }),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'sms',
        address: '+14155550100',
        friendlyName: 'Support',
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: FLOW, retryCount: 3 },
        conversationServiceSid: SERVICE,
      },
    });
  });

  test('a blank friendly name and a missing service are left out', () => {
    const result = checkCreateAddress(create({ friendlyName: '   ' }));
    expect(result.ok && result.value).toEqual({
      type: 'sms',
      address: '+14155550100',
      autoCreationEnabled: true,
      integration: { type: 'studio', studioFlowSid: FLOW, retryCount: 3 },
    });
  });

  test('a WhatsApp webhook address passes with its method and filters', () => {
    const integration = webhook({ webhookMethod: 'GET', webhookFilters: ['onMessageAdded', 'onConversationUpdated'] });
    const result = checkCreateAddress(create({ type: 'whatsapp', address: 'whatsapp:+14155550100', integration }));
    expect(result.ok && result.value.integration).toEqual(integration);
  });

  test('a webhook may subscribe to no filters, and the default integration needs nothing', () => {
    expect(checkCreateAddress(create({ integration: webhook({ webhookFilters: [] }) })).ok).toBe(true);
    expect(checkCreateAddress(create({ integration: { type: 'default' } }))).toMatchObject({
      ok: true,
      value: { integration: { type: 'default' } },
    });
  });

  test.each([0, 1, 2, 3])('retry count %i is allowed', (retryCount) => {
    expect(checkCreateAddress(create({ integration: studio(retryCount) })).ok).toBe(true);
  });

  test.each([-1, 4, 1.5, '3', NaN, null])('retry count %j is refused', (retryCount) => {
    expect(fieldsOf(checkCreateAddress(create({ integration: studio(retryCount) })))).toEqual({
      retryCount: 'Enter a whole number from 0 to 3.',
    });
  });

  test.each(['', 'FW123', `XX${'a'.repeat(32)}`, null])('Studio flow SID %j is refused', (flowSid) => {
    expect(fieldsOf(checkCreateAddress(create({ integration: studio(3, flowSid) })))).toEqual({
      studioFlowSid: 'Choose a Studio flow.',
    });
  });

  test('a Studio integration needs both the flow and the retry count', () => {
    expect(fieldsOf(checkCreateAddress(create({ integration: studioWithout('retryCount') })))).toEqual({
      retryCount: 'Enter a whole number from 0 to 3.',
    });
    expect(fieldsOf(checkCreateAddress(create({ integration: studioWithout('studioFlowSid') })))).toEqual({
      studioFlowSid: 'Choose a Studio flow.',
    });
  });

  test('a Studio integration reports the flow and the retry count together', () => {
    expect(Object.keys(fieldsOf(checkCreateAddress(create({ integration: studio(9, '') })))).sort()).toEqual([
      'retryCount',
      'studioFlowSid',
    ]);
  });

  test('webhook problems are reported per field', () => {
    expect(fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookUrl: 'http://x.example' }) })))).toEqual({
      webhookUrl: 'The webhook URL must use https.',
    });
    expect(fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookUrl: undefined }) })))).toEqual({
      webhookUrl: 'Enter the webhook URL.',
    });
    expect(fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookMethod: 'PUT' }) })))).toEqual({
      webhookMethod: 'Choose GET or POST.',
    });
    expect(fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookMethod: 'post' }) })))).toEqual({
      webhookMethod: 'Choose GET or POST.',
    });
    expect(
      fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookFilters: ['onMessageAdded', 'onTyping'] }) })))
        .webhookFilters,
    ).toMatch(/^Choose filters from: onMessageAdded, /);
    expect(
      fieldsOf(checkCreateAddress(create({ integration: webhook({ webhookFilters: 'onMessageAdded' }) })))
        .webhookFilters,
    ).toMatch(/^Choose filters from/);
    expect(
      fieldsOf(
        checkCreateAddress(create({ integration: webhook({ webhookFilters: ['onMessageAdded', 'onMessageAdded'] }) })),
      ),
    ).toEqual({ webhookFilters: 'Each filter may be chosen once.' });
  });

  test('an unknown or missing integration type is refused', () => {
    const message = 'Choose how new conversations are routed: Studio flow, webhook or default.';
    expect(fieldsOf(checkCreateAddress(create({ integration: { type: 'flex' } })))).toEqual({ integration: message });
    expect(fieldsOf(checkCreateAddress(create({ integration: undefined })))).toEqual({ integration: message });
    expect(fieldsOf(checkCreateAddress(create({ integration: [] })))).toEqual({ integration: message });
  });

  test('settings of another integration are unknown fields, not silently dropped', () => {
    expect(
      fieldsOf(checkCreateAddress(create({ integration: { ...studio(), webhookUrl: 'https://x.example' } }))),
    ).toEqual({ integration: 'Unknown field: webhookUrl.' });
    expect(fieldsOf(checkCreateAddress(create({ integration: { type: 'default', retryCount: 3 } })))).toEqual({
      integration: 'Unknown field: retryCount.',
    });
  });

  test('unknown request fields are refused', () => {
    expect(fieldsOf(checkCreateAddress(create({ sid: ADDRESS_SID, extra: 1 })))).toEqual({
      request: 'Unknown fields: sid, extra.',
    });
  });

  test('the type, address and settings are checked', () => {
    expect(fieldsOf(checkCreateAddress(create({ type: 'rcs' })))).toEqual({
      type: 'Choose SMS, WhatsApp, Chat, Facebook Messenger or Email.',
    });
    expect(fieldsOf(checkCreateAddress(create({ type: 'whatsapp' })))).toEqual({
      address: expect.stringMatching(/^Enter the sender as whatsapp:/),
    });
    expect(fieldsOf(checkCreateAddress(create({ address: 42 })))).toEqual({
      address: 'Enter the number in E.164 form, for example +14155550123.',
    });
    expect(fieldsOf(checkCreateAddress(create({ friendlyName: 'x'.repeat(FRIENDLY_NAME_MAX + 1) })))).toEqual({
      friendlyName: `Use at most ${FRIENDLY_NAME_MAX} characters.`,
    });
    expect(checkCreateAddress(create({ friendlyName: 'x'.repeat(FRIENDLY_NAME_MAX) })).ok).toBe(true);
    expect(fieldsOf(checkCreateAddress(create({ autoCreationEnabled: 'yes' })))).toEqual({
      autoCreationEnabled: 'Say whether auto-creation is on.',
    });
    expect(fieldsOf(checkCreateAddress(create({ conversationServiceSid: 'MG123' })))).toEqual({
      conversationServiceSid: 'Choose a conversation service.',
    });
  });

  test.each([null, [], 'sms', 42])('a request that is not an object (%j) is refused', (raw) => {
    expect(fieldsOf(checkCreateAddress(raw))).toEqual({ request: 'The request must be an object.' });
  });
});

describe('checkUpdateAddress', () => {
  const update = (overrides: Record<string, unknown> = {}) => ({
    sid: ADDRESS_SID,
    autoCreationEnabled: false,
    integration: webhook(),
    ...overrides,
  });

  test('an update passes with its SID and settings', () => {
    expect(checkUpdateAddress(update({ friendlyName: 'Sales' }))).toEqual({
      ok: true,
      value: { sid: ADDRESS_SID, friendlyName: 'Sales', autoCreationEnabled: false, integration: webhook() },
    });
  });

  test.each([undefined, '', 'IG123', `PN${'c'.repeat(32)}`])('address SID %j is refused', (addressSid) => {
    expect(fieldsOf(checkUpdateAddress(update({ sid: addressSid })))).toEqual({ sid: 'Not an address SID (IG…).' });
  });

  test('the type and address cannot be changed', () => {
    expect(fieldsOf(checkUpdateAddress(update({ type: 'sms', address: '+14155550100' })))).toEqual({
      request: 'Unknown fields: type, address.',
    });
  });

  test('the settings follow the same rules as on create', () => {
    expect(fieldsOf(checkUpdateAddress(update({ integration: studio(5) })))).toEqual({
      retryCount: 'Enter a whole number from 0 to 3.',
    });
  });
});

test('summariseFieldProblems makes one sentence of the field problems', () => {
  const summary = summariseFieldProblems({
    retryCount: { key: 'MessagingSetupRuleRetryCount', values: { min: 0, max: 3 } },
    studioFlowSid: { key: 'MessagingSetupRuleChooseStudioFlow' },
  });
  expect(wordMessage(summary)).toBe(
    'retryCount: Enter a whole number from 0 to 3. studioFlowSid: Choose a Studio flow.',
  );
  expect(wordMessage(summariseFieldProblems({}))).toBe('');
});
