/**
 * The backend under a flaky Twilio: 30% of Twilio's answers are 429 and 10% are 500 (fixed fault
 * seed; Retry-After 0 so the test does not sleep for it). Reads either return the complete list
 * or a clear error the plugin can retry; writes never happen twice.
 */
import type { LoggedRequest } from '../../sandbox/server/requestLog';
import type { AddressSummary, BackendEndpoint, StudioFlowSummary } from '../../src/contract/types';
import {
  expectedAddressSids,
  expectedFlexConfiguration,
  expectedFlows,
  expectedMessagingServiceNumbers,
  expectedPhoneNumbers,
  expectedSenders,
} from './expected';
import { numbersWithoutAddress } from './accountFixtures';
import { errorBodyProblems, setUpBackend, type FunctionResponse } from './harness';

const FAULTS = { rate429: 0.3, rate500: 0.1, retryAfterSeconds: 0 };
const FAULT_SEED = 7;
/** A few thousand numbers: list-phone-numbers takes three pages of 1000. */
const ACCOUNT = { numbers: 2600, whatsappSenders: 40, addresses: 180, studioFlows: 30, seed: 3 };
/** How often the test, like the plugin, asks again after a clear error before giving up. */
const CLIENT_ATTEMPTS = 25;

const t = setUpBackend(ACCOUNT);

let token: string;
beforeEach(() => {
  t.reset(ACCOUNT);
  token = t.tokens.supervisor();
  t.faults(FAULTS, FAULT_SEED);
});

/** The only errors a caller may see under faults, each with a body the plugin can show. */
function expectClearError(response: FunctionResponse): void {
  const clear = [429, 502, 503].includes(response.status);
  expect({ clear, status: response.status, problems: errorBodyProblems(response.body) }).toEqual({
    clear: true,
    status: response.status,
    problems: [],
  });
  if (response.status === 429) expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
}

interface Outcome<T> {
  items: T[];
  /** The clear errors met on the way (each was answered again, as the plugin does). */
  errors: number;
}

/** One call, asked again after a clear error, as the plugin's client does for reads. */
async function callUntilOk(name: BackendEndpoint, payload: Record<string, unknown>) {
  let errors = 0;
  for (let attempt = 1; attempt <= CLIENT_ATTEMPTS; attempt += 1) {
    const response = await t.callFunction(name, { token, payload });
    if (response.status === 200) return { body: response.body, errors };
    expectClearError(response);
    errors += 1;
  }
  throw new Error(`${name} did not succeed in ${CLIENT_ATTEMPTS} attempts`);
}

/** Every page of a list, following the cursors; a page that fails is asked for again. */
async function listUnderFaults<T>(name: BackendEndpoint, payload: Record<string, unknown> = {}): Promise<Outcome<T>> {
  const items: T[] = [];
  let errors = 0;
  let cursor: string | null = null;
  do {
    const page = await callUntilOk(name, cursor ? { ...payload, cursor } : payload);
    const body = page.body as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    errors += page.errors;
    cursor = body.nextCursor;
  } while (cursor);
  return { items, errors };
}

const statuses = (log: LoggedRequest[]) => new Set(log.map((e) => e.status));
/** Injected faults that Twilio answered during the test. */
const faultsMet = () => t.log().filter((e) => e.status === 429 || e.status === 500).length;
const ROUNDS = 3;

describe('reads under faults: the complete list, or a clear error', () => {
  test('list-phone-numbers pages through 2600 numbers with cursors', async () => {
    const expected = expectedPhoneNumbers(t.sandbox.account);
    let errors = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const outcome = await listUnderFaults('list-phone-numbers');
      expect(outcome.items).toEqual(expected);
      errors += outcome.errors;
    }
    // Faults were really injected, and the backend retried through most of them.
    expect(statuses(t.log())).toEqual(new Set([200, 429, 500]));
    expect(t.log().filter((e) => e.status !== 200).length).toBeGreaterThan(errors);
  });

  test.each([undefined, 'sms', 'whatsapp'] as const)('list-addresses (type %s) pages 50 at a time', async (type) => {
    const expected = expectedAddressSids(t.sandbox.account, type);
    for (let round = 0; round < ROUNDS; round += 1) {
      const outcome = await listUnderFaults<AddressSummary>('list-addresses', type ? { type } : {});
      expect(outcome.items.map((a) => a.sid)).toEqual(expected);
    }
    expect(faultsMet()).toBeGreaterThan(0);
  });

  test('list-whatsapp-senders, list-studio-flows', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      expect((await listUnderFaults('list-whatsapp-senders')).items).toEqual(expectedSenders(t.sandbox.account));
      // A flow whose definition fetch failed after the retries says `unknown`: never a wrong route.
      const flows = (await listUnderFaults('list-studio-flows')).items as StudioFlowSummary[];
      expect(flows.map(({ conversationRoute: _route, ...flow }) => flow)).toEqual(
        expectedFlows(t.sandbox.account).map(({ conversationRoute: _route, ...flow }) => flow),
      );
      const expectedRoutes = expectedFlows(t.sandbox.account).map((flow) => flow.conversationRoute);
      flows.forEach((flow, i) => expect([expectedRoutes[i], 'unknown']).toContain(flow.conversationRoute));
    }
    expect(faultsMet()).toBeGreaterThan(0);
  });

  test('fetch-flex-configuration and list-messaging-service-numbers: whole answers only', async () => {
    for (let round = 0; round < ROUNDS * 2; round += 1) {
      const flex = await callUntilOk('fetch-flex-configuration', {});
      expect(flex.body).toEqual(expectedFlexConfiguration(t.sandbox.account));
      const membership = await callUntilOk('list-messaging-service-numbers', {});
      expect(membership.body).toEqual(expectedMessagingServiceNumbers(t.sandbox.account));
    }
    expect(faultsMet()).toBeGreaterThan(0);
  });

  test('when Twilio keeps failing, each call ends in a clear error — never a 500, never a list', async () => {
    const names: BackendEndpoint[] = [
      'list-phone-numbers',
      'list-whatsapp-senders',
      'list-addresses',
      'list-studio-flows',
      'fetch-flex-configuration',
      'list-messaging-service-numbers',
    ];
    const outcome = (response: FunctionResponse) => {
      expectClearError(response);
      return `${response.status} ${(response.body as { error: { code: string } }).error.code}`;
    };
    // IAM keeps answering 429: the token cannot be checked.
    t.faults({ rate429: 1, retryAfterSeconds: 0 }, FAULT_SEED);
    for (const name of names) {
      expect(outcome(await t.callFunction(name, { token, payload: {} }))).toBe('503 token_check_unavailable');
    }
    // Once the token is known, Twilio's own 429s come through as 429 (after the retries)…
    t.faults({}, FAULT_SEED);
    for (const name of names) expect((await t.callFunction(name, { token, payload: {} })).status).toBe(200);
    t.faults({ rate429: 1, retryAfterSeconds: 0 }, FAULT_SEED);
    for (const name of names) {
      t.clearLog();
      expect(outcome(await t.callFunction(name, { token, payload: {} }))).toBe('429 rate_limited');
      // The first request and its three retries, for each request the function makes at once.
      // Requests made in parallel (Promise.all) may still be retrying when the answer is sent.
      expect((await settledLog()).length % 4).toBe(0);
    }
    // …and its 500s as 502 (these wait the back-off between retries, so only two of them).
    t.faults({ rate500: 1, retryAfterSeconds: 0 }, FAULT_SEED);
    for (const name of ['list-phone-numbers', 'fetch-flex-configuration'] as const) {
      expect(outcome(await t.callFunction(name, { token, payload: {} }))).toBe('502 twilio_unavailable');
    }
  }, 30_000);
});

const errorCodeOf = (response: FunctionResponse): unknown =>
  (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;

/** The request log once it has stopped growing (retries still in flight have finished). */
async function settledLog(): Promise<LoggedRequest[]> {
  let previous = -1;
  while (t.log().length !== previous) {
    previous = t.log().length;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return t.log();
}

describe('writes under faults: never twice', () => {
  const COUNT = 150;

  const isCreate = (e: LoggedRequest) =>
    e.product === 'conversations' && e.method === 'POST' && e.path === '/v1/Configuration/Addresses';

  test(`creating ${COUNT} addresses: each created once, and a create answered 500 is never sent again`, async () => {
    const flow = t.sandbox.account.studioFlows.all()[0].sid;
    let resentAfter429 = 0;
    let answered500 = 0;
    const numbers = numbersWithoutAddress(t.sandbox.account).slice(0, COUNT);
    expect(numbers).toHaveLength(COUNT);
    for (const address of numbers) {
      const payload = {
        type: 'sms',
        address,
        autoCreationEnabled: true,
        integration: { type: 'studio', studioFlowSid: flow, retryCount: 3 },
      };
      // As the plugin: 429 is asked again; after another error the user reloads and tries again,
      // and a 409 then means an earlier try did create it.
      let done = false;
      for (let attempt = 1; !done; attempt += 1) {
        if (attempt > CLIENT_ATTEMPTS) throw new Error(`could not create ${address}`);
        const from = t.log().length;
        const response = await t.callFunction('create-address', { token, payload });
        const creates = t.log().slice(from).filter(isCreate);
        expect(creates.every((e) => e.params.Address === address)).toBe(true);
        // Inside one call: only a 429 is followed by another create; a 500 ends the call.
        const statusesSent = creates.map((e) => e.status);
        expect(statusesSent.slice(0, -1).every((s) => s === 429)).toBe(true);
        expect(statusesSent.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
        resentAfter429 += statusesSent.filter((s) => s === 429).length > 0 && creates.length > 1 ? 1 : 0;
        const last = statusesSent[statusesSent.length - 1];
        if (last === 500) answered500 += 1;
        if (response.status === 200) {
          expect(last).toBe(201);
          expect((response.body as AddressSummary).address).toBe(address);
          done = true;
        } else if (response.status === 409 && errorCodeOf(response) !== 'change_in_progress') {
          // Twilio's conflict: the address exists, so an earlier try did create it.
          done = true;
        } else if (response.status === 409) {
          // An earlier try's lease, not given back under the faults, still counts: nothing sent.
          expect(errorBodyProblems(response.body)).toEqual([]);
          expect(creates).toHaveLength(0);
        } else {
          expectClearError(response);
          if (creates.length > 0) {
            // The status says what happened at Twilio: 502 for its 500, 429 for its 429.
            expect(response.status).toBe(last === 500 ? 502 : 429);
          } else {
            // Stopped before the create: the token check (503) or the flow's or number's lookup.
            expect([502, 429, 503]).toContain(response.status);
          }
        }
      }
    }
    // Every address exists once; over the whole run no address was created twice.
    const created = t.log().filter((e) => isCreate(e) && e.status === 201);
    const perAddress = new Map<string, number>();
    for (const e of created)
      perAddress.set(String(e.params.Address), (perAddress.get(String(e.params.Address)) ?? 0) + 1);
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    expect(perAddress.size).toBe(COUNT);
    const wanted = new Set(numbers);
    const inState = t.sandbox.account.addresses.all().filter((a) => wanted.has(a.address));
    expect(inState).toHaveLength(COUNT);
    // Both paths were exercised.
    expect(resentAfter429).toBeGreaterThan(10);
    expect(answered500).toBeGreaterThan(5);
  }, 60_000); // each create also looks its number up, under the same faults

  test('deleting under faults: a delete answered 500 is not sent again in the same call', async () => {
    const victims = t.sandbox.account.addresses.all().slice(0, 60);
    for (const victim of victims) {
      for (let attempt = 1; ; attempt += 1) {
        if (attempt > CLIENT_ATTEMPTS) throw new Error(`could not delete ${victim.sid}`);
        const from = t.log().length;
        const response = await t.callFunction('delete-address', { token, payload: { sid: victim.sid } });
        const deletes = t
          .log()
          .slice(from)
          // The address's deletes (the change's leases are Sync DELETEs of their own).
          .filter((e) => e.product === 'conversations' && e.method === 'DELETE');
        expect(deletes.every((e) => e.path === `/v1/Configuration/Addresses/${victim.sid}`)).toBe(true);
        expect(
          deletes
            .map((e) => e.status)
            .slice(0, -1)
            .every((s) => s === 429),
        ).toBe(true);
        if (response.status === 200 || response.status === 404) break;
        expectClearError(response);
      }
      expect(t.sandbox.account.addresses.find(victim.sid)).toBeUndefined();
    }
  }, 60_000); // a lease an answered-500 release left behind is waited for
});
