/**
 * Issue #26, "alerts as evidence", over HTTP against the sandbox: list-alerts reads the Debugger
 * alerts of a window (Monitor filters only by date and level) and keeps those about one row — by
 * resource SID, or by the row's address, webhook URL or Studio flow standing whole in the alert's
 * text or request URL — grouped by error code.
 *
 * The sandbox's clock is fixed (its seeds are dated January 2026) while the window is counted back
 * from the backend's real clock, as against Twilio; so each test dates the alerts it reads
 * relative to now: the `evidence` seed's own alerts are moved to an hour ago, and the alerts a test
 * writes (with the sandbox's own `writeAlert`) are dated as it says.
 *
 * Issue #27, Webchat 3: `errorCode` alone asks for the account's alerts of one code (45777, a
 * deployment key connected to no address), which are never a row's.
 */
import type { ListAlertsResponse } from '../../src/contract/alerts';
import { writeAlert, type AlertFields } from '../../sandbox/server/resources/monitor';
import type { AddressConfiguration, WireResource } from '../../sandbox/server/state';
import { beyondTokenCheck, errorBodyProblems, setUpBackend } from './harness';

const t = setUpBackend({ evidence: true });

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

const account = () => t.sandbox.account;

/** Dates an alert at `when`, as Twilio would have logged it then. */
function dateAlert(alert: WireResource, when: string): void {
  alert.date_generated = when;
  alert.date_created = when;
  alert.date_updated = when;
}

beforeEach(() => {
  t.reset({ evidence: true });
  for (const alert of account().alerts.all()) dateAlert(alert, ago(HOUR));
});

let written = 0;
/** A Debugger alert logged `msAgo` ago (default an hour). */
function logAlert(fields: Omit<AlertFields, 'key' | 'dateGenerated'>, msAgo = HOUR): WireResource {
  written += 1;
  return writeAlert(account(), { ...fields, dateGenerated: ago(msAgo), key: `test:${written}` });
}

async function alertsOf(payload: Record<string, unknown>): Promise<ListAlertsResponse> {
  const response = await t.callFunction('list-alerts', { token: t.tokens.supervisor(), payload });
  expect({ status: response.status, body: response.status === 200 ? 'the alerts' : response.body }).toEqual({
    status: 200,
    body: 'the alerts',
  });
  return response.body as ListAlertsResponse;
}

/** What the view sends for an address's row: everything it knows of it. */
function rowOf(address: AddressConfiguration): Record<string, unknown> {
  const number = account()
    .incomingPhoneNumbers.all()
    .find((n) => n.phone_number === address.address);
  const { type, studio_flow_sid: flow, webhook_url: url } = address.auto_creation;
  return {
    address: address.address,
    addressSid: address.sid,
    ...(number ? { phoneNumberSid: number.sid } : {}),
    ...(type === 'studio' && typeof flow === 'string' && flow ? { studioFlowSid: flow } : {}),
    ...(type === 'webhook' && typeof url === 'string' && url ? { webhookUrl: url } : {}),
  };
}

/** The address a seeded alert of `code` is about. */
function seededAddress(code: number): AddressConfiguration {
  const alert = account()
    .alerts.all()
    .find((a) => a.error_code === String(code));
  const address = account()
    .addresses.all()
    .find((a) => a.sid === alert?.resource_sid);
  if (!alert || !address) throw new Error(`the evidence seed logged no ${code} alert about an address`);
  return address;
}

const codes = (answer: ListAlertsResponse) => answer.groups.map((g) => g.code);

describe('the evidence seed’s alerts', () => {
  test.each([
    [45763, 'Unable to validate address configuration. Auto create studio flow SID missing.'],
    [45764, 'Unable to validate address configuration. Auto create webhook URL missing.'],
    [11200, 'HTTP retrieval failure'],
  ])('%s shows on its address’s row, with Twilio’s description and links', async (code, description) => {
    const address = seededAddress(code);
    const alert = account()
      .alerts.all()
      .find((a) => a.error_code === String(code));
    const answer = await alertsOf(rowOf(address));
    expect(answer.groups).toEqual([
      {
        code,
        count: 1,
        lastAt: alert?.date_generated,
        description,
        moreInfo: `https://www.twilio.com/docs/errors/${code}`,
        consoleUrl: `https://console.twilio.com/us1/monitor/logs/debugger/errors/${String(alert?.sid)}`,
        level: 'error',
      },
    ]);
    expect(answer).toMatchObject({ days: 7, truncated: false, scanned: account().alerts.all().length });
  });

  test('each seeded alert shows on its own row only, by whatever the row sends', async () => {
    const seeded = new Map<string, number[]>();
    for (const alert of account().alerts.all()) {
      const about = String(alert.resource_sid);
      seeded.set(about, [...(seeded.get(about) ?? []), Number(alert.error_code)]);
    }
    for (const address of account().addresses.all()) {
      const expected = (seeded.get(address.sid) ?? []).sort();
      expect({ address: address.address, codes: codes(await alertsOf(rowOf(address))).sort() }).toEqual({
        address: address.address,
        codes: expected,
      });
    }
  });

  test('by the address alone (the text names it) and by the webhook URL alone (the request URL)', async () => {
    const missingFlow = seededAddress(45763);
    expect(codes(await alertsOf({ address: missingFlow.address }))).toEqual([45763]);
    const unreachable = seededAddress(11200);
    expect(codes(await alertsOf({ webhookUrl: String(unreachable.auto_creation.webhook_url) }))).toEqual([11200]);
  });
});

describe('the account’s alerts of one code (errorCode, Webchat 3)', () => {
  const webchatAlerts = () =>
    account()
      .alerts.all()
      .filter((a) => a.error_code === '45777');

  test('45777 alone → the seeded warning: a deployment key with no address, with Twilio’s words and links', async () => {
    const [seeded] = webchatAlerts();
    expect(seeded).toMatchObject({ resource_sid: null, log_level: 'warning' });
    const answer = await alertsOf({ errorCode: 45777 });
    expect(answer.groups).toEqual([
      {
        code: 45777,
        count: 1,
        lastAt: seeded.date_generated,
        description: 'Address Configuration not found for deployment key.',
        moreInfo: 'https://www.twilio.com/docs/errors/45777',
        consoleUrl: `https://console.twilio.com/us1/monitor/logs/debugger/errors/${String(seeded.sid)}`,
        level: 'warning',
      },
    ]);
    expect(answer).toMatchObject({ days: 7, truncated: false, scanned: account().alerts.all().length });
  });

  test('grouped as a row’s are: count and the newest; only that code; only the window', async () => {
    const newest = logAlert(
      {
        errorCode: 45777,
        text: 'Address Configuration not found for deployment key other-key',
        resourceSid: null,
        logLevel: 'warning',
      },
      10 * 60 * 1000,
    );
    logAlert({ errorCode: 45777, text: 'ten days ago', resourceSid: null, logLevel: 'warning' }, 10 * DAY);
    const [group] = (await alertsOf({ errorCode: 45777 })).groups;
    expect(group).toMatchObject({ code: 45777, count: 2, lastAt: newest.date_generated });
    expect(group.consoleUrl).toBe(`https://console.twilio.com/us1/monitor/logs/debugger/errors/${newest.sid}`);
    expect(codes(await alertsOf({ errorCode: 45777 }))).toEqual([45777]);
    expect((await alertsOf({ errorCode: 45777, days: 30 })).groups[0].count).toBe(3);
  });

  test('a row’s alerts never include a 45777, even one whose text names the row', async () => {
    const address = seededAddress(45764);
    logAlert({
      errorCode: 45777,
      text: `Address Configuration not found for deployment key; the page also chatted with ${address.address}`,
      resourceSid: null,
      logLevel: 'warning',
    });
    expect(codes(await alertsOf(rowOf(address)))).not.toContain(45777);
    expect(codes(await alertsOf({ address: address.address }))).toEqual([45764]);
    for (const each of account().addresses.all()) {
      expect({ address: each.address, codes: codes(await alertsOf(rowOf(each))).includes(45777) }).toEqual({
        address: each.address,
        codes: false,
      });
    }
    expect((await alertsOf({ errorCode: 45777 })).groups[0].count).toBe(2);
  });

  test('one Monitor Alerts list, nothing else', async () => {
    t.clearLog();
    await alertsOf({ errorCode: 45777 });
    expect(beyondTokenCheck(t.log()).map((e) => [e.method, e.product, e.path])).toEqual([
      ['GET', 'monitor', '/v1/Alerts'],
    ]);
  });
});

describe('an alert about another number is never shown', () => {
  const SHORT = '+1415200001';
  const LONG = '+14152000010';

  test('a number that is a prefix of another: whole tokens only, in text and request URL', async () => {
    logAlert({ errorCode: 45761, text: `Auto create not enabled for the address ${LONG}.`, resourceSid: null });
    logAlert({
      errorCode: 11200,
      text: 'HTTP retrieval failure',
      resourceSid: null,
      request: { method: 'POST', url: `https://hooks.example.com/inbound?To=${encodeURIComponent(LONG)}` },
    });
    expect(codes(await alertsOf({ address: SHORT }))).toEqual([]);
    expect(codes(await alertsOf({ address: LONG })).sort()).toEqual([11200, 45761]);
  });

  test('form-encoded text is read decoded, and still only whole', async () => {
    logAlert({
      errorCode: 11205,
      text: `Msg=Failed&To=${encodeURIComponent(LONG)}&ErrorCode=11205`,
      resourceSid: null,
    });
    expect(codes(await alertsOf({ address: SHORT }))).toEqual([]);
    expect(codes(await alertsOf({ address: LONG }))).toEqual([11205]);
  });

  test('a WhatsApp sender on the same number is another address', async () => {
    logAlert({ errorCode: 45764, text: `Auto create webhook URL missing for whatsapp:${SHORT}.`, resourceSid: null });
    expect(codes(await alertsOf({ address: SHORT }))).toEqual([]);
    expect(codes(await alertsOf({ address: `whatsapp:${SHORT}` }))).toEqual([45764]);
  });

  test('an alert about another address is not ours even when its text names our number', async () => {
    const [ours, other] = account()
      .addresses.all()
      .filter((a) => a.type === 'sms');
    logAlert({ errorCode: 45765, text: `Message from ${ours.address} to ${other.address}`, resourceSid: other.sid });
    expect(codes(await alertsOf({ address: ours.address, addressSid: ours.sid }))).not.toContain(45765);
    expect(codes(await alertsOf({ address: other.address, addressSid: other.sid }))).toContain(45765);
  });

  test('a webhook URL is not in a longer path', async () => {
    logAlert({
      errorCode: 11200,
      text: 'HTTP retrieval failure',
      resourceSid: null,
      request: { method: 'POST', url: 'https://hooks.example.com/inbound2' },
    });
    expect(codes(await alertsOf({ webhookUrl: 'https://hooks.example.com/inbound' }))).toEqual([]);
    expect(codes(await alertsOf({ webhookUrl: 'https://hooks.example.com/inbound2' }))).toEqual([11200]);
  });
});

describe('grouped by error code', () => {
  test('count, the newest time and the newest alert’s Console link; newest group first', async () => {
    const address = seededAddress(45764);
    const older = logAlert({ errorCode: 45764, text: 'again', resourceSid: address.sid }, 3 * DAY);
    const newest = logAlert({ errorCode: 45764, text: 'and again', resourceSid: address.sid }, 10 * 60 * 1000);
    logAlert(
      { errorCode: 11200, text: 'HTTP retrieval failure', resourceSid: address.sid, logLevel: 'warning' },
      2 * DAY,
    );
    logAlert(
      { errorCode: 11200, text: 'HTTP retrieval failure', resourceSid: address.sid, logLevel: 'error' },
      4 * DAY,
    );
    logAlert({ errorCode: 99999, text: 'something new', resourceSid: address.sid, logLevel: 'warning' }, 5 * DAY);
    const answer = await alertsOf(rowOf(address));
    expect(answer.groups.map((g) => [g.code, g.count, g.level])).toEqual([
      [45764, 3, 'error'],
      [11200, 2, 'error'],
      [99999, 1, 'warning'],
    ]);
    const [first] = answer.groups;
    expect(first.lastAt).toBe(newest.date_generated);
    expect(first.consoleUrl).toBe(`https://console.twilio.com/us1/monitor/logs/debugger/errors/${newest.sid}`);
    expect(first.consoleUrl).not.toContain(older.sid);
    // A code the backend has no description of is still shown, with Twilio's page for it.
    expect(answer.groups[2]).toMatchObject({ description: null, moreInfo: 'https://www.twilio.com/docs/errors/99999' });
  });
});

describe('the window', () => {
  test('7 days unless asked; 1 to 30; alerts before it are not read', async () => {
    const address = seededAddress(45763);
    logAlert({ errorCode: 45763, text: 'three days ago', resourceSid: address.sid }, 3 * DAY);
    logAlert({ errorCode: 45763, text: 'ten days ago', resourceSid: address.sid }, 10 * DAY);
    const count = async (days?: number) =>
      (await alertsOf({ ...rowOf(address), ...(days ? { days } : {}) })).groups.find((g) => g.code === 45763)?.count ??
      0;
    expect(await count()).toBe(2);
    expect(await count(30)).toBe(3);
    expect(await count(2)).toBe(1);
    const week = await alertsOf(rowOf(address));
    expect(week.days).toBe(7);
    // Only the window's alerts are read: the ten-day-old one is not among those scanned.
    expect(week.scanned).toBe(account().alerts.all().length - 1);
  });

  test('one Monitor Alerts list per call, nothing else', async () => {
    t.clearLog();
    await alertsOf({ address: seededAddress(45763).address });
    expect(beyondTokenCheck(t.log()).map((e) => [e.method, e.product, e.path])).toEqual([
      ['GET', 'monitor', '/v1/Alerts'],
    ]);
  });

  test('at most 1000 alerts are read, and it says there were more', async () => {
    const address = seededAddress(45764);
    for (let i = 0; i < 1001; i += 1) {
      logAlert({ errorCode: 11200, text: `noise ${i}`, resourceSid: 'CH' + 'a'.repeat(32) }, 2 * HOUR + i * 1000);
    }
    const answer = await alertsOf(rowOf(address));
    expect(answer).toMatchObject({ scanned: 1000, truncated: true });
    // The seeded alert (an hour ago) is newer than the noise, so it was read.
    expect(codes(answer)).toEqual([45764]);
  });
});

describe('refusals', () => {
  const SID = (prefix: string) => `${prefix}${'0'.repeat(32)}`;
  test.each([
    ['no row named', {}],
    ['only days', { days: 7 }],
    ['an empty address', { address: '' }],
    ['an address with a space', { address: '+1 415 555 0100' }],
    ['an address with a quote', { address: '+1415"5550100' }],
    ['a too short address', { address: '+1' }],
    ['a too long address', { address: 'x'.repeat(257) }],
    ['an address that is a number', { address: 14155550100 }],
    ['an address SID of another kind', { addressSid: SID('PN') }],
    ['a phone number SID too short', { phoneNumberSid: 'PN123' }],
    ['a Studio flow SID in lower case prefix', { studioFlowSid: SID('fw') }],
    ['a webhook URL that is not http(s)', { webhookUrl: 'ftp://example.com/x' }],
    ['a webhook URL that is not a URL', { webhookUrl: 'example.com/inbound' }],
    ['days 0', { address: '+14155550100', days: 0 }],
    ['days 31', { address: '+14155550100', days: 31 }],
    ['days 1.5', { address: '+14155550100', days: 1.5 }],
    ['days as text', { address: '+14155550100', days: '7' }],
    ['an unknown field', { address: '+14155550100', level: 'error' }],
    ['an errorCode that is not account-level', { errorCode: 11200 }],
    ['an unknown errorCode', { errorCode: 12345 }],
    ['an errorCode as text', { errorCode: '45777' }],
    ['an errorCode with a row', { errorCode: 45777, address: '+14155550100' }],
    ['an errorCode with a bad days', { errorCode: 45777, days: 0 }],
    ['not an object', ['+14155550100']],
  ])('%s → 400 before any Twilio request', async (_, payload) => {
    t.clearLog();
    const response = await t.callFunction('list-alerts', { token: t.tokens.supervisor(), payload });
    expect(response.status).toBe(400);
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect((response.body as { error: { code: string } }).error.code).toBe('invalid_input');
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('each wrong field is named', async () => {
    const response = await t.callFunction('list-alerts', {
      token: t.tokens.supervisor(),
      payload: { address: '', addressSid: 'IG1', days: 99 },
    });
    expect(response.status).toBe(400);
    const { fieldProblems } = (response.body as { error: { fieldProblems?: Record<string, { key: string }> } }).error;
    expect(Object.keys(fieldProblems ?? {}).sort()).toEqual(['address', 'addressSid', 'days']);
    expect(fieldProblems?.days).toMatchObject({ key: 'MessagingSetupRefusalAlertsDays' });
  });

  test('an unknown errorCode is named, with the codes it may be; with a row, errorCode is named too', async () => {
    const call = (payload: Record<string, unknown>) =>
      t.callFunction('list-alerts', { token: t.tokens.supervisor(), payload });
    const unknown = (await call({ errorCode: 45770 })).body as {
      error: { message: string; fieldProblems?: Record<string, { key: string }> };
    };
    expect(Object.keys(unknown.error.fieldProblems ?? {})).toEqual(['errorCode']);
    expect(unknown.error.fieldProblems?.errorCode).toMatchObject({ key: 'MessagingSetupRefusalAlertsErrorCode' });
    expect(unknown.error.message).toContain('errorCode');
    expect(unknown.error.message).toContain('45777');
    const withRow = (await call({ errorCode: 45777, addressSid: seededAddress(45764).sid })).body as {
      error: { fieldProblems?: Record<string, { key: string }> };
    };
    expect(withRow.error.fieldProblems?.errorCode).toMatchObject({
      key: 'MessagingSetupRefusalAlertsErrorCodeWithRow',
    });
  });

  test('a read: an agent is refused, an admin and a supervisor answered', async () => {
    const payload = { address: seededAddress(45763).address };
    t.clearLog();
    expect((await t.callFunction('list-alerts', { token: t.tokens.agent(), payload })).status).toBe(403);
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect((await t.callFunction('list-alerts', { token: t.tokens.admin(), payload })).status).toBe(200);
    expect((await t.callFunction('list-alerts', { token: t.tokens.supervisor(), payload })).status).toBe(200);
  });
});
