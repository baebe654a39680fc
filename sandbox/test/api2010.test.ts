/** API 2010 IncomingPhoneNumbers through twilio-node: list filters, fetch, update, 2010-style paging. */
import { restError, sids, TEST_RESET, setUpSandbox } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const numbers = () => t.client.api.v2010.accounts(t.accountSid).incomingPhoneNumbers;
const snapshot = async () => (await numbers().list()).map((n) => n.toJSON());

interface Page2010 {
  incoming_phone_numbers: { sid: string }[];
  first_page_uri: string;
  next_page_uri: string | null;
  previous_page_uri: string | null;
  uri: string;
  page: number;
  page_size: number;
  start: number;
  end: number;
}

describe('IncomingPhoneNumbers list', () => {
  test('lists every number of the account with API 2010 fields', async () => {
    const all = await numbers().list();
    expect(all).toHaveLength(24);
    expect(new Set(sids(all)).size).toBe(24);
    for (const n of all) {
      expect(n.sid).toMatch(/^PN[0-9a-f]{32}$/);
      expect(n.accountSid).toBe(t.accountSid);
      expect(n.phoneNumber).toMatch(/^\+1\d{10}$/);
      expect(n.uri).toBe(`/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers/${n.sid}.json`);
      expect(n.dateCreated).toBeInstanceOf(Date);
    }
    // The default client (`client.incomingPhoneNumbers`) reaches the same account.
    expect(sids(await t.client.incomingPhoneNumbers.list())).toEqual(sids(all));
  });

  test('PhoneNumber filters by a partial number', async () => {
    const all = await numbers().list();
    const in415 = await numbers().list({ phoneNumber: '415' });
    expect(t.recorder.last().url).toContain('PhoneNumber=415');
    expect(in415.length).toBeGreaterThan(0);
    expect(in415.length).toBeLessThan(all.length);
    expect(in415.every((n) => n.phoneNumber.includes('415'))).toBe(true);
    expect(sids(in415)).toEqual(sids(all.filter((n) => n.phoneNumber.includes('415'))));
    const exact = await numbers().list({ phoneNumber: all[3].phoneNumber });
    expect(sids(exact)).toEqual([all[3].sid]);
  });

  test('FriendlyName and Origin filter', async () => {
    const all = await numbers().list();
    expect(sids(await numbers().list({ friendlyName: all[5].friendlyName }))).toEqual([all[5].sid]);
    expect(await numbers().list({ friendlyName: 'No such name' })).toHaveLength(0);
    expect(await numbers().list({ origin: 'twilio' })).toHaveLength(all.length);
    expect(await numbers().list({ origin: 'hosted' })).toHaveLength(0);
  });

  test('another account’s path is a 404', async () => {
    const other = `AC${'1'.repeat(32)}`;
    const error = await restError(t.client.api.v2010.accounts(other).incomingPhoneNumbers.list());
    expect(error).toMatchObject({ status: 404, code: 20404 });
  });
});

describe('IncomingPhoneNumbers pagination (2010 shape: relative next_page_uri)', () => {
  test('list() follows next_page_uri across pages: complete, in order, no duplicates', async () => {
    await t.control.reset({ ...TEST_RESET, numbers: 120 });
    t.recorder.clear();
    const all = await numbers().list({ pageSize: 50 });
    const pages = t.recorder.all().map((x) => x.body as Page2010);
    expect(pages).toHaveLength(3);
    const base = `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json?`;
    expect(pages.map((p) => [p.page, p.page_size, p.start, p.end, p.incoming_phone_numbers.length])).toEqual([
      [0, 50, 0, 49, 50],
      [1, 50, 50, 99, 50],
      [2, 50, 100, 119, 20],
    ]);
    expect(pages[0].next_page_uri?.startsWith(base)).toBe(true);
    expect(pages[1].next_page_uri?.startsWith(base)).toBe(true);
    expect(pages[2].next_page_uri).toBeNull();
    expect(pages[0].previous_page_uri).toBeNull();
    expect(pages[2].previous_page_uri?.startsWith(base)).toBe(true);
    expect(pages.every((p) => p.first_page_uri.startsWith(base) && p.uri.startsWith(base))).toBe(true);
    // twilio-node resolved the relative URI against api.twilio.com, which the client sent to the sandbox.
    expect(t.recorder.all()[1].url).toBe(`${t.url}/api${pages[0].next_page_uri}`);
    expect(all).toHaveLength(120);
    expect(new Set(sids(all)).size).toBe(120);
    expect(sids(all)).toEqual(t.sandbox.account.incomingPhoneNumbers.all().map((n) => n.sid));
  });

  test('filters are carried to every page', async () => {
    await t.control.reset({ ...TEST_RESET, numbers: 120 });
    t.recorder.clear();
    const in212 = await numbers().list({ phoneNumber: '212', pageSize: 4 });
    expect(t.recorder.all().length).toBeGreaterThanOrEqual(3);
    expect(t.recorder.all().every((x) => x.url.includes('PhoneNumber=212'))).toBe(true);
    const expected = t.sandbox.account.incomingPhoneNumbers.all().filter((n) => n.phone_number.includes('212'));
    expect(sids(in212)).toEqual(expected.map((n) => n.sid));
  });

  test('a PageSize above the spec maximum (1000) is clamped', async () => {
    const response = await t.raw('api', `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json`, {
      query: { PageSize: '5000' },
    });
    expect(response.status).toBe(200);
    const page = response.body as Page2010;
    expect(page.page_size).toBe(1000);
    expect(page.incoming_phone_numbers).toHaveLength(24);
    expect(page.next_page_uri).toBeNull();
  });

  test('a PageSize below the minimum is a 400', async () => {
    const response = await t.raw('api', `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json`, {
      query: { PageSize: '0' },
    });
    expect(response.status).toBe(400);
    expect((response.body as { message: string }).message).toMatch(/PageSize/);
  });
});

describe('IncomingPhoneNumbers fetch and update', () => {
  test('fetch answers the same number as the list', async () => {
    const [, second] = await numbers().list({ limit: 2 });
    const fetched = await numbers()(second.sid).fetch();
    expect(fetched.toJSON()).toEqual(second.toJSON());
  });

  test('an unknown PN sid is Twilio’s 404', async () => {
    const sid = `PN${'0'.repeat(32)}`;
    const error = await restError(numbers()(sid).fetch());
    expect(error).toMatchObject({ status: 404, code: 20404, moreInfo: 'https://www.twilio.com/docs/errors/20404' });
    expect(error.message).toContain(sid);
  });

  test('update with SmsUrl "" clears "A message comes in", and only on that number', async () => {
    const before = await numbers().list();
    const withUrl = before.find((n) => n.smsUrl);
    if (!withUrl) throw new Error('the demo account has no number with an SMS URL');
    const updated = await numbers()(withUrl.sid).update({ smsUrl: '' });
    expect(updated.smsUrl).toBe('');
    expect((await numbers()(withUrl.sid).fetch()).smsUrl).toBe('');
    const after = await numbers().list();
    expect(after.filter((n) => n.sid !== withUrl.sid).map((n) => n.toJSON())).toEqual(
      before.filter((n) => n.sid !== withUrl.sid).map((n) => n.toJSON()),
    );
  });

  test('update sets and clears the SMS application, and sets URL, method and name', async () => {
    const [number] = await numbers().list({ limit: 1 });
    const app = `AP${'ab'.repeat(16)}`;
    const set = await numbers()(number.sid).update({
      smsApplicationSid: app,
      smsUrl: 'https://example.com/sms',
      smsMethod: 'get',
      friendlyName: 'Front desk',
    });
    expect(set).toMatchObject({
      smsApplicationSid: app,
      smsUrl: 'https://example.com/sms',
      smsMethod: 'GET',
      friendlyName: 'Front desk',
    });
    const cleared = await numbers()(number.sid).update({ smsApplicationSid: '' });
    expect(cleared.smsApplicationSid).toBe('');
    expect(cleared.smsUrl).toBe('https://example.com/sms');
    expect((await numbers()(number.sid).fetch()).smsApplicationSid).toBe('');
  });

  test.each<[string, Record<string, string>, RegExp]>([
    ['an SmsMethod outside the enum', { smsMethod: 'PUT' }, /SmsMethod/],
    ['an SmsUrl that is not a URL', { smsUrl: 'not a url' }, /SmsUrl/],
    ['an SmsApplicationSid that is not an AP sid', { smsApplicationSid: 'AP123' }, /SmsApplicationSid/],
  ])('update with %s is a 400 and changes nothing', async (_what, params, message) => {
    const [number] = await numbers().list({ limit: 1 });
    const before = await snapshot();
    const error = await restError(numbers()(number.sid).update(params));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});
