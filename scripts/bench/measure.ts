/**
 * The measurements of `npm run bench`, each against a running local stack (see stack.ts).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import twilio from 'twilio';

import { CHROMIUM_ARGS, findChromium } from '../../e2e/browser';
import { SandboxRequestClient } from '../../serverless/src/twilio/sandboxRequestClient';
import { createBackendClient, isRateLimited } from '../../src/feature/messaging-setup/api/backendClient';
import type { AddressInput } from '../../src/contract/types';
import { BACKEND_SYNC_SERVICE_NAME } from '../../src/contract/types';
import { HISTORY_MAP_NAME } from '../../serverless/src/history/historyStore';
import { BULK_CREATE_PACE, runBulk } from '../../src/feature/messaging-setup/state/bulkRunner';
import { LOAD_ORDER, loadSource } from '../../src/feature/messaging-setup/state/loadSources';
import { EVIDENCE_CUSTOMERS } from '../../sandbox/server/evidenceSeed';
import { control, sandboxCredentials, twilioRequests, type Stack } from './stack';

export const LATENCY_MS = 100;

/** The account of one view-load size: `numbers` numbers, addresses for half of them. */
async function resetAccount(stack: Stack, numbers: number, latencyMs: number) {
  await control(stack, 'POST', 'faults', {});
  await control(stack, 'POST', 'reset', { numbers, addresses: Math.round(numbers / 2), seed: 7 });
  await control(stack, 'POST', 'faults', { latencyMs });
  await control(stack, 'DELETE', 'requests');
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface ViewLoad {
  numbers: number;
  twilioRequests: number;
  backendCalls: number;
  /** From the click on "Messaging Setup" to the first table rows painted. */
  firstRowsMs: number;
  /** From the click to the end of loading painted (the view mounting first: about 0.2–0.3 s). */
  completeMs: number;
  /** From the view's first backend call to the end of loading painted: what the lower bound bounds. */
  loadMs: number;
  /**
   * The same load as the test driver sees it: from Playwright's request event to its answer that
   * the progress indicator is gone. Each of the two crosses the driver's connection to the browser,
   * on the same 2 cores, so this is the in-page figure plus the harness's own delay.
   */
  driverLoadMs: number;
}

/**
 * tsx compiles with esbuild's keepNames, which wraps named functions in a `__name` helper that
 * exists in Node only; functions handed to the page need it there too.
 */
const allowPageFunctions = (page: Page) => page.evaluate('globalThis.__name = (fn) => fn');

/** What the page records of one view load, on its own clock (performance.now()). */
interface PageTimes {
  click: number;
  firstRowsPainted: number;
  donePainted: number;
  firstBackendCall: number;
}

/**
 * Installed in the page before the click: the click's time, and when the first row and the end of
 * loading were painted — a DOM change is on screen after the frame that follows it, so each time is
 * taken in a task posted from the next animation frame, which runs after that frame's paint.
 */
function recordPageTimes() {
  const w = window as unknown as { __benchTimes: Partial<PageTimes> };
  const times: Partial<PageTimes> = {};
  w.__benchTimes = times;
  performance.setResourceTimingBufferSize(100_000);
  const painted = (key: keyof PageTimes) =>
    requestAnimationFrame(() => setTimeout(() => (times[key] = performance.now()), 0));
  document.addEventListener('click', (event) => (times.click ??= event.timeStamp), { capture: true });
  let sawProgress = false;
  const observer = new MutationObserver(() => {
    if (times.click === undefined) return;
    if (times.firstRowsPainted === undefined && document.querySelector('[data-testid="connection-row"]')) {
      times.firstRowsPainted = -1;
      painted('firstRowsPainted');
    }
    const progress = document.querySelector('[data-testid="loading-progress"]');
    if (progress) sawProgress = true;
    else if (sawProgress && times.donePainted === undefined) {
      times.donePainted = -1;
      painted('donePainted');
      observer.disconnect();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
}

async function readPageTimes(page: Page, backendUrl: string): Promise<PageTimes> {
  return page.evaluate(async (backend) => {
    const times = (window as unknown as { __benchTimes: Partial<PageTimes> }).__benchTimes;
    // The paint callbacks may still be pending when the driver sees the indicator gone.
    const deadline = performance.now() + 5000;
    while ((times.donePainted ?? -1) < 0 || (times.firstRowsPainted ?? -1) < 0) {
      if (performance.now() > deadline) throw new Error(`the page did not record its times: ${JSON.stringify(times)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const click = times.click ?? 0;
    const calls = performance
      .getEntriesByType('resource')
      .filter((e) => e.name.startsWith(backend) && e.startTime >= click)
      .map((e) => e.startTime);
    return { ...(times as PageTimes), firstBackendCall: Math.min(...calls) };
  }, backendUrl);
}

/** Opens Messaging Setup in Chromium and times the first rows and the end of loading. */
export async function measureViewLoad(stack: Stack, browser: Browser, numbers: number): Promise<ViewLoad> {
  await resetAccount(stack, numbers, 0);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${stack.hostUrl}/?role=admin`);
    await page.locator('[data-flex-host="ready"]').waitFor();
    // Latency only for the view's own load, not the sign-in.
    await control(stack, 'POST', 'faults', { latencyMs: LATENCY_MS });
    await control(stack, 'DELETE', 'requests');
    let backendCalls = 0;
    let firstCall = 0;
    page.on('request', (request) => {
      if (!request.url().startsWith(stack.backendUrl)) return;
      backendCalls += 1;
      firstCall ||= Date.now();
    });
    await allowPageFunctions(page);
    await page.evaluate(recordPageTimes);
    await page.getByRole('navigation', { name: 'Side bar' }).getByRole('link', { name: 'Messaging Setup' }).click();
    await page.getByTestId('loading-progress').waitFor({ state: 'detached', timeout: 300_000 });
    const finished = Date.now();
    const times = await readPageTimes(page, stack.backendUrl);
    const requests = await twilioRequests(stack);
    return {
      numbers,
      twilioRequests: requests.length,
      backendCalls,
      firstRowsMs: Math.round(times.firstRowsPainted - times.click),
      completeMs: Math.round(times.donePainted - times.click),
      loadMs: Math.round(times.donePainted - times.firstBackendCall),
      driverLoadMs: finished - firstCall,
    };
  } finally {
    await page.close();
  }
}

export interface BackendLoad {
  numbers: number;
  twilioRequests: number;
  backendCalls: number;
  loadMs: number;
}

/**
 * The view's own loads (its loadSource, in its LOAD_ORDER, with the plugin's client) run from Node:
 * the same backend calls and Twilio requests with no browser — no rendering, no six-connection
 * limit. What the view load takes beyond this is the browser's share.
 */
export async function measureBackendLoad(stack: Stack, numbers: number): Promise<BackendLoad> {
  await resetAccount(stack, numbers, 0);
  // A new identity, so a new token: the load pays its one token check, as the view's does.
  const { token } = await control<{ token: string }>(stack, 'POST', 'tokens', {
    identity: `bench.${Date.now()}.${Math.round(Math.random() * 1e9)}@owl.example`,
    roles: ['admin'],
  });
  await control(stack, 'POST', 'faults', { latencyMs: LATENCY_MS });
  await control(stack, 'DELETE', 'requests');
  let backendCalls = 0;
  const backend = createBackendClient({
    baseUrl: stack.backendUrl,
    getToken: () => token,
    fetch: (...args) => {
      backendCalls += 1;
      return fetch(...args);
    },
  });
  const started = Date.now();
  await Promise.all(
    LOAD_ORDER.map((source) =>
      loadSource(
        backend,
        source,
        () => undefined,
        () => false,
      ),
    ),
  );
  const loadMs = Date.now() - started;
  return { numbers, twilioRequests: (await twilioRequests(stack)).length, backendCalls, loadMs };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Each figure's median over runs of the same size (Twilio requests and backend calls do not vary). */
export function medianOf<T extends { numbers: number }>(runs: T[]): T {
  const result: Record<string, number> = {};
  for (const key of Object.keys(runs[0])) result[key] = median(runs.map((r) => (r as Record<string, number>)[key]));
  return result as T;
}

export interface Baseline {
  numbers: number;
  twilioRequests: number;
  completeMs: number;
  /** The lower bound: one token check plus the longest chain of sequential pages, times the latency. */
  lowerBoundMs: number;
  longestChain: number;
}

const pages = (items: number, pageSize: number) => Math.max(1, Math.ceil(items / pageSize));

/**
 * What existing tools do: twilio-node's `list()` with its default page size (50), one list after
 * another. Its results also give the account's shape, for the lower bound.
 */
export async function measureNaiveBaseline(stack: Stack, numbers: number): Promise<Baseline> {
  await resetAccount(stack, numbers, LATENCY_MS);
  const client = twilio(sandboxCredentials.accountSid, sandboxCredentials.authToken, {
    httpClient: new SandboxRequestClient(stack.sandboxUrl),
  });
  const started = Date.now();
  const phoneNumbers = await client.incomingPhoneNumbers.list();
  const senders = await client.messaging.v2.channelsSenders.list({ channel: 'whatsapp' });
  const addresses = await client.conversations.v1.addressConfigurations.list();
  const flows = await client.studio.v2.flows.list();
  const flexFlows = await client.flexApi.v1.flexFlow.list();
  await client.flexApi.v1.configuration().fetch();
  await client.conversations.v1.configuration().fetch();
  const services = await client.messaging.v1.services.list();
  for (const service of services) await client.messaging.v1.services(service.sid).phoneNumbers.list();
  const completeMs = Date.now() - started;
  const requests = await twilioRequests(stack);

  // The chains the view runs in parallel, each at the spec's largest page (addresses by type).
  const byType = (type: string) => addresses.filter((a) => a.type === type).length;
  const chains = [
    pages(phoneNumbers.length, 1000),
    pages(senders.length, 1000),
    pages(byType('sms'), 50),
    pages(byType('whatsapp'), 50),
    pages(flows.length, 1000),
    pages(flexFlows.length, 1000),
    2, // Messaging Services, then their numbers
  ];
  const longestChain = Math.max(...chains);
  return {
    numbers,
    twilioRequests: requests.length,
    completeMs,
    lowerBoundMs: (1 + longestChain) * LATENCY_MS,
    longestChain,
  };
}

export interface UiResponse {
  rows: number;
  /** From choosing the tab to its table on screen, with every row loaded. */
  tableSwitchMs: number;
  searchKeystrokeMs: { median: number; max: number };
  /**
   * A page of rows mounted: the search emptied to a query nothing matches, then cleared, so one
   * input event mounts a full page of rows (and unmounts the "no matches" row). The median of
   * several; what a row of Paste components costs, which both the slow keystroke and the first
   * rows of a load wait for.
   */
  pageMountMs: number;
}

/** Each figure's median over runs (the median keystroke's median, the slowest keystroke's median). */
export function medianUiResponse(runs: UiResponse[]): UiResponse {
  return {
    rows: runs[0].rows,
    tableSwitchMs: median(runs.map((r) => r.tableSwitchMs)),
    searchKeystrokeMs: {
      median: median(runs.map((r) => r.searchKeystrokeMs.median)),
      max: median(runs.map((r) => r.searchKeystrokeMs.max)),
    },
    pageMountMs: median(runs.map((r) => r.pageMountMs)),
  };
}

/** With 10,000 rows loaded: switching to the table, and each keystroke of a search. */
export async function measureUiResponse(stack: Stack, browser: Browser, numbers: number): Promise<UiResponse> {
  await resetAccount(stack, numbers, 0);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${stack.hostUrl}/?role=admin`);
    await page.getByRole('navigation', { name: 'Side bar' }).getByRole('link', { name: 'Messaging Setup' }).click();
    await page.getByTestId('loading-progress').waitFor({ state: 'detached', timeout: 300_000 });
    await page.getByRole('tab', { name: 'Addresses' }).click();
    const switchStart = Date.now();
    await page.getByRole('tab', { name: 'Phone numbers' }).click();
    await page.getByRole('tabpanel').getByTestId('connection-row').first().waitFor();
    const tableSwitchMs = Date.now() - switchStart;

    // React handles an input event synchronously: the time to dispatch it is the time to filter
    // and render. Measured in the page, one character at a time.
    await allowPageFunctions(page);
    const { times, mounts } = await page.evaluate(
      async ({ text, nothing }) => {
        const input = document.querySelector<HTMLInputElement>('[role="tabpanel"] input[type="search"]');
        if (!input) throw new Error('no search box');
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const type = (value: string) => {
          const t0 = performance.now();
          setValue?.call(input, value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return performance.now() - t0;
        };
        const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const keystrokes: number[] = [];
        for (let i = 1; i <= text.length; i += 1) {
          keystrokes.push(type(text.slice(0, i)));
          await painted();
        }
        const rowsShown = () => document.querySelectorAll('[role="tabpanel"] [data-testid="connection-row"]').length;
        const pageMounts: number[] = [];
        for (let i = 0; i < 7; i += 1) {
          type(nothing);
          if (rowsShown() !== 0) throw new Error(`"${nothing}" matched rows: no page to mount`);
          await painted();
          pageMounts.push(type(''));
          if (rowsShown() === 0) throw new Error('clearing the search showed no rows');
          await painted();
        }
        return { times: keystrokes, mounts: pageMounts };
      },
      { text: '+1415200', nothing: 'no such row' },
    );
    return {
      rows: numbers,
      tableSwitchMs,
      searchKeystrokeMs: { median: median(times), max: Math.max(...times) },
      pageMountMs: median(mounts),
    };
  } finally {
    await page.close();
  }
}

export interface BulkResult {
  /** The products whose requests were answered 429 at `rate429`. */
  products: string[];
  addresses: number;
  rate429: number;
  wallMs: number;
  /** Every Twilio request of the run, all products (IAM's token checks, Conversations, Sync, …). */
  twilioRequests: number;
  /** The same, per product (`conversations`, `sync`, `iam`, …). */
  twilioRequestsByProduct: Record<string, number>;
  rateLimitedAnswers: number;
  backendRetries: number;
  /** Numbers left without an address after every automatic retry. */
  failures: number;
  /**
   * Numbers holding more than one address afterwards. Twilio refuses a second address for the same
   * number (and so does the sandbox, with 409), so this stays 0 whatever the backend does; the
   * backend's duplicate attempts are `createsRefused`.
   */
  duplicates: number;
  /**
   * Create-address requests (POST /v1/Configuration/Addresses) the sandbox refused with 409 because
   * the address already existed: creates the backend sent twice — e.g. a retry of a create whose
   * first answer was a 429 after it was applied. Not 0 by construction.
   */
  createsRefused: number;
  /** Create-address requests sent to Twilio in all (answered or not), to compare with `addresses`. */
  createsSent: number;
  /** Distinct addresses with a succeeded bulk create-address entry in the change history (Sync). */
  historyEntries: number;
  /** Succeeded bulk create entries beyond one per address: the history recording one create twice. */
  duplicateHistoryEntries: number;
}

const ADDRESSES_PATH = '/v1/Configuration/Addresses';

/**
 * The change history's succeeded bulk create entries, read from Sync directly (not through the
 * backend under test): how many distinct addresses have one, and how many entries are extra.
 */
/** The history's entries as stored: the Map in the backend's own Sync Service (found by name, as the backend does). */
async function historyItems(client: twilio.Twilio): Promise<{ key: string; data: HistoryItemData }[]> {
  const services = await client.sync.v1.services.list({ pageSize: 100 });
  const service = services.find((s) => s.friendlyName === BACKEND_SYNC_SERVICE_NAME && s.aclEnabled);
  if (!service) throw new Error(`No Sync Service "${BACKEND_SYNC_SERVICE_NAME}" on the sandbox account`);
  const items = await client.sync.v1
    .services(service.sid)
    .syncMaps(HISTORY_MAP_NAME)
    .syncMapItems.list({ pageSize: 100 });
  return items.map((item) => ({ key: item.key, data: item.data as HistoryItemData }));
}

interface HistoryItemData {
  kind?: unknown;
  outcome?: unknown;
  bulk?: unknown;
  resource?: { sid?: unknown; address?: unknown };
}

async function countBulkHistoryEntries(client: twilio.Twilio): Promise<{ addresses: number; extraEntries: number }> {
  const perAddress = new Map<string, number>();
  for (const { key, data } of await historyItems(client)) {
    if (data.kind !== 'create-address' || data.outcome !== 'succeeded' || data.bulk !== true) continue;
    // An entry that names no address still counts once, under its own key, so it is not lost.
    const address = typeof data.resource?.address === 'string' ? data.resource.address : `(item ${key})`;
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
  }
  const extraEntries = [...perAddress.values()].reduce((sum, n) => sum + n - 1, 0);
  return { addresses: perAddress.size, extraEntries };
}

/** A bulk run at the plugin's bulk pace (4 at once, 429s re-queued), nothing cancelled: its wall time in ms. */
async function timedBulkRun<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<number> {
  const started = Date.now();
  await runBulk(items, run, {
    ...BULK_CREATE_PACE,
    isRateLimited,
    isCancelled: () => false,
    onOutcome: () => undefined,
  });
  return Date.now() - started;
}

/** Creates `count` addresses through the backend with the plugin's client and bulk runner, under 429s. */
export async function measureBulkCreate(
  stack: Stack,
  count: number,
  rate429: number,
  /** Which products answer 429s: Conversations alone (as before the history), or with Sync. */
  products: readonly string[] = ['conversations', 'sync'],
): Promise<BulkResult> {
  await control(stack, 'POST', 'faults', {});
  await control(stack, 'POST', 'reset', { numbers: count * 2, addresses: 0, whatsappSenders: 0, seed: 3 });
  const { token } = await control<{ token: string }>(stack, 'POST', 'tokens', {
    identity: 'bench.admin@owl.example',
    roles: ['admin'],
  });
  const client = twilio(sandboxCredentials.accountSid, sandboxCredentials.authToken, {
    httpClient: new SandboxRequestClient(stack.sandboxUrl),
  });
  const numbers = (await client.incomingPhoneNumbers.list({ pageSize: 1000 }))
    .filter((n) => n.capabilities.sms)
    .slice(0, count);
  const flow = (await client.studio.v2.flows.list({ pageSize: 1000 })).find((f) => f.status === 'published');
  if (!flow || numbers.length < count) throw new Error('the bulk account is not as expected');

  // 429s on the Conversations API (and Sync: the history entries), not the sign-in.
  await control(stack, 'POST', 'faults', { rate429, retryAfterSeconds: 1, products, seed: 5 });
  await control(stack, 'DELETE', 'requests');
  let backendRetries = 0;
  const backend = createBackendClient({
    baseUrl: stack.backendUrl,
    getToken: () => token,
    sleep: (ms) => {
      backendRetries += 1;
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  const template: Omit<AddressInput, 'address'> = {
    type: 'sms',
    autoCreationEnabled: true,
    integration: { type: 'studio', studioFlowSid: flow.sid, retryCount: 3 },
  };
  const wallMs = await timedBulkRun(numbers, (n) =>
    backend.call('create-address', { ...template, address: n.phoneNumber, bulk: true }),
  );
  const requests = await twilioRequests(stack);
  await control(stack, 'POST', 'faults', {});
  const made = await client.conversations.v1.addressConfigurations.list({ pageSize: 50 });
  const perAddress = new Map<string, number>();
  for (const a of made) perAddress.set(a.address, (perAddress.get(a.address) ?? 0) + 1);
  const byProduct: Record<string, number> = {};
  for (const r of requests) byProduct[r.product] = (byProduct[r.product] ?? 0) + 1;
  const creates = requests.filter(
    (r) => r.product === 'conversations' && r.method === 'POST' && r.path === ADDRESSES_PATH,
  );
  const history = await countBulkHistoryEntries(client);
  return {
    addresses: count,
    rate429,
    products: [...products],
    wallMs,
    twilioRequests: requests.length,
    twilioRequestsByProduct: byProduct,
    rateLimitedAnswers: requests.filter((r) => r.status === 429).length,
    backendRetries,
    failures: numbers.filter((n) => !perAddress.has(n.phoneNumber)).length,
    duplicates: [...perAddress.values()].filter((n) => n > 1).length,
    createsRefused: creates.filter((r) => r.status === 409).length,
    createsSent: creates.length,
    historyEntries: history.addresses,
    duplicateHistoryEntries: history.extraEntries,
  };
}

export interface TraceRun {
  /** trace-customer's wall time from Node, token check included (a new token each run). */
  wallMs: number;
  /** Twilio requests the trace made, the token check included. */
  twilioRequests: number;
  conversations: number;
  verdict: string;
}

/**
 * Trace a customer (issue #26) at `LATENCY_MS` per Twilio request: the evidence seeds' customer
 * whose task was completed while their conversation stayed active, on a 100-number account.
 */
export async function measureTrace(stack: Stack, runs: number): Promise<TraceRun[]> {
  await control(stack, 'POST', 'faults', {});
  await control(stack, 'POST', 'reset', { numbers: 100, addresses: 50, seed: 7, evidence: true });
  await control(stack, 'POST', 'faults', { latencyMs: LATENCY_MS });
  const results: TraceRun[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { token } = await control<{ token: string }>(stack, 'POST', 'tokens', {
      identity: `bench.trace.${Date.now()}.${run}@owl.example`,
      roles: ['supervisor'],
    });
    await control(stack, 'DELETE', 'requests');
    const backend = createBackendClient({ baseUrl: stack.backendUrl, getToken: () => token, fetch });
    const started = Date.now();
    const answer = await backend.call('trace-customer', { customer: EVIDENCE_CUSTOMERS.stuckWithCompletedTask });
    const wallMs = Date.now() - started;
    results.push({
      wallMs,
      twilioRequests: (await twilioRequests(stack)).length,
      conversations: answer.conversations.length,
      verdict: answer.stoppedAt.at === 'conversation' ? answer.stoppedAt.verdict : answer.stoppedAt.at,
    });
  }
  await control(stack, 'POST', 'faults', {});
  return results;
}

export interface BulkCloseResult {
  conversations: number;
  rate429: number;
  wallMs: number;
  twilioRequests: number;
  rateLimitedAnswers: number;
  /** Conversations still open after the run. */
  failures: number;
  /** close-conversation history entries, and the distinct conversations they name. */
  historyEntries: number;
  conversationsRecorded: number;
}

/**
 * Closing `count` stuck conversations (issue #26) as the plugin's bulk runner paces a bulk run,
 * with `rate429` of Conversations and Sync requests answered 429: conversations in Flex's service
 * with a customer each and no task, made over REST first.
 */
export async function measureBulkClose(stack: Stack, count: number, rate429: number): Promise<BulkCloseResult> {
  await control(stack, 'POST', 'faults', {});
  await control(stack, 'POST', 'reset', { numbers: 10, addresses: 5, seed: 3 });
  const client = twilio(sandboxCredentials.accountSid, sandboxCredentials.authToken, {
    httpClient: new SandboxRequestClient(stack.sandboxUrl),
  });
  const flexService = (await client.flexApi.v1.configuration().fetch()).flexServiceInstanceSid;
  const service = client.conversations.v1.services(flexService);
  const made: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const conversation = await service.conversations.create({});
    await service.conversations(conversation.sid).participants.create({
      'messagingBinding.address': `+1311555${String(1000 + i).padStart(4, '0')}`,
      'messagingBinding.proxyAddress': '+15005550006',
    });
    made.push(conversation.sid);
  }
  const { token } = await control<{ token: string }>(stack, 'POST', 'tokens', {
    identity: 'bench.admin@owl.example',
    roles: ['admin'],
  });
  await control(stack, 'POST', 'faults', {
    rate429,
    retryAfterSeconds: 1,
    products: ['conversations', 'sync'],
    seed: 5,
  });
  await control(stack, 'DELETE', 'requests');
  const backend = createBackendClient({ baseUrl: stack.backendUrl, getToken: () => token });
  const wallMs = await timedBulkRun(made, (sid) =>
    backend.call('close-conversation', { sid, serviceSid: flexService }),
  );
  const requests = await twilioRequests(stack);
  await control(stack, 'POST', 'faults', {});
  const states = await Promise.all(made.map(async (sid) => (await service.conversations(sid).fetch()).state));
  const entries = await closeHistoryEntries(client);
  return {
    conversations: count,
    rate429,
    wallMs,
    twilioRequests: requests.length,
    rateLimitedAnswers: requests.filter((r) => r.status === 429).length,
    failures: states.filter((state) => state !== 'closed').length,
    historyEntries: entries.length,
    conversationsRecorded: new Set(entries).size,
  };
}

/** The conversation SIDs the history's succeeded close-conversation entries name, one per entry. */
async function closeHistoryEntries(client: twilio.Twilio): Promise<string[]> {
  return (await historyItems(client))
    .filter(({ data }) => data.kind === 'close-conversation' && data.outcome === 'succeeded')
    .map(({ data, key }) => (typeof data.resource?.sid === 'string' ? data.resource.sid : `(item ${key})`));
}
