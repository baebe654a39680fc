/**
 * Sync v1 through twilio-node: Services, Lists by SID or unique name, List Items and their pages;
 * Maps and Map Items (the create only one caller wins, `If-Match` compare-and-set, expiry, pages by key).
 */
import { BACKEND_SYNC_SERVICE_NAME } from '../../src/contract/types';
import { SYNC_DATA_MAX_BYTES, SYNC_MAP_ITEM_KEY_MAX_LENGTH, SYNC_TTL_MAX_SECONDS } from '../server/resources/sync';
import { restError, sids, TEST_RESET, setUpSandbox } from './harness';

const t = setUpSandbox();

beforeEach(async () => {
  await t.control.reset(TEST_RESET);
  t.recorder.clear();
});

const sync = () => t.client.sync.v1;

async function newList(uniqueName = 'history') {
  const service = await sync().services.create({ friendlyName: 'Messaging Setup' });
  const list = await sync().services(service.sid).syncLists.create({ uniqueName });
  return { service, list, items: () => sync().services(service.sid).syncLists(uniqueName).syncListItems };
}

describe('Sync Services', () => {
  test("a new account has its default service, addressed as `default`, and the backend's own (ACLs on); create, list, fetch, update and delete another", async () => {
    const [standard, backend] = await sync().services.list();
    expect((await sync().services.list()).length).toBe(2);
    expect([standard.uniqueName, standard.aclEnabled]).toEqual(['default', false]);
    expect([backend.friendlyName, backend.aclEnabled]).toEqual([BACKEND_SYNC_SERVICE_NAME, true]);
    // `default` addresses it wherever a service SID goes.
    const list = await sync().services('default').syncLists.create({ uniqueName: 'in-default' });
    expect(list.serviceSid).toBe(standard.sid);
    expect(sids(await sync().services(standard.sid).syncLists.list())).toEqual([list.sid]);

    const service = await sync().services.create({ friendlyName: 'Messaging Setup' });
    expect(service.sid).toMatch(/^IS[0-9a-f]{32}$/);
    expect(service.friendlyName).toBe('Messaging Setup');
    expect(sids(await sync().services.list())).toEqual([standard.sid, backend.sid, service.sid]);
    expect((await sync().services(service.sid).fetch()).friendlyName).toBe('Messaging Setup');
    expect((await sync().services(service.sid).update({ friendlyName: 'Other' })).friendlyName).toBe('Other');
    await sync().services(service.sid).remove();
    expect((await restError(sync().services(service.sid).fetch())).status).toBe(404);
    expect((await restError(sync().services('nonesuch').syncLists.list())).status).toBe(404);
  });

  test('a reset clears Sync, as it clears the rest of the account', async () => {
    await newList();
    await sync().services('default').syncLists.create({ uniqueName: 'history' });
    await t.control.reset(TEST_RESET);
    const services = await sync().services.list();
    expect(services.map((s) => s.uniqueName ?? s.friendlyName)).toEqual(['default', BACKEND_SYNC_SERVICE_NAME]);
    expect(await sync().services('default').syncLists.list()).toHaveLength(0);
  });
});

describe('Sync Lists', () => {
  test('are fetched by SID or unique name; a second list with the same unique name is 409 / 54301', async () => {
    const { service, list } = await newList();
    expect(list.sid).toMatch(/^ES[0-9a-f]{32}$/);
    expect((await sync().services(service.sid).syncLists('history').fetch()).sid).toBe(list.sid);
    expect((await sync().services(service.sid).syncLists(list.sid).fetch()).uniqueName).toBe('history');
    const duplicate = await restError(sync().services(service.sid).syncLists.create({ uniqueName: 'history' }));
    expect([duplicate.status, duplicate.code]).toEqual([409, 54301]);
    expect((await restError(sync().services(service.sid).syncLists('nope').fetch())).status).toBe(404);
    // Unique names are per service: another service may use the same one.
    const other = await sync().services.create({ friendlyName: 'Other' });
    expect((await sync().services(other.sid).syncLists.create({ uniqueName: 'history' })).uniqueName).toBe('history');
  });
});

describe('Sync List Items', () => {
  test('create with a TTL, fetch by index, update and delete', async () => {
    const { items } = await newList();
    const item = await items().create({ data: { n: 1 }, ttl: 3600 });
    expect(item.index).toBe(0);
    expect(item.data).toEqual({ n: 1 });
    expect(item.createdBy).toBe('system');
    expect(item.dateExpires.getTime() - item.dateCreated.getTime()).toBe(3600 * 1000);
    expect((await items().create({ data: { n: 2 } })).dateExpires).toBeNull();
    expect((await sync().services(item.serviceSid).syncLists(item.listSid).syncListItems(0).fetch()).data).toEqual({
      n: 1,
    });
    const updated = await sync()
      .services(item.serviceSid)
      .syncLists(item.listSid)
      .syncListItems(0)
      .update({
        data: { n: 3 },
      });
    expect([updated.data, updated.revision]).toEqual([{ n: 3 }, '1']);
    await sync().services(item.serviceSid).syncLists(item.listSid).syncListItems(0).remove();
    const gone = await restError(sync().services(item.serviceSid).syncLists(item.listSid).syncListItems(0).fetch());
    expect(gone.status).toBe(404);
    // Indexes are never reused.
    expect((await items().create({ data: {} })).index).toBe(2);
  });

  test('Data over 16 KiB is refused with 54006, a TTL over a year with 54011; nothing is stored', async () => {
    const { items } = await newList();
    const tooLarge = await restError(items().create({ data: { text: 'x'.repeat(SYNC_DATA_MAX_BYTES) } }));
    expect(tooLarge.code).toBe(54006);
    const badTtl = await restError(items().create({ data: {}, ttl: SYNC_TTL_MAX_SECONDS + 1 }));
    expect([badTtl.status, badTtl.code]).toEqual([400, 54011]);
    expect(await items().list()).toEqual([]);
    expect((await items().create({ data: { text: 'x'.repeat(SYNC_DATA_MAX_BYTES - 20) } })).index).toBe(0);
  });

  test('newest first with Order=desc, in pages that items added meanwhile do not shift', async () => {
    const { items } = await newList();
    for (let n = 0; n < 7; n += 1) await items().create({ data: { n } });
    const first = await items().page({ order: 'desc', pageSize: 3 });
    expect(first.instances.map((i) => i.index)).toEqual([6, 5, 4]);
    await items().create({ data: { n: 7 } });
    const second = await first.nextPage();
    expect(second?.instances.map((i) => i.index)).toEqual([3, 2, 1]);
    const third = await second?.nextPage();
    expect(third?.instances.map((i) => i.index)).toEqual([0]);
    expect(third?.nextPageUrl).toBeUndefined();
    expect((await items().list({ order: 'asc' })).map((i) => i.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const from = await items().list({ order: 'desc', from: '5', bounds: 'exclusive' });
    expect(from.map((i) => i.index)).toEqual([4, 3, 2, 1, 0]);
  });

  test('faults apply to product sync like any other', async () => {
    const { items } = await newList();
    await t.control.faults({ rate429: 1, products: ['sync'] });
    expect((await restError(items().create({ data: {} }))).status).toBe(429);
    await t.control.clearFaults();
    expect(await items().list()).toEqual([]);
  });
});

async function newMap(uniqueName = 'claims') {
  const service = await sync().services.create({ friendlyName: 'Messaging Setup' });
  const map = await sync().services(service.sid).syncMaps.create({ uniqueName });
  const items = () => sync().services(service.sid).syncMaps(uniqueName).syncMapItems;
  return {
    service,
    map,
    items,
    item: (key: string) => sync().services(service.sid).syncMaps(uniqueName).syncMapItems(key),
  };
}

describe('Sync Maps', () => {
  test('are fetched by SID or unique name, listed, updated and deleted; a duplicate unique name is 409 / 54301; a missing map 404 / 54200', async () => {
    const { service, map } = await newMap();
    expect(map.sid).toMatch(/^MP[0-9a-f]{32}$/);
    const maps = sync().services(service.sid).syncMaps;
    expect((await maps('claims').fetch()).sid).toBe(map.sid);
    expect((await maps(map.sid).fetch()).uniqueName).toBe('claims');
    expect(sids(await maps.list())).toEqual([map.sid]);
    const duplicate = await restError(maps.create({ uniqueName: 'claims' }));
    expect([duplicate.status, duplicate.code]).toEqual([409, 54301]);
    const updated = await maps('claims').update({ ttl: 60 });
    expect(updated.revision).toBe('1');
    expect(updated.dateExpires).not.toBeNull();
    const missing = await restError(maps('nope').fetch());
    expect([missing.status, missing.code]).toEqual([404, 54200]);
    await maps('claims').remove();
    expect((await restError(maps(map.sid).fetch())).status).toBe(404);
    // The name is free again once the map is gone.
    expect((await maps.create({ uniqueName: 'claims' })).sid).not.toBe(map.sid);
  });
});

describe('Sync Map Items', () => {
  test('create answers 201 with the revision as ETag; a second create of the key is 409 / 54208 and changes nothing', async () => {
    const { items, item } = await newMap();
    const made = await items().create({ key: 'conversation:CH1', data: { n: 1 } });
    expect([made.key, made.revision, made.data, made.createdBy]).toEqual(['conversation:CH1', '0', { n: 1 }, 'system']);
    expect([t.recorder.last().status, t.recorder.last().headers.etag]).toEqual([201, '0']);
    const again = await restError(items().create({ key: 'conversation:CH1', data: { n: 2 } }));
    expect([again.status, again.code, again.message]).toEqual([
      409,
      54208,
      'A Map Item with given key already exists in the Map',
    ]);
    const fetched = await item('conversation:CH1').fetch();
    expect([fetched.data, fetched.revision]).toEqual([{ n: 1 }, '0']);
    expect(t.recorder.last().headers.etag).toBe('0');
    const missing = await restError(item('nope').fetch());
    expect([missing.status, missing.code]).toEqual([404, 54201]);
  });

  test('of many concurrent creates of one key exactly one is 201, every other 409 / 54208', async () => {
    const { items } = await newMap();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) => items().create({ key: 'one', data: { n } })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) {
      expect((o.reason as { code?: number }).code).toBe(54208);
    }
  });

  test('a key is 1 to 256 characters (else 400 / 54209); Data over 16 KiB is 54006, a TTL over a year 54011', async () => {
    const { items } = await newMap();
    const tooLong = await restError(items().create({ key: 'k'.repeat(SYNC_MAP_ITEM_KEY_MAX_LENGTH + 1), data: {} }));
    expect([tooLong.status, tooLong.code]).toEqual([400, 54209]);
    expect((await items().create({ key: 'k'.repeat(SYNC_MAP_ITEM_KEY_MAX_LENGTH), data: {} })).key).toHaveLength(256);
    const tooLarge = await restError(items().create({ key: 'big', data: { text: 'x'.repeat(SYNC_DATA_MAX_BYTES) } }));
    expect(tooLarge.code).toBe(54006);
    const badTtl = await restError(items().create({ key: 'ttl', data: {}, ttl: SYNC_TTL_MAX_SECONDS + 1 }));
    expect([badTtl.status, badTtl.code]).toEqual([400, 54011]);
    expect((await items().list()).map((i) => i.key)).toEqual(['k'.repeat(256)]);
  });

  test('update and delete with If-Match: the current revision applies, any other is 412 / 54205 and changes nothing', async () => {
    const { items, item } = await newMap();
    await items().create({ key: 'a', data: { v: 1 } });
    const updated = await item('a').update({ data: { v: 2 }, ifMatch: '0' });
    expect([updated.data, updated.revision]).toEqual([{ v: 2 }, '1']);
    expect(t.recorder.last().headers.etag).toBe('1');
    const stale = await restError(item('a').update({ data: { v: 3 }, ifMatch: '0' }));
    expect([stale.status, stale.code, stale.message]).toEqual([
      412,
      54205,
      'The actual revision of the Map Item does not match the expected revision',
    ]);
    expect((await item('a').fetch()).data).toEqual({ v: 2 });
    // Without If-Match an update is unconditional.
    expect((await item('a').update({ data: { v: 4 } })).revision).toBe('2');
    const staleDelete = await restError(item('a').remove({ ifMatch: '1' }));
    expect([staleDelete.status, staleDelete.code]).toEqual([412, 54205]);
    expect(await item('a').remove({ ifMatch: '2' })).toBe(true);
    expect((await restError(item('a').fetch())).code).toBe(54201);
    // Concurrent compare-and-sets from one revision: exactly one applies.
    await items().create({ key: 'b', data: { v: 0 } });
    const races = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) => item('b').update({ data: { v: n }, ifMatch: '0' })),
    );
    expect(races.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('an expired item reads as missing and its key can be created again', async () => {
    const { items, item } = await newMap();
    await items().create({ key: 'short', data: { v: 1 }, itemTtl: 1 });
    await items().create({ key: 'long', data: {}, ttl: 3600 });
    // The sandbox's clock moves one second per write: one more write and `short` has expired.
    await items().create({ key: 'tick', data: {} });
    expect((await restError(item('short').fetch())).code).toBe(54201);
    expect((await items().list()).map((i) => i.key)).toEqual(['long', 'tick']);
    expect((await items().create({ key: 'short', data: { v: 2 } })).data).toEqual({ v: 2 });
  });

  test('listed by key, lexicographic, asc or desc, from a key inclusive or exclusive, in stable pages', async () => {
    const { items } = await newMap();
    for (const key of ['d', 'b', 'a', 'e', 'c', 'aa']) await items().create({ key, data: {} });
    expect((await items().list()).map((i) => i.key)).toEqual(['a', 'aa', 'b', 'c', 'd', 'e']);
    expect((await items().list({ order: 'desc' })).map((i) => i.key)).toEqual(['e', 'd', 'c', 'b', 'aa', 'a']);
    expect((await items().list({ from: 'b' })).map((i) => i.key)).toEqual(['b', 'c', 'd', 'e']);
    expect((await items().list({ from: 'b', bounds: 'exclusive' })).map((i) => i.key)).toEqual(['c', 'd', 'e']);
    expect((await items().list({ order: 'desc', from: 'c', bounds: 'exclusive' })).map((i) => i.key)).toEqual([
      'b',
      'aa',
      'a',
    ]);
    const first = await items().page({ pageSize: 2 });
    expect(first.instances.map((i) => i.key)).toEqual(['a', 'aa']);
    // A key added before the next page's first key does not shift the pages.
    await items().create({ key: 'ab', data: {} });
    const second = await first.nextPage();
    expect(second?.instances.map((i) => i.key)).toEqual(['b', 'c']);
    const third = await second?.nextPage();
    expect(third?.instances.map((i) => i.key)).toEqual(['d', 'e']);
    expect(third?.nextPageUrl).toBeUndefined();
  });

  test('a reset and a deleted service clear maps and their items', async () => {
    const { service, items } = await newMap();
    await items().create({ key: 'a', data: {} });
    await sync().services(service.sid).remove();
    await sync().services('default').syncMaps.create({ uniqueName: 'claims' });
    await t.control.reset(TEST_RESET);
    expect(await sync().services('default').syncMaps.list()).toHaveLength(0);
  });
});
