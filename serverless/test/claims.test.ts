/**
 * The claim primitive (coordination/claims.ts) over HTTP against the sandbox, through the real
 * twilio-node client the backend uses: of many concurrent claims of one key exactly one wins;
 * a compare-and-set from a stale revision changes nothing; a claim whose answer was lost still
 * resolves to exactly one winner.
 */
import { startSandbox, type RunningSandbox } from '../../sandbox/server/app';
import { NO_FAULTS, type FaultSettings } from '../../sandbox/server/faults';
import { readConfig, type BackendConfig } from '../src/config';
import { ClaimStore, claimsMapOf, CLAIMS_MAP_NAME, type ClaimResult } from '../src/coordination/claims';
import { withTimeBudget } from '../src/twilio/timeBudget';
import { TEST_RESET } from './harness';

let running: RunningSandbox;
let config: BackendConfig;

beforeAll(async () => {
  // Strict, as every harness runs it: each answer is checked against Twilio's spec.
  running = await startSandbox({ reset: TEST_RESET, strict: true });
  const { accountSid, authToken } = running.sandbox.credentials;
  config = readConfig({ ACCOUNT_SID: accountSid, AUTH_TOKEN: authToken, TWILIO_SANDBOX_URL: running.url });
});
afterAll(() => running.close());
beforeEach(() => {
  running.sandbox.reset(TEST_RESET);
  running.sandbox.faults.configure({ ...NO_FAULTS });
});
afterEach(() => {
  // An answer that broke the spec, or a parameter the spec does not declare, fails the test.
  const violations = running.sandbox.violations.list().map((v) => `${v.method} ${v.path}: ${v.kind}: ${v.detail}`);
  running.sandbox.violations.clear();
  expect(violations).toEqual([]);
});

const faults = (settings: Partial<FaultSettings>) => running.sandbox.faults.configure({ ...NO_FAULTS, ...settings }, 7);

/** The claims' items as the sandbox holds them, in every claims Map. */
function storedItems() {
  const account = running.sandbox.account;
  const maps = [...account.syncMaps.values()].flatMap((c) => c.all());
  return maps
    .filter((m) => String(m.unique_name).startsWith(`${CLAIMS_MAP_NAME}-`))
    .flatMap((map) => [...(account.syncMapItems.get(map.sid)?.values() ?? [])]);
}

/** `count` claims of one key at once, each as its own Functions call (its own time budget). */
async function concurrentClaims(count: number, key = 'conversation:CH0') {
  const store = new ClaimStore(config);
  return Promise.all(
    Array.from({ length: count }, (_, n) =>
      withTimeBudget(8000, 3000, () => store.claim(key, { claimant: n, state: 'claimed' })),
    ),
  );
}

function expectOneWinner(results: ClaimResult<{ claimant: number }>[]): void {
  const winners = results.filter((r) => r.won);
  expect(winners).toHaveLength(1);
  // Every loser sees the winner's claim.
  const winner = winners[0].claim;
  for (const result of results) expect(result.claim).toEqual(winner);
  expect(winner.data).not.toHaveProperty('_nonce');
}

test.each([10, 50])('%i concurrent claims of one key: exactly one wins, all see its data', async (count) => {
  const results = await concurrentClaims(count);
  expectOneWinner(results);
  expect(storedItems()).toHaveLength(1);
  // The map was made once, by unique name, though every call found it missing at first.
  const maps = [...running.sandbox.account.syncMaps.values()].flatMap((c) => c.all());
  expect(maps.map((m) => m.unique_name)).toEqual([claimsMapOf('conversation:CH0')]);
});

test('claims are spread over 16 Maps by key, each key always in the same one', () => {
  const keys = Array.from({ length: 200 }, (_, n) => `conversation:CH${n}`);
  const maps = new Set(keys.map((key) => claimsMapOf(key)));
  expect([...maps].sort()).toEqual(Array.from({ length: 16 }, (_, n) => `${CLAIMS_MAP_NAME}-${n.toString(16)}`).sort());
  expect(keys.map((key) => claimsMapOf(key))).toEqual(keys.map((key) => claimsMapOf(key)));
});

test('fetch, replace with the current revision, replace with a stale one (undefined), release', async () => {
  const store = new ClaimStore(config);
  const first = await store.claim('k', { state: 'claimed' }, 60);
  expect(first.won).toBe(true);
  expect(await store.fetch('k')).toEqual(first.claim);
  expect(await store.fetch('missing')).toBeUndefined();

  const replaced = await store.replace('k', first.claim.revision, { state: 'routed' });
  expect(replaced?.data).toEqual({ state: 'routed' });
  expect(replaced?.revision).not.toBe(first.claim.revision);
  expect(await store.replace('k', first.claim.revision, { state: 'stolen' })).toBeUndefined();
  expect((await store.fetch('k'))?.data).toEqual({ state: 'routed' });
  expect(await store.replace('missing', '0', { state: 'x' })).toBeUndefined();

  expect(await store.release('k', first.claim.revision)).toBe(false);
  expect(await store.release('k', replaced?.revision)).toBe(true);
  expect(await store.release('k')).toBe(false);
  // Released, the key can be claimed again.
  expect((await store.claim('k', { state: 'claimed' })).won).toBe(true);
});

test('concurrent replaces from one revision: exactly one applies', async () => {
  const store = new ClaimStore(config);
  const { claim } = await store.claim('k', { state: 'claimed', by: -1 });
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, by) => store.replace('k', claim.revision, { state: 'taken', by })),
  );
  const applied = results.filter((r) => r !== undefined);
  expect(applied).toHaveLength(1);
  expect((await store.fetch('k'))?.data).toEqual(applied[0]?.data);
});

test.each([
  ['held past the client’s timeout', { holdAnswerMs: 1500 }],
  ['whose connection is reset', { rateReset: 1 }],
])('claims whose create answer is lost (%s) still resolve to exactly one winner', async (_, lost) => {
  // Make the map first: the fault is for the item creates, not the map's.
  await new ClaimStore(config).fetch('warm-up');
  faults({ ...lost, products: ['sync'], methods: ['POST'], pathIncludes: '/Items' });
  const store = new ClaimStore(config);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, n) => withTimeBudget(6000, 800, () => store.claim('lost', { claimant: n }))),
  );
  expectOneWinner(results);
  expect(storedItems()).toHaveLength(1);
});

test('a lone claim whose answer is lost is still won (its nonce is found)', async () => {
  await new ClaimStore(config).fetch('warm-up');
  faults({ rateReset: 1, products: ['sync'], methods: ['POST'], pathIncludes: '/Items' });
  const result = await new ClaimStore(config).claim('alone', { claimant: 1 });
  expect(result).toMatchObject({ won: true, claim: { key: 'alone', data: { claimant: 1 } } });
});

test('a 429 on the create is retried (Sync stored nothing) and the claim is won', async () => {
  await new ClaimStore(config).fetch('warm-up');
  faults({ rate429: 0.7, retryAfterSeconds: 0, products: ['sync'], methods: ['POST'] });
  const results = await concurrentClaims(10, 'busy');
  expectOneWinner(results);
});

test('a map deleted behind a warm container is found again (made anew) once', async () => {
  const store = new ClaimStore(config);
  await store.claim('a', { n: 1 });
  running.sandbox.reset(TEST_RESET);
  expect((await store.claim('a', { n: 2 })).won).toBe(true);
});
