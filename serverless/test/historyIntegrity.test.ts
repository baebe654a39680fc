/**
 * A history only the backend can write, and tampering shows (#25): where the history lives and
 * who can reach it, the chain's verdict over entries changed outside the backend, unreadable
 * items beside readable ones, strict ids, linear appends under concurrency and lost answers,
 * and the move of an old history out of the default Sync Service — over HTTP against the sandbox.
 */
import twilio from 'twilio';

import { backendSyncServiceSid } from '../../sandbox/server/generateAccount';
import {
  BACKEND_SYNC_SERVICE_NAME,
  type AddressInput,
  type HistoryReceipt,
  type ListHistoryResponse,
} from '../../src/contract/types';
import { readConfig } from '../src/config';
import { HistoryStore, HISTORY_MAP_NAME } from '../src/history/historyStore';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { withTimeBudget } from '../src/twilio/timeBudget';
import { freeSmsNumber } from './accountFixtures';
import { setUpBackend } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;

/** REST with the account's credentials: what the backend has, and anyone the account's owner gave them to. */
function restClient() {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
}

const backendService = () => backendSyncServiceSid(account());

const historyItems = () => restClient().sync.v1.services(backendService()).syncMaps(HISTORY_MAP_NAME).syncMapItems;

function smsInput(address: string, friendlyName = 'Support'): AddressInput {
  return { type: 'sms', address, friendlyName, autoCreationEnabled: true, integration: { type: 'default' } };
}

async function createAddress(input: AddressInput = smsInput(freeSmsNumber(account()))) {
  const response = await t.callFunction('create-address', { token: t.tokens.supervisor(), payload: input });
  expect(response.status).toBe(200);
  return response.body as { sid: string; history: HistoryReceipt };
}

async function listHistory(filters: Record<string, unknown> = {}): Promise<ListHistoryResponse> {
  const response = await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: filters });
  expect(response.status).toBe(200);
  return response.body as ListHistoryResponse;
}

/** A Sync REST request made with a Flex token, as the Flex UI's Sync client would make it. */
async function withToken(token: string, method: string, path: string, form: Record<string, string> = {}) {
  const response = await fetch(`${t.sandboxUrl}/sync/v1/${path}`, {
    method,
    headers: { 'X-Twilio-Token': token, 'Content-Type': 'application/x-www-form-urlencoded' },
    ...(method === 'GET' ? {} : { body: new URLSearchParams(form).toString() }),
  });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { code?: number } };
}

/** The store as the backend uses it, in this process (its Twilio requests still go over HTTP to the sandbox). */
function store() {
  const { accountSid, authToken } = t.sandbox.credentials;
  return new HistoryStore(
    readConfig({ ACCOUNT_SID: accountSid, AUTH_TOKEN: authToken, TWILIO_SANDBOX_URL: t.sandboxUrl }),
  );
}

const entryData = (n: number) => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  who: { identity: `supervisor${n}@example.com`, roles: ['supervisor'] },
  kind: 'update-number-inbound' as const,
  resource: {
    type: 'phone-number' as const,
    sid: `PN${String(n).padStart(32, '0')}`,
    address: `+1415555${String(n).padStart(4, '0')}`,
  },
  before: { numberInbound: { smsUrl: null, smsApplicationSid: null } },
  after: { numberInbound: { smsUrl: `https://example.com/${n}`, smsApplicationSid: null } },
  outcome: 'succeeded' as const,
});

describe('where the history lives', () => {
  test("a Flex user's token, as the sandbox issues it, cannot write the history", async () => {
    const first = await createAddress();
    expect(first.history).toEqual({ recorded: true, entryId: '0' });
    // Wherever the backend keeps it: the one service holding an object named like the history.
    const holders = account()
      .syncServices.all()
      .filter((service) =>
        [
          ...(account().syncMaps.get(String(service.sid))?.all() ?? []),
          ...(account().syncLists.get(String(service.sid))?.all() ?? []),
        ].some((object) => object.unique_name === HISTORY_MAP_NAME),
      );
    expect(holders.map((s) => s.friendly_name)).toEqual([BACKEND_SYNC_SERVICE_NAME]);
    expect(holders[0].acl_enabled).toBe(true);
    const service = String(holders[0].sid);

    for (const token of [t.tokens.agent(), t.tokens.supervisor(), t.tokens.admin()]) {
      const attempts = [
        await withToken(token, 'POST', `Services/${service}/Maps/${HISTORY_MAP_NAME}/Items`, {
          Key: '0000000001',
          Data: JSON.stringify(entryData(1)),
        }),
        await withToken(token, 'POST', `Services/${service}/Maps/${HISTORY_MAP_NAME}/Items/0000000000`, {
          Data: JSON.stringify(entryData(2)),
        }),
        await withToken(token, 'DELETE', `Services/${service}/Maps/${HISTORY_MAP_NAME}/Items/0000000000`),
        await withToken(token, 'GET', `Services/${service}/Maps/${HISTORY_MAP_NAME}/Items`),
        await withToken(token, 'POST', `Services/${service}`, { AclEnabled: 'false' }),
      ];
      expect(attempts.map((a) => [a.status, a.body.code])).toEqual(attempts.map(() => [403, 54007]));
    }
    // The token is a real Sync grant: it writes the default service, which is why the history is not there.
    const inDefault = await withToken(t.tokens.agent(), 'POST', 'Services/default/Lists', { UniqueName: 'scratch' });
    expect(inDefault.status).toBe(201);
    const listed = await listHistory();
    expect(listed.items.map((e) => [e.id, e.chain])).toEqual([['0', 'verified']]);
    expect(listed.integrity?.verdict).toBe('intact');
  });

  test('without the backend service the history is refused as not provisioned (503), never put in the default service', async () => {
    await restClient().sync.v1.services(backendService()).remove();
    const response = await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: {} });
    expect(response.status).toBe(503);
    expect((response.body as { error: { code: string } }).error.code).toBe('history_not_provisioned');
    const sids = account()
      .syncServices.all()
      .map((service) => String(service.sid));
    expect(sids.flatMap((sid) => account().syncMaps.get(sid)?.all() ?? [])).toEqual([]);
  });
});

describe('tamper evidence', () => {
  test('an entry altered over REST with the account credentials is flagged by the verdict and its entry fails', async () => {
    for (let i = 0; i < 3; i += 1) await createAddress();
    const item = await historyItems()('0000000001').fetch();
    const data = item.data as Record<string, unknown>;
    await historyItems()('0000000001').update({
      data: { ...data, who: { identity: 'someone.else@example.com', roles: ['admin'] } },
    });

    const listed = await listHistory();
    expect(listed.integrity).toMatchObject({ verdict: 'broken', broken: [{ id: '1', problem: 'altered' }] });
    expect(listed.items.map((e) => [e.id, e.chain])).toEqual([
      ['2', 'verified'],
      ['1', 'failed'],
      ['0', 'verified'],
    ]);
    const verified = await withTimeBudget(7500, 3000, () => store().verifyEntry('1'));
    expect(verified).toMatchObject({
      found: true,
      readable: true,
      entry: { chain: 'failed', chainProblem: 'altered' },
    });
    // Not revertible: refused before anything is claimed or changed.
    const addressesBefore = account().addresses.all().length;
    const revert = await t.callFunction('revert-change', { token: t.tokens.admin(), payload: { id: '1' } });
    expect(revert.status).toBe(409);
    expect(revert.body).toMatchObject({
      error: {
        code: 'entry_not_verified',
        message: expect.stringMatching(/^Entry 1 does not match .*not what the backend wrote/),
      },
    });
    expect(account().addresses.all()).toHaveLength(addressesBefore);
    // The entries the chain vouches for still revert.
    const intact = await t.callFunction('revert-change', { token: t.tokens.admin(), payload: { id: '2' } });
    expect(intact.status).toBe(200);
    expect(account().addresses.all()).toHaveLength(addressesBefore - 1);
  });

  test('an entry deleted, or one added without the key, shows in the verdict', async () => {
    for (let i = 0; i < 3; i += 1) await createAddress();
    await historyItems()('0000000001').remove();
    await historyItems().create({ key: '0000000003', data: entryData(3) });
    const listed = await listHistory();
    expect(listed.integrity?.verdict).toBe('broken');
    expect(listed.integrity?.broken).toEqual([
      { id: '3', problem: 'unsigned' },
      { id: '2', problem: 'missing' },
    ]);
  });

  test('20 concurrent appends make a linear, intact chain of 20 entries', async () => {
    const ids = await withTimeBudget(9000, 3000, () =>
      Promise.all(Array.from({ length: 20 }, (_, n) => store().append(entryData(n)))),
    );
    expect([...ids].sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 20 }, (_, n) => String(n)));
    const listed = await listHistory();
    expect(listed.items).toHaveLength(20);
    expect(listed.integrity).toMatchObject({ verdict: 'intact', newest: '19', oldest: '0', broken: [] });
    expect(new Set(listed.items.map((e) => e.who.identity)).size).toBe(20);
  });

  test('concurrent appends whose answers are lost: no duplicate, no missing entry, the chain intact', async () => {
    t.faults({ rateReset: 0.3, products: ['sync'], methods: ['POST'], pathIncludes: '/Items' }, 7);
    const ids = await withTimeBudget(9000, 3000, () =>
      Promise.all(Array.from({ length: 10 }, (_, n) => store().append(entryData(n)))),
    );
    t.faults({}, 1);
    expect(new Set(ids).size).toBe(10);
    const listed = await listHistory();
    expect(listed.items.map((e) => e.who.identity).sort()).toEqual(
      Array.from({ length: 10 }, (_, n) => `supervisor${n}@example.com`).sort(),
    );
    expect(listed.integrity).toMatchObject({ verdict: 'intact', broken: [] });
  });
});

describe('unreadable items and ids', () => {
  test('a malformed item is listed as unreadable beside the readable entries; filtered lists still answer', async () => {
    const first = await createAddress();
    await historyItems().create({
      key: '0000000001',
      data: { ...entryData(1), resource: { type: 'address', sid: 12345, address: '+14155550001' } },
    });
    await historyItems().create({
      key: '0000000002',
      data: { ...entryData(2), before: { address: 'str' } },
    });
    const listed = await listHistory();
    expect(listed.items.map((e) => e.id)).toEqual(['0']);
    expect(listed.unreadable).toEqual([
      { id: '2', field: 'before.address' },
      { id: '1', field: 'resource.sid' },
    ]);
    const filtered = await listHistory({ address: '+14155550001' });
    expect(filtered.items).toEqual([]);
    const bySid = await listHistory({ address: first.sid });
    expect(bySid.items.map((e) => e.id)).toEqual(['0']);
  });

  test('ids are one spelling each: 00 and 0000000000 are not entry 0', async () => {
    await createAddress();
    for (const id of ['00', '0000000000', '01']) {
      const response = await t.callFunction('revert-change', { token: t.tokens.supervisor(), payload: { id } });
      expect([400, 404]).toContain(response.status);
    }
    expect(await withTimeBudget(7500, 3000, () => store().fetch('00'))).toBeUndefined();
    expect((await withTimeBudget(7500, 3000, () => store().fetch('0')))?.id).toBe('0');
  });
});

describe('moving an old history out of the default service', () => {
  async function seedOldList(count: number) {
    const lists = restClient().sync.v1.services('default').syncLists;
    const list = await lists.create({ uniqueName: 'messaging-setup-history' });
    for (let n = 0; n < count; n += 1) {
      const data = n === count - 1 ? { ...entryData(n), kind: 'revert', revertOf: '0' } : entryData(n);
      await lists(list.sid).syncListItems.create({ data });
    }
  }

  test('old entries are carried over once, in order, with their ids; two first calls at once make no duplicate', async () => {
    await seedOldList(3);
    const [a, b] = await Promise.all([listHistory(), listHistory()]);
    for (const listed of [a, b]) {
      expect(listed.items.map((e) => [e.id, e.carriedOverFrom, e.chain])).toEqual([
        ['2', '2', 'carried-over'],
        ['1', '1', 'carried-over'],
        ['0', '0', 'carried-over'],
      ]);
      expect(listed.items[0].revertOf).toBe('0');
      expect(listed.integrity).toMatchObject({ verdict: 'intact', carriedOverThrough: '2' });
    }
    const next = await createAddress();
    expect(next.history).toEqual({ recorded: true, entryId: '3' });
    const after = await listHistory();
    expect(after.items.map((e) => [e.id, e.chain])).toEqual([
      ['3', 'verified'],
      ['2', 'carried-over'],
      ['1', 'carried-over'],
      ['0', 'carried-over'],
    ]);
    expect(after.integrity?.verdict).toBe('intact');
    expect((await historyItems().list()).length).toBe(4);
  });
});
