/**
 * The change history (#18) over HTTP against the sandbox: one entry per write with who, before
 * and after; failures recorded; a missing history said on the answer; list filters; reverts and
 * their refusals — each compared with what the sandbox holds.
 */
import type { AddressInput, HistoryEntry, HistoryReceipt, Page, RevertChangeResponse } from '../../src/contract/types';
import { HISTORY_MAP_NAME } from '../src/history/historyStore';
import { freeSmsNumber } from './accountFixtures';
import { setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const identityOf = (token: string) => t.sandbox.tokens.validate(token) as { identity?: string };

async function history(token = t.tokens.supervisor(), filters: Record<string, unknown> = {}): Promise<HistoryEntry[]> {
  const response = await t.callFunction('list-history', { token, payload: filters });
  expect(response.status).toBe(200);
  return (response.body as Page<HistoryEntry>).items;
}

const receiptOf = (response: FunctionResponse) => (response.body as { history?: HistoryReceipt }).history;

function smsInput(address: string, friendlyName = 'Support'): AddressInput {
  return { type: 'sms', address, friendlyName, autoCreationEnabled: true, integration: { type: 'default' } };
}

async function createAddress(token: string, input: AddressInput) {
  const response = await t.callFunction('create-address', { token, payload: input });
  expect(response.status).toBe(200);
  return response.body as { sid: string; history: HistoryReceipt };
}

const revert = (token: string, id: string) => t.callFunction('revert-change', { token, payload: { id } });
const addressesFor = (address: string) =>
  account()
    .addresses.all()
    .filter((a) => a.address === address);

describe('recording', () => {
  test('each kind of write makes exactly one entry, with who, before and after', async () => {
    const supervisor = t.tokens.supervisor();
    const who = identityOf(supervisor).identity;
    const number = freeSmsNumber(account());
    const created = await createAddress(supervisor, smsInput(number));
    expect(created.history).toEqual({ recorded: true, entryId: '0' });

    const updated = await t.callFunction('update-address', {
      token: supervisor,
      payload: {
        sid: created.sid,
        friendlyName: 'Renamed',
        autoCreationEnabled: false,
        integration: { type: 'default' },
      },
    });
    expect(receiptOf(updated)).toEqual({ recorded: true, entryId: '1' });
    const phone = account().incomingPhoneNumbers.all()[0];
    const inbound = await t.callFunction('update-number-inbound', {
      token: supervisor,
      payload: { sid: phone.sid, smsUrl: '' },
    });
    expect(receiptOf(inbound)).toEqual({ recorded: true, entryId: '2' });
    const service = account().conversationServices.all()[1].sid;
    const previousDefault = account().conversationsConfiguration.default_chat_service_sid;
    const setDefault = await t.callFunction('set-default-conversation-service', {
      token: supervisor,
      payload: { serviceSid: service },
    });
    expect(receiptOf(setDefault)).toEqual({ recorded: true, entryId: '3' });
    const deleted = await t.callFunction('delete-address', { token: supervisor, payload: { sid: created.sid } });
    expect(receiptOf(deleted)).toEqual({ recorded: true, entryId: '4' });

    const entries = await history();
    expect(entries.map((e) => [e.id, e.kind, e.outcome])).toEqual([
      ['4', 'delete-address', 'succeeded'],
      ['3', 'set-default-conversation-service', 'succeeded'],
      ['2', 'update-number-inbound', 'succeeded'],
      ['1', 'update-address', 'succeeded'],
      ['0', 'create-address', 'succeeded'],
    ]);
    for (const entry of entries) expect(entry.who).toEqual({ identity: who, roles: ['supervisor'] });
    const [del, def, inb, upd, cre] = entries;
    expect(cre.resource).toEqual({ type: 'address', sid: created.sid, address: number });
    expect(cre.before).toBeNull();
    expect(cre.after).toMatchObject({ address: { sid: created.sid, friendlyName: 'Support' } });
    expect(upd.before).toMatchObject({ address: { friendlyName: 'Support', autoCreationEnabled: true } });
    expect(upd.after).toMatchObject({ address: { friendlyName: 'Renamed', autoCreationEnabled: false } });
    expect(inb.resource).toEqual({ type: 'phone-number', sid: phone.sid, address: phone.phone_number });
    expect(inb.after).toMatchObject({ numberInbound: { smsUrl: null } });
    expect(def.before).toEqual({ defaultConversationServiceSid: previousDefault });
    expect(def.after).toEqual({ defaultConversationServiceSid: service });
    expect(del.before).toMatchObject({ address: { sid: created.sid, friendlyName: 'Renamed' } });
    expect(del.after).toBeNull();
  });

  test('a Flex Flow migration and a Flex Flow delete are one entry each', async () => {
    const supervisor = t.tokens.supervisor();
    const [web, sms] = account().flexFlows.all();
    const migrated = await t.callFunction('migrate-flex-flow', { token: supervisor, payload: { sid: sms.sid } });
    expect(receiptOf(migrated)).toEqual({ recorded: true, entryId: '0' });
    const deleted = await t.callFunction('delete-flex-flow', { token: supervisor, payload: { sid: web.sid } });
    expect(receiptOf(deleted)).toEqual({ recorded: true, entryId: '1' });
    const [del, mig] = await history();
    expect(mig).toMatchObject({
      kind: 'migrate-flex-flow',
      resource: { type: 'flex-flow', sid: sms.sid, address: sms.contact_identity },
      before: { flexFlow: { sid: sms.sid } },
      after: { address: { address: sms.contact_identity } },
    });
    expect(del).toMatchObject({ kind: 'delete-flex-flow', before: { flexFlow: { sid: web.sid } }, after: null });
  });

  test('a failed write is recorded as failed with its message, and still answered as the error', async () => {
    const response = await t.callFunction('delete-address', {
      token: t.tokens.supervisor(),
      payload: { sid: `IG${'0'.repeat(32)}` },
    });
    expect(response.status).toBe(404);
    const [entry] = await history();
    expect(entry).toMatchObject({ kind: 'delete-address', outcome: 'failed', before: null });
    expect(entry.error).toBe((response.body as { error: { message: string } }).error.message);
  });

  test('when Sync fails for the history alone, the change is still made and answered 200, saying it was not recorded', async () => {
    const number = freeSmsNumber(account());
    t.faults({ rate500: 1, products: ['sync'], pathIncludes: HISTORY_MAP_NAME }, 1);
    const response = await t.callFunction('create-address', {
      token: t.tokens.supervisor(),
      payload: smsInput(number),
    });
    expect(response.status).toBe(200);
    const receipt = receiptOf(response);
    expect(receipt?.recorded).toBe(false);
    expect(receipt && !receipt.recorded && receipt.message).toMatch(/change was made.*could not be written/);
    // Not "nothing changed": the plugin says this one as an error (actions/messagingSetupActions.ts).
    expect(receipt && !receipt.recorded && receipt.unchanged).toBeUndefined();
    expect(addressesFor(number)).toHaveLength(1);
  });

  test('when Sync fails altogether, nothing is changed: the lease that keeps changes apart cannot be taken', async () => {
    const number = freeSmsNumber(account());
    t.faults({ rate500: 1, products: ['sync'] }, 1);
    const response = await t.callFunction('create-address', {
      token: t.tokens.supervisor(),
      payload: smsInput(number),
    });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      error: {
        code: 'lease_unavailable',
        message: expect.stringMatching(new RegExp(`reserve \\${number}.*Nothing was changed`)),
      },
    });
    expect(addressesFor(number)).toHaveLength(0);
  });

  test('an entry too large for a Sync item is summarised, not dropped', async () => {
    const [, sms] = account().flexFlows.all();
    sms.integration = { ...(sms.integration as object), notes: 'x'.repeat(40_000) };
    const response = await t.callFunction('delete-flex-flow', {
      token: t.tokens.supervisor(),
      payload: { sid: sms.sid },
    });
    expect(receiptOf(response)).toEqual({ recorded: true, entryId: '0' });
    const [entry] = await history();
    expect(entry.summarised).toBe(true);
    expect(entry.before).toMatchObject({ flexFlow: { sid: sms.sid, integration: { flow_sid: expect.any(String) } } });
    expect(JSON.stringify(entry)).not.toContain('x'.repeat(1000));
    const refused = await revert(t.tokens.supervisor(), entry.id);
    expect(refused.status).toBe(409);
  });
});

describe('persistence', () => {
  test('the history survives a backend restart: it lives in Sync, and the restarted backend appends to the same list', async () => {
    const supervisor = t.tokens.supervisor();
    const first = await createAddress(supervisor, smsInput(freeSmsNumber(account())));
    // Sync services and the history Map: the restarted backend finds the ones it made, makes no new ones.
    const lists = () =>
      account().syncServices.all().length +
      [...account().syncMaps.values()].reduce(
        (count, services) => count + services.all().filter((m) => m.unique_name === HISTORY_MAP_NAME).length,
        0,
      );
    const listsBefore = lists();
    await t.restartBackend();

    const entries = await history();
    expect(entries.map((e) => [e.id, e.kind, e.resource.sid])).toEqual([['0', 'create-address', first.sid]]);
    const second = await createAddress(supervisor, smsInput(freeSmsNumber(account()), 'Second'));
    expect(second.history).toEqual({ recorded: true, entryId: '1' });
    expect(lists()).toBe(listsBefore);
    expect((await history()).map((e) => e.id)).toEqual(['1', '0']);
  });
});

describe('first use', () => {
  test('concurrent first writes (a bulk run) all land in the one history list', async () => {
    const supervisor = t.tokens.supervisor();
    const numbers = account()
      .incomingPhoneNumbers.all()
      .filter(
        (n) =>
          n.capabilities.sms &&
          !account()
            .addresses.all()
            .some((a) => a.address === n.phone_number),
      )
      .slice(0, 6)
      .map((n) => n.phone_number);
    expect(numbers).toHaveLength(6);
    const receipts = await Promise.all(numbers.map((number) => createAddress(supervisor, smsInput(number))));
    expect(receipts.map((r) => r.history.recorded)).toEqual(receipts.map(() => true));
    // One history Map (beside the leases' Map), no List: concurrent first writes made it once.
    const maps = [...account().syncMaps.values()].flatMap((services) => services.all());
    expect(maps.filter((m) => m.unique_name === HISTORY_MAP_NAME)).toHaveLength(1);
    expect([...account().syncLists.values()].flatMap((services) => services.all())).toEqual([]);
    expect((await history()).map((e) => e.resource.address).sort()).toEqual([...numbers].sort());
  });
});

describe('list-history', () => {
  test('filters by address (a number also matches its WhatsApp address), identity and kind; bad filters are 400', async () => {
    const alice = t.tokens.supervisor();
    const bob = t.tokens.admin();
    const number = freeSmsNumber(account());
    await createAddress(alice, smsInput(number));
    await createAddress(bob, { ...smsInput(`whatsapp:${number}`), type: 'whatsapp' });
    await createAddress(bob, smsInput(freeSmsNumber(account())));
    const reader = t.tokens.supervisor();
    expect((await history(reader, { address: number })).map((e) => e.resource.address)).toEqual([
      `whatsapp:${number}`,
      number,
    ]);
    expect(await history(reader, { address: `WHATSAPP:${number}` })).toHaveLength(1);
    const bobs = await history(reader, { identity: identityOf(bob).identity });
    expect(bobs.map((e) => e.id)).toEqual(['2', '1']);
    expect(await history(reader, { kind: 'delete-address' })).toEqual([]);
    for (const bad of [{ kind: 'nope' }, { address: '' }, { identity: 5 }, { other: 1 }]) {
      const response = await t.callFunction('list-history', { token: reader, payload: bad });
      expect(response.status).toBe(400);
    }
  });

  test('a change of service and of Studio flow is stored with what its words need: both SIDs, before and after', async () => {
    const token = t.tokens.supervisor();
    const flexService = String(account().flexConfiguration.flex_service_instance_sid);
    const otherService = account()
      .conversationServices.all()
      .map((service) => service.sid)
      .find((sid) => sid !== flexService);
    const [flow, otherFlow] = account()
      .studioFlows.all()
      .map((f) => f.sid);
    expect(otherService && otherFlow).toBeTruthy();
    const number = freeSmsNumber(account());
    const studio = { type: 'studio' as const, studioFlowSid: flow, retryCount: 3 };
    const created = await createAddress(token, {
      ...smsInput(number),
      integration: studio,
      conversationServiceSid: flexService,
    });
    const updated = await t.callFunction('update-address', {
      token,
      payload: {
        sid: created.sid,
        friendlyName: 'Support',
        autoCreationEnabled: true,
        integration: { ...studio, studioFlowSid: otherFlow },
        conversationServiceSid: otherService,
      },
    });
    expect(updated.status).toBe(200);
    const [change] = await history(token, { kind: 'update-address' });
    expect(change.before).toMatchObject({
      address: { conversationServiceSid: flexService, integration: studio },
    });
    expect(change.after).toMatchObject({
      address: { conversationServiceSid: otherService, integration: { ...studio, studioFlowSid: otherFlow } },
    });
  });

  test('the person filter matches part of the identity, in any case', async () => {
    const second = t.sandbox.tokens.issue('second.supervisor@owl.example', ['supervisor'], 3600).token;
    await createAddress(t.tokens.supervisor(), smsInput(freeSmsNumber(account())));
    await createAddress(second, smsInput(freeSmsNumber(account())));
    const reader = t.tokens.supervisor();
    for (const part of ['second', 'SECOND', 'Supervisor@OWL', 'second.supervisor@owl.example']) {
      const found = await history(reader, { identity: part });
      expect(found.map((e) => [e.id, e.who.identity])).toEqual([['1', 'second.supervisor@owl.example']]);
    }
    expect(await history(reader, { identity: 'third' })).toEqual([]);
  });

  test('one search over address, SID, person and states; a range of instants; an empty or bad range is 400', async () => {
    const token = t.tokens.supervisor();
    const number = freeSmsNumber(account());
    const created = await createAddress(token, smsInput(number));
    await createAddress(token, {
      ...smsInput(freeSmsNumber(account())),
      integration: {
        type: 'webhook',
        webhookUrl: 'https://hooks.example.com/Owl',
        webhookMethod: 'POST',
        webhookFilters: ['onMessageAdded'],
      },
    });
    const reader = t.tokens.supervisor();
    const ids = async (filters: Record<string, unknown>) => (await history(reader, filters)).map((e) => e.id);
    expect(await ids({ search: number.slice(0, -2) })).toContain('0');
    expect(await ids({ search: created.sid.toLowerCase() })).toEqual(['0']);
    expect(await ids({ search: 'HOOKS.EXAMPLE.COM/owl' })).toEqual(['1']);

    const hour = 3600_000;
    const [newest] = await history(reader);
    const at = Date.parse(newest.at);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(await ids({ from: iso(at - hour), to: iso(at + hour) })).toEqual(['1', '0']);
    expect(await ids({ from: iso(at + hour) })).toEqual([]);
    expect(await ids({ to: iso(at - hour) })).toEqual([]);
    // An offset is a time zone's start of day: the same instant.
    expect(await ids({ from: '2000-01-01T00:00:00+01:00', search: 'owl' })).toEqual(['1']);

    const refused = await t.callFunction('list-history', {
      token: reader,
      payload: { from: iso(at + hour), to: iso(at - hour) },
    });
    expect(refused.status).toBe(400);
    const { error } = refused.body as { error: { fields: Record<string, string>; message: string } };
    expect(error.fields.to).toBe(`The range is empty: from (${iso(at + hour)}) must be before to (${iso(at - hour)}).`);
    for (const bad of [{ from: '2026-12-06' }, { to: 'yesterday' }, { search: '' }, { search: 3 }]) {
      const response = await t.callFunction('list-history', { token: reader, payload: bad });
      expect(response.status).toBe(400);
    }
  });

  test('pages newest first with a cursor', async () => {
    const token = t.tokens.supervisor();
    for (let i = 0; i < 3; i += 1) await createAddress(token, smsInput(freeSmsNumber(account())));
    expect((await history()).map((e) => e.id)).toEqual(['2', '1', '0']);
  });
});

describe('revert-change', () => {
  test('reverts an update; a second revert of the same entry is refused as changed since', async () => {
    const token = t.tokens.supervisor();
    const number = freeSmsNumber(account());
    const created = await createAddress(token, smsInput(number));
    await t.callFunction('update-address', {
      token,
      payload: {
        sid: created.sid,
        friendlyName: 'Renamed',
        autoCreationEnabled: true,
        integration: { type: 'default' },
      },
    });
    const response = await revert(token, '1');
    expect(response.status).toBe(200);
    const { entry } = response.body as RevertChangeResponse;
    expect(entry).toMatchObject({ kind: 'revert', revertOf: '1', outcome: 'succeeded', id: '2' });
    expect(addressesFor(number)[0].friendly_name).toBe('Support');
    const again = await revert(token, '1');
    expect(again.status).toBe(409);
  });

  test('a revert after someone else changed the resource is refused, naming them, and changes nothing', async () => {
    const alice = t.tokens.supervisor();
    const bob = t.tokens.admin();
    const number = freeSmsNumber(account());
    const created = await createAddress(alice, smsInput(number));
    await t.callFunction('update-address', {
      token: bob,
      payload: {
        sid: created.sid,
        friendlyName: 'Bob was here',
        autoCreationEnabled: true,
        integration: { type: 'default' },
      },
    });
    const before = JSON.stringify(account().addresses.all());
    const response = await revert(alice, '0');
    expect(response.status).toBe(409);
    const { message } = (response.body as { error: { message: string } }).error;
    expect(message).toContain(String(identityOf(bob).identity));
    expect(message).toMatch(/friendly name is Bob was here/);
    expect(JSON.stringify(account().addresses.all())).toBe(before);
  });

  test('a refused revert names the Studio flow and the service that changed since by their names, SIDs beside', async () => {
    const token = t.tokens.supervisor();
    const flexService = String(account().flexConfiguration.flex_service_instance_sid);
    const other = account()
      .conversationServices.all()
      .find((service) => service.sid !== flexService);
    const [flow, otherFlow] = account().studioFlows.all();
    const studio = { type: 'studio' as const, studioFlowSid: flow.sid, retryCount: 3 };
    const created = await createAddress(token, {
      ...smsInput(freeSmsNumber(account())),
      integration: studio,
      conversationServiceSid: flexService,
    });
    const changed = await t.callFunction('update-address', {
      token: t.tokens.admin(),
      payload: {
        sid: created.sid,
        friendlyName: 'Support',
        autoCreationEnabled: true,
        integration: { ...studio, studioFlowSid: otherFlow.sid },
        conversationServiceSid: other?.sid,
      },
    });
    expect(changed.status).toBe(200);
    const response = await revert(token, '0');
    expect(response.status).toBe(409);
    const { message } = (response.body as { error: { message: string } }).error;
    expect(message).toContain(`Studio flow is "${String(otherFlow.friendly_name)}" (${otherFlow.sid})`);
    expect(message).toContain(`conversation service is "${String(other?.friendly_name)}" (${String(other?.sid)})`);
  });

  test('a change made outside Messaging Setup is named as such', async () => {
    const token = t.tokens.supervisor();
    const created = await createAddress(token, smsInput(freeSmsNumber(account())));
    account().addresses.get(created.sid).friendly_name = 'Console edit';
    const response = await revert(token, '0');
    expect(response.status).toBe(409);
    expect((response.body as { error: { message: string } }).error.message).toMatch(/outside Messaging Setup/);
  });

  test('reverting a delete makes an equivalent address (a new SID); reverting a create deletes it', async () => {
    const token = t.tokens.supervisor();
    const number = freeSmsNumber(account());
    const created = await createAddress(token, smsInput(number, 'Kept'));
    const original = { ...account().addresses.get(created.sid) };
    await t.callFunction('delete-address', { token, payload: { sid: created.sid } });
    expect((await revert(token, '1')).status).toBe(200);
    const [again] = addressesFor(number);
    expect(again.sid).not.toBe(created.sid);
    expect([again.type, again.friendly_name, again.auto_creation]).toEqual([
      original.type,
      original.friendly_name,
      original.auto_creation,
    ]);
    // The create (entry 0) named the old SID, which is gone: refused.
    expect((await revert(token, '0')).status).toBe(409);
    // The revert (entry 2) is itself revertible: the address goes again.
    expect((await revert(token, '2')).status).toBe(200);
    expect(addressesFor(number)).toEqual([]);
  });

  test('reverting a migration brings the Flex Flow back and removes the address it made', async () => {
    const token = t.tokens.supervisor();
    const [, sms] = account().flexFlows.all();
    await t.callFunction('migrate-flex-flow', { token, payload: { sid: sms.sid } });
    expect(addressesFor(String(sms.contact_identity))).toHaveLength(1);
    expect((await revert(token, '0')).status).toBe(200);
    expect(addressesFor(String(sms.contact_identity))).toEqual([]);
    const back = account()
      .flexFlows.all()
      .filter((f) => f.contact_identity === sms.contact_identity);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ channel_type: 'sms', integration_type: 'studio', integration: sms.integration });
  });

  test('failed and unknown entries are refused; a read-only role may list but not revert', async () => {
    const token = t.tokens.supervisor();
    await t.callFunction('delete-address', { token, payload: { sid: `IG${'0'.repeat(32)}` } });
    expect((await revert(token, '0')).status).toBe(409);
    expect((await revert(token, '99')).status).toBe(404);
    expect((await revert(token, 'x')).status).toBe(400);
    t.env.MESSAGING_SETUP_READ_ROLES = 'agent, supervisor, admin';
    const agent = t.tokens.agent();
    expect(await history(agent)).toHaveLength(1);
    expect((await revert(agent, '0')).status).toBe(403);
  });
});
