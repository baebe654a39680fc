/** Sync v1 through twilio-node: Services, Lists by SID or unique name, List Items and their pages. */
import { SYNC_DATA_MAX_BYTES, SYNC_TTL_MAX_SECONDS } from '../server/resources/sync';
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
  test('a new account has its default service, addressed as `default`; create, list, fetch, update and delete another', async () => {
    const [standard] = await sync().services.list();
    expect((await sync().services.list()).length).toBe(1);
    expect(standard.uniqueName).toBe('default');
    // `default` addresses it wherever a service SID goes.
    const list = await sync().services('default').syncLists.create({ uniqueName: 'in-default' });
    expect(list.serviceSid).toBe(standard.sid);
    expect(sids(await sync().services(standard.sid).syncLists.list())).toEqual([list.sid]);

    const service = await sync().services.create({ friendlyName: 'Messaging Setup' });
    expect(service.sid).toMatch(/^IS[0-9a-f]{32}$/);
    expect(service.friendlyName).toBe('Messaging Setup');
    expect(sids(await sync().services.list())).toEqual([standard.sid, service.sid]);
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
    expect(services.map((s) => s.uniqueName)).toEqual(['default']);
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
