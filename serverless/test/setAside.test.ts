/**
 * Set a number aside (not for Flex), over HTTP against the sandbox: a supervisor marks a number
 * or WhatsApp sender, with an optional reason, and every supervisor lists it; clearing it is as
 * reversible as any change. The mark lives in the backend's own Sync Service; each set and clear
 * is a history entry with who, its revert puts the earlier mark back (refused once the mark
 * changed since), and two supervisors at once never lose one another's change.
 */
import twilio from 'twilio';

import {
  BACKEND_SYNC_SERVICE_NAME,
  SET_ASIDE_REASON_MAX,
  type HistoryEntry,
  type ListHistoryResponse,
  type ListSetAsidesResponse,
  type SetAsideMark,
} from '../../src/contract/types';
import { DEFAULT_RESET } from '../../sandbox/server/generateAccount';
import { SET_ASIDE_SEED_BY } from '../../sandbox/server/setAsideSeed';
import { SET_ASIDE_MAP_NAME } from '../src/setAside/setAsideStore';
import { SandboxRequestClient } from '../src/twilio/sandboxRequestClient';
import { beyondTokenCheck, errorBodyProblems, setUpBackend, type FunctionResponse } from './harness';

const t = setUpBackend();
beforeEach(() => t.reset());

const account = () => t.sandbox.account;
const rest = () => {
  const { accountSid, authToken } = t.sandbox.credentials;
  return twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(t.sandboxUrl) });
};
const numbers = () =>
  account()
    .incomingPhoneNumbers.all()
    .map((n) => String(n.phone_number));
const senders = () =>
  account()
    .channelSenders.all()
    .map((s) => String(s.sender_id));

type Answer = {
  mark: SetAsideMark | null;
  history: { recorded: boolean; unchanged?: true; entryId?: string; messageKey?: string };
};

const setAside = (payload: Record<string, unknown>, token = t.tokens.supervisor()) =>
  t.callFunction('set-number-aside', { token, payload });
const mark = (address: string, reason?: string, token?: string) =>
  setAside({ channel: 'sms', address, aside: true, ...(reason === undefined ? {} : { reason }) }, token);
const clear = (address: string, token?: string, channel = 'sms') => setAside({ channel, address, aside: false }, token);

const bodyOf = <T>(response: FunctionResponse): T => {
  expect({
    status: response.status,
    problems: response.status === 200 ? [] : errorBodyProblems(response.body),
    body: response.status === 200 ? undefined : response.body,
  }).toEqual({ status: 200, problems: [], body: undefined });
  return response.body as T;
};
const errorOf = (response: FunctionResponse) =>
  (response.body as { error: { code: string; message: string; fields?: Record<string, string> } }).error;

async function listed(token = t.tokens.supervisor()): Promise<SetAsideMark[]> {
  return bodyOf<ListSetAsidesResponse>(await t.callFunction('list-set-asides', { token, payload: {} })).items;
}

/** The set-aside entries (and reverts of them) about `address`, oldest first. */
async function entriesAbout(address: string): Promise<HistoryEntry[]> {
  const answer = bodyOf<ListHistoryResponse>(
    await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: { address } }),
  );
  return answer.items.filter((e) => e.resource.type === 'sender').reverse();
}

const revert = (id: string, token = t.tokens.admin()) => t.callFunction('revert-change', { token, payload: { id } });

describe('set, list, clear', () => {
  test('a supervisor sets a number aside with a reason; another supervisor lists it; it is recorded with who', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number, '  Fax line, not for Flex  '));
    expect(set.mark).toEqual({
      channel: 'sms',
      address: number,
      reason: 'Fax line, not for Flex',
      by: expect.stringMatching(/@example\.com$/) as unknown,
      at: expect.any(String) as unknown,
    });
    expect(set.history).toMatchObject({ recorded: true, entryId: expect.any(String) as unknown });
    expect(Number.isNaN(Date.parse(String(set.mark?.at)))).toBe(false);

    // Another supervisor (another identity, another token) sees the same mark.
    expect(await listed(t.tokens.supervisor())).toEqual([set.mark]);
    expect(await listed(t.tokens.admin())).toEqual([set.mark]);

    const [entry] = await entriesAbout(number);
    expect(entry).toMatchObject({
      id: set.history.entryId,
      kind: 'set-aside',
      outcome: 'succeeded',
      who: { identity: set.mark?.by, roles: ['supervisor'] },
      resource: { type: 'sender', address: number, sid: expect.stringMatching(/^PN/) as unknown },
      before: { setAside: null },
      after: { setAside: set.mark },
    });
  });

  test('a clear by someone else: the mark is gone for everyone, recorded with the clearer and the mark it removed', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number));
    expect(set.mark?.reason).toBeNull();
    const cleared = bodyOf<Answer>(await clear(number, t.tokens.admin()));
    expect(cleared).toMatchObject({ mark: null, history: { recorded: true } });
    expect(await listed()).toEqual([]);
    const entries = await entriesAbout(number);
    expect(entries.map((e) => [e.before, e.after])).toEqual([
      [{ setAside: null }, { setAside: set.mark }],
      [{ setAside: set.mark }, { setAside: null }],
    ]);
    expect(entries[1].who.identity).not.toBe(entries[0].who.identity);
    expect(entries[1].who.roles).toEqual(['admin']);
  });

  test('a WhatsApp sender is set aside and cleared by its whatsapp: address', async () => {
    const [sender] = senders();
    expect(sender).toMatch(/^whatsapp:\+/);
    const set = bodyOf<Answer>(await setAside({ channel: 'whatsapp', address: sender, aside: true, reason: 'Test' }));
    expect(set.mark).toMatchObject({ channel: 'whatsapp', address: sender, reason: 'Test' });
    expect(await listed()).toEqual([set.mark]);
    const [entry] = await entriesAbout(sender);
    expect(entry.resource).toMatchObject({
      type: 'sender',
      address: sender,
      sid: expect.stringMatching(/^XE/) as unknown,
    });
    bodyOf(await clear(sender, undefined, 'whatsapp'));
    expect(await listed()).toEqual([]);
  });

  test('already so: answered as such, with no new entry; a new reason is a change', async () => {
    const [number, other] = numbers();
    const first = bodyOf<Answer>(await mark(number, 'Spare'));
    const again = bodyOf<Answer>(await mark(number, 'Spare', t.tokens.admin()));
    // The mark as it was (who set it, when), not the second caller's.
    expect(again).toEqual({
      mark: first.mark,
      history: expect.objectContaining({
        recorded: false,
        unchanged: true,
        messageKey: 'MessagingSetupRefusalAlreadySetAside',
      }) as unknown,
    });
    const clearedNever = bodyOf<Answer>(await clear(other));
    expect(clearedNever).toMatchObject({
      mark: null,
      history: { recorded: false, unchanged: true, messageKey: 'MessagingSetupRefusalNotSetAside' },
    });
    expect(await entriesAbout(number)).toHaveLength(1);
    expect(await entriesAbout(other)).toHaveLength(0);

    const reworded = bodyOf<Answer>(await mark(number, 'Spare, kept for the fax'));
    expect(reworded.history.recorded).toBe(true);
    const entries = await entriesAbout(number);
    expect(entries.map((e) => e.after)).toEqual([{ setAside: first.mark }, { setAside: reworded.mark }]);
    expect(entries[1].before).toEqual({ setAside: first.mark });
  });

  test('listing on an account nobody set a number aside on writes nothing: no Map is made until the first mark', async () => {
    expect(await listed()).toEqual([]);
    expect(await listed(t.tokens.admin())).toEqual([]);
    expect(t.log().filter((e) => e.product === 'sync' && e.method !== 'GET')).toEqual([]);
    const [number] = numbers();
    bodyOf(await mark(number));
    const made = t.log().filter((e) => e.method === 'POST' && e.path.endsWith('/Maps'));
    expect(made.filter((e) => e.params.UniqueName === SET_ASIDE_MAP_NAME).map((e) => e.status)).toEqual([201]);
    expect((await listed()).map((m) => m.address)).toEqual([number]);
  });

  test('the demo account (npm start’s evidence seed) has its plainly-not-for-Flex numbers set aside by the admin, with reasons', async () => {
    t.reset({ ...DEFAULT_RESET, evidence: true });
    const seeded = await listed();
    expect(seeded.map((m) => [m.address, m.by, typeof m.reason])).toEqual(
      [...seeded].sort((a, b) => (a.address < b.address ? -1 : 1)).map((m) => [m.address, SET_ASIDE_SEED_BY, 'string']),
    );
    const named = new Map(
      account()
        .incomingPhoneNumbers.all()
        .map((n) => [String(n.phone_number), n]),
    );
    expect(seeded.map((m) => named.get(m.address)?.friendly_name).sort()).toEqual([
      'Appointment reminders',
      'Front desk (calls only)',
      'Marketing texts',
    ]);
    // None has an address, and none is a number the seed's customers wrote to.
    const addressed = new Set(
      account()
        .addresses.all()
        .map((a) => a.address),
    );
    const written = new Set(
      account()
        .messages.all()
        .map((m) => String(m.to)),
    );
    expect(seeded.filter((m) => addressed.has(m.address) || written.has(m.address))).toEqual([]);
    // A seeded mark is a mark like any other: cleared by a supervisor, recorded.
    const cleared = bodyOf<Answer>(await clear(seeded[0].address));
    expect(cleared).toMatchObject({ mark: null, history: { recorded: true } });
    expect(await listed()).toHaveLength(seeded.length - 1);
  });

  test('the marks live in the backend’s own Sync Service (ACLs on), one item per number, not in the default service', async () => {
    const [number] = numbers();
    const [sender] = senders();
    bodyOf(await mark(number));
    bodyOf(await setAside({ channel: 'whatsapp', address: sender, aside: true }));
    const services = await rest().sync.v1.services.list();
    const own = services.find((s) => s.friendlyName === BACKEND_SYNC_SERVICE_NAME);
    expect(own?.aclEnabled).toBe(true);
    const items = await rest().sync.v1.services(String(own?.sid)).syncMaps(SET_ASIDE_MAP_NAME).syncMapItems.list();
    expect(items.map((i) => i.key).sort()).toEqual(
      [`sms-${number.slice(1)}`, `whatsapp-${sender.replace('whatsapp:+', '')}`].sort(),
    );
    for (const service of services.filter((s) => s.sid !== own?.sid)) {
      const maps = await rest().sync.v1.services(service.sid).syncMaps.list();
      expect(maps.map((m) => m.uniqueName)).not.toContain(SET_ASIDE_MAP_NAME);
    }
  });
});

describe('the reason', () => {
  test.each([
    ['trimmed', '  Fax  ', 'Fax'],
    ['empty is none', '', null],
    ['spaces only is none', '   ', null],
    [`${SET_ASIDE_REASON_MAX} characters`, 'r'.repeat(SET_ASIDE_REASON_MAX), 'r'.repeat(SET_ASIDE_REASON_MAX)],
  ])('%s', async (_, reason, kept) => {
    const [number] = numbers();
    expect(bodyOf<Answer>(await mark(number, reason)).mark?.reason).toBe(kept);
  });

  test.each([
    ['too long', { aside: true, reason: 'r'.repeat(SET_ASIDE_REASON_MAX + 1) }, /at most 200 characters/],
    ['two lines', { aside: true, reason: 'Fax\nline' }, /one line/],
    ['not a string', { aside: true, reason: 42 }, /at most 200 characters/],
    ['null', { aside: true, reason: null }, /at most 200 characters/],
    ['with a clear', { aside: false, reason: 'Done' }, /only with aside: true/],
    ['an empty one with a clear', { aside: false, reason: '' }, /only with aside: true/],
  ])('%s → 400 naming reason, before any Twilio request', async (_, fields, message) => {
    const [number] = numbers();
    t.clearLog();
    const response = await setAside({ channel: 'sms', address: number, ...fields });
    expect(response.status).toBe(400);
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect(errorOf(response)).toMatchObject({ code: 'invalid_input' });
    expect(Object.keys(errorOf(response).fields ?? {})).toEqual(['reason']);
    expect(errorOf(response).fields?.reason).toMatch(message);
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });
});

describe('refusals', () => {
  const sms = '+14155550100';
  test.each([
    ['no channel', { address: sms, aside: true }, ['channel']],
    ['an unknown channel', { channel: 'chat', address: sms, aside: true }, ['channel']],
    ['no address', { channel: 'sms', aside: true }, ['address']],
    ['an address not in E.164', { channel: 'sms', address: '4155550100', aside: true }, ['address']],
    ['E.164 with a leading 0', { channel: 'sms', address: '+04155550100', aside: true }, ['address']],
    ['a WhatsApp address for sms', { channel: 'sms', address: `whatsapp:${sms}`, aside: true }, ['address']],
    ['a bare number for whatsapp', { channel: 'whatsapp', address: sms, aside: true }, ['address']],
    ['an address that is not a string', { channel: 'sms', address: 14155550100, aside: true }, ['address']],
    ['no aside', { channel: 'sms', address: sms }, ['aside']],
    ['aside as a string', { channel: 'sms', address: sms, aside: 'true' }, ['aside']],
    ['several at once', { channel: 'sms', address: 'x', aside: 1 }, ['address', 'aside']],
  ])('%s → 400 naming the fields, before any Twilio request', async (_, payload, fields) => {
    t.clearLog();
    const response = await setAside(payload);
    expect(response.status).toBe(400);
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect(errorOf(response).code).toBe('invalid_input');
    expect(Object.keys(errorOf(response).fields ?? {}).sort()).toEqual(fields);
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('the address rule’s message names the channel’s form', async () => {
    const response = await setAside({ channel: 'whatsapp', address: sms, aside: true });
    expect(errorOf(response).fields?.address).toBe(
      'Enter the sender as whatsapp: followed by the E.164 number, for example whatsapp:+14155550123.',
    );
  });

  test.each([
    ['an unknown field', { channel: 'sms', address: sms, aside: true, by: 'someone@else' }],
    ['not an object', ['sms', sms, true]],
  ])('%s → 400 before any Twilio request', async (_, payload) => {
    t.clearLog();
    const response = await setAside(payload as Record<string, unknown>);
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('invalid_input');
    expect(beyondTokenCheck(t.log())).toEqual([]);
  });

  test('list-set-asides takes nothing: a field is 400', async () => {
    const response = await t.callFunction('list-set-asides', { token: t.tokens.supervisor(), payload: { all: true } });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('invalid_input');
  });

  test('a number or sender the account does not have → 404, nothing stored or recorded', async () => {
    const notOurs = '+19995550123';
    expect(numbers()).not.toContain(notOurs);
    const number = await mark(notOurs);
    expect(number.status).toBe(404);
    expect(errorOf(number)).toMatchObject({
      code: 'not_found',
      message: `${notOurs} is not a phone number of this account.`,
    });
    const sender = await setAside({ channel: 'whatsapp', address: `whatsapp:${notOurs}`, aside: true });
    expect(sender.status).toBe(404);
    expect(errorOf(sender).message).toBe(`whatsapp:${notOurs} is not a WhatsApp sender of this account.`);
    // A number the account has is not a WhatsApp sender by that alone.
    const numberAsSender = numbers().find((n) => !senders().includes(`whatsapp:${n}`));
    expect((await setAside({ channel: 'whatsapp', address: `whatsapp:${numberAsSender}`, aside: true })).status).toBe(
      404,
    );
    expect(await listed()).toEqual([]);
    expect(await entriesAbout(notOurs)).toEqual([]);
  });

  test('the mark of a number the account no longer has can still be cleared', async () => {
    const [phone] = account().incomingPhoneNumbers.all();
    const number = String(phone.phone_number);
    bodyOf(await mark(number, 'Porting out'));
    account().incomingPhoneNumbers.remove(phone.sid);
    const cleared = bodyOf<Answer>(await clear(number));
    expect(cleared).toMatchObject({ mark: null, history: { recorded: true } });
    expect(await listed()).toEqual([]);
    const entries = await entriesAbout(number);
    expect(entries[1].resource).toEqual({ type: 'sender', sid: null, address: number });
  });
});

describe('who may', () => {
  const callers: { caller: string; token: () => string | undefined; status: number; code: string }[] = [
    { caller: 'no token', token: () => undefined, status: 401, code: 'token_missing' },
    { caller: 'an empty token', token: () => '', status: 401, code: 'token_missing' },
    { caller: 'a garbage token', token: () => t.tokens.garbage(), status: 401, code: 'token_invalid' },
    { caller: 'a forged token', token: () => t.tokens.forged(), status: 401, code: 'token_invalid' },
    { caller: 'a forged JWE', token: () => t.tokens.forgedJwe(), status: 401, code: 'token_invalid' },
    { caller: 'an expired token', token: () => t.tokens.expired(), status: 401, code: 'token_invalid' },
    { caller: 'an agent’s token', token: () => t.tokens.agent(), status: 403, code: 'forbidden' },
    { caller: 'a token with no roles', token: () => t.tokens.withRoles([]), status: 403, code: 'forbidden' },
  ];
  const table = (['list-set-asides', 'set-number-aside'] as const).flatMap((name) =>
    callers.map((c) => ({ name, ...c })),
  );

  test.each(table)('$name with $caller → $status $code, and nothing past the token check', async (row) => {
    const [number] = numbers();
    t.clearLog();
    const payload = row.name === 'set-number-aside' ? { channel: 'sms', address: number, aside: true } : {};
    const response = await t.callFunction(row.name, { token: row.token(), payload });
    expect({ status: response.status, problems: errorBodyProblems(response.body) }).toEqual({
      status: row.status,
      problems: [],
    });
    expect(errorOf(response).code).toBe(row.code);
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect(await listed()).toEqual([]);
  });

  test('an agent cannot clear a mark either; it stays', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number));
    const refused = await clear(number, t.tokens.agent());
    expect(refused.status).toBe(403);
    expect(await listed()).toEqual([set.mark]);
    expect(await entriesAbout(number)).toHaveLength(1);
  });

  test('a read-only role (MESSAGING_SETUP_WRITE_ROLES=admin): a supervisor lists, but cannot set or clear', async () => {
    const [number, other] = numbers();
    const set = bodyOf<Answer>(await mark(number, 'Spare', t.tokens.admin()));
    t.env.MESSAGING_SETUP_WRITE_ROLES = 'admin';
    const supervisor = t.tokens.supervisor();
    expect(await listed(supervisor)).toEqual([set.mark]);
    t.clearLog();
    for (const response of [await mark(other, undefined, supervisor), await clear(number, supervisor)]) {
      expect(response.status).toBe(403);
      expect(errorOf(response).code).toBe('forbidden');
    }
    expect(beyondTokenCheck(t.log())).toEqual([]);
    expect(await listed()).toEqual([set.mark]);
    // An admin still writes.
    expect(bodyOf<Answer>(await clear(number, t.tokens.admin())).mark).toBeNull();
  });

  test('MESSAGING_SETUP_READ_ROLES can let agents list the marks, but not set them', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number));
    t.env.MESSAGING_SETUP_READ_ROLES = 'agent, supervisor, admin';
    const agent = t.tokens.agent();
    expect(await listed(agent)).toEqual([set.mark]);
    expect((await clear(number, agent)).status).toBe(403);
    expect(await listed()).toEqual([set.mark]);
  });
});

describe('revert', () => {
  test('a revert puts the earlier mark back exactly; a revert after a later change is refused', async () => {
    const [number] = numbers();
    const first = bodyOf<Answer>(await mark(number, 'Fax'));
    const second = bodyOf<Answer>(await mark(number, 'Fax, kept', t.tokens.admin()));
    // The first change is no longer what is there: refused, naming who changed it since.
    const refused = await revert(String(first.history.entryId));
    expect(refused.status).toBe(409);
    expect(errorOf(refused)).toMatchObject({ code: 'not_revertible' });
    expect(errorOf(refused).message).toContain(`${number} has changed since: it is set aside by ${second.mark?.by}`);
    expect(errorOf(refused).message).toContain(`changed it at`);
    expect(await listed()).toEqual([second.mark]);

    // The newest one reverts: the first mark is back as it was (its setter, its time, its reason).
    const reverter = t.tokens.supervisor();
    const reverted = bodyOf<{ entry: HistoryEntry }>(await revert(String(second.history.entryId), reverter));
    expect(await listed()).toEqual([first.mark]);
    expect(reverted.entry).toMatchObject({
      kind: 'revert',
      revertOf: second.history.entryId,
      resource: { type: 'sender', address: number },
      before: { setAside: second.mark },
      after: { setAside: first.mark },
    });
    expect([first.mark?.by, second.mark?.by]).not.toContain(reverted.entry.who.identity);

    // The revert is undone as a set-aside is: the second mark again.
    bodyOf(await revert(reverted.entry.id));
    expect(await listed()).toEqual([second.mark]);
  });

  test('reverting a set clears the mark; reverting a clear sets it again', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number, 'Spare'));
    bodyOf(await revert(String(set.history.entryId)));
    expect(await listed()).toEqual([]);
    const again = bodyOf<Answer>(await mark(number, 'Spare'));
    const cleared = bodyOf<Answer>(await clear(number));
    bodyOf(await revert(String(cleared.history.entryId)));
    expect(await listed()).toEqual([again.mark]);
    // A revert of the clear of a mark that was set again meanwhile: refused, nothing changed.
    const clearedAgain = bodyOf<Answer>(await clear(number));
    bodyOf(await mark(number, 'Other'));
    const refused = await revert(String(clearedAgain.history.entryId));
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toContain('it is set aside by');
    expect((await listed()).map((m) => m.reason)).toEqual(['Other']);
  });

  test('a revert is re-validated: a mark for a number the account no longer has is not put back (422)', async () => {
    const [phone] = account().incomingPhoneNumbers.all();
    const number = String(phone.phone_number);
    bodyOf(await mark(number, 'Porting out'));
    account().incomingPhoneNumbers.remove(phone.sid);
    const cleared = bodyOf<Answer>(await clear(number));
    const refused = await revert(String(cleared.history.entryId));
    expect(refused.status).toBe(422);
    expect(errorOf(refused)).toMatchObject({ code: 'invalid_entry' });
    expect(errorOf(refused).message).toContain(`${number} is not a phone number of this account`);
    expect(await listed()).toEqual([]);
  });

  test('an agent cannot revert a set-aside', async () => {
    const [number] = numbers();
    const set = bodyOf<Answer>(await mark(number));
    expect((await revert(String(set.history.entryId), t.tokens.agent())).status).toBe(403);
    expect(await listed()).toEqual([set.mark]);
  });
});

describe('two supervisors at once', () => {
  test('ten different numbers set aside at once: ten marks, ten entries', async () => {
    const chosen = numbers().slice(0, 10);
    expect(chosen).toHaveLength(10);
    const answers = await Promise.all(chosen.map((n, i) => mark(n, `reason ${i}`)));
    for (const answer of answers) expect(bodyOf<Answer>(answer).history.recorded).toBe(true);
    const marks = await listed();
    expect(marks.map((m) => m.address).sort()).toEqual([...chosen].sort());
    const history = bodyOf<ListHistoryResponse>(
      await t.callFunction('list-history', { token: t.tokens.supervisor(), payload: { kind: 'set-aside' } }),
    );
    expect(history.items).toHaveLength(10);
    expect(history.items.map((e) => e.resource.address).sort()).toEqual([...chosen].sort());
    expect(history.integrity?.verdict).toBe('intact');
  });

  test('ten sets and clears of the same number at once: a consistent end, one entry per applied change, none lost', async () => {
    const [number] = numbers();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0 ? mark(number, `reason ${i}`, t.tokens.supervisor()) : clear(number, t.tokens.admin()),
      ),
    );
    // Served, or refused as busy (nothing changed); never a 5xx.
    for (const answer of answers) {
      expect([200, 409]).toContain(answer.status);
      if (answer.status === 409) expect(errorOf(answer).code).toBe('change_in_progress');
    }
    const applied = answers
      .filter((a) => a.status === 200)
      .map((a) => a.body as Answer)
      .filter((a) => a.history.recorded);
    expect(applied.length).toBeGreaterThan(0);
    const entries = await entriesAbout(number);
    expect(entries.map((e) => e.id).sort()).toEqual(applied.map((a) => String(a.history.entryId)).sort());
    // Each entry's before is the one before's after: no change landed unseen between a read and a write.
    let state: SetAsideMark | null = null;
    for (const entry of entries) {
      expect(entry.before).toEqual({ setAside: state });
      expect(entry.after).not.toEqual(entry.before);
      state = entry.after && 'setAside' in entry.after ? entry.after.setAside : null;
    }
    // The end is the last applied change's, for everyone.
    expect(await listed()).toEqual(state === null ? [] : [state]);
    // Answers that changed nothing said so, and each was true when it was answered.
    for (const answer of answers.filter((a) => a.status === 200).map((a) => a.body as Answer)) {
      if (!answer.history.recorded) {
        expect(['MessagingSetupRefusalNotSetAside', 'MessagingSetupRefusalAlreadySetAside']).toContain(
          answer.history.messageKey,
        );
      }
    }
  });

  test('a lost answer to the mark’s write: the backend reads it back, answers it set and records it once', async () => {
    const [number] = numbers();
    t.faults(
      { rateReset: 1, products: ['sync'], methods: ['POST'], pathIncludes: `/Maps/${SET_ASIDE_MAP_NAME}/Items` },
      3,
    );
    const answer = bodyOf<Answer>(await mark(number, 'Fax'));
    t.faults({}, 3);
    expect(answer).toMatchObject({ mark: { reason: 'Fax' }, history: { recorded: true } });
    expect(await listed()).toEqual([answer.mark]);
    expect(await entriesAbout(number)).toHaveLength(1);
    // Settled by reading the item back; the create was sent once (its answer was dropped, so the
    // log, which holds answered requests, has no create; a second create would be there, refused).
    // The first try found no Map yet (404: nothing made; the Map is made on the first write).
    const item = `/Maps/${SET_ASIDE_MAP_NAME}/Items`;
    expect(t.log().filter((e) => e.method === 'POST' && e.path.endsWith(item) && e.status !== 404)).toEqual([]);
    const reads = t.log().filter((e) => e.method === 'GET' && e.path.endsWith(`${item}/sms-${number.slice(1)}`));
    expect(reads.at(-1)?.status).toBe(200);
  });

  test('a mark written outside the backend between its read and its write is not overwritten unseen', async () => {
    const [number] = numbers();
    const key = `sms-${number.slice(1)}`;
    const services = await rest().sync.v1.services.list();
    const own = rest().sync.v1.services(
      String(services.find((s) => s.friendlyName === BACKEND_SYNC_SERVICE_NAME)?.sid),
    );
    const map = await own.syncMaps.create({ uniqueName: SET_ASIDE_MAP_NAME });
    // The backend's writes of the mark are slow to land; meanwhile someone writes it with the
    // account's credentials (by the Map's SID, so their write is not slowed).
    t.faults(
      { latencyMs: 600, products: ['sync'], methods: ['POST'], pathIncludes: `/Maps/${SET_ASIDE_MAP_NAME}/Items` },
      4,
    );
    const answering = mark(number, 'Ours');
    const readByBackend = () => t.log().some((e) => e.method === 'GET' && e.path.endsWith(`/Items/${key}`));
    while (!readByBackend()) await new Promise((resolve) => setTimeout(resolve, 10));
    const outside: SetAsideMark = {
      channel: 'sms',
      address: number,
      reason: 'Written in the Console',
      by: 'someone@example.com',
      at: '2026-12-07T09:00:00.000Z',
    };
    await own.syncMaps(map.sid).syncMapItems.create({ key, data: outside });
    const answer = bodyOf<Answer>(await answering);
    t.faults({}, 4);
    // The create it meant was refused (the key was taken): it read again and replaced what it found, saying so.
    expect(answer).toMatchObject({ mark: { reason: 'Ours' }, history: { recorded: true } });
    const [entry] = await entriesAbout(number);
    expect(entry.before).toEqual({ setAside: outside });
    expect(await listed()).toEqual([answer.mark]);
    expect(
      t
        .log()
        .filter((e) => e.method === 'POST' && e.path.endsWith(`/Maps/${SET_ASIDE_MAP_NAME}/Items`))
        .map((e) => e.status),
    ).toEqual([409]);
  });
});
