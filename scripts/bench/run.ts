/**
 * `npm run bench`: the numbers behind docs/PERFORMANCE.md. Prints a table and writes
 * docs/benchmarks/latest.json. Runs its own local stack (`npm start` on BENCH_PORT, default 3300,
 * +1, +2) and needs Chromium. `--quick` measures 100 and 1,000 numbers only (100 bulk creates), as
 * CI's smoke run (.ci/run): no timing is asserted, and it writes its figures to the system's temp
 * folder, never over latest.json, so the committed figures stay those of a full run. With
 * SANDBOX_STRICT_RESPONSES=1 (CI) any answer or request outside Twilio's spec fails the run.
 *
 * 1. Plugin size, minified and gzip -9: the registration every Flex start loads, and the view's code.
 * 2. View load with 100 ms injected latency per Twilio request, for 100, 1,000 and 10,000 numbers
 *    (addresses for half): Twilio requests, backend calls, time to first rows and to complete
 *    ("load" counts from the view's first backend call; "complete" from the click, view mount
 *    included; each timed in the page, to the paint; "load (driver)" is the same load as
 *    Playwright sees it, its own delays included), beside the naive baseline (twilio-node
 *    `list()`, default page size, one list after another) and the lower bound (one token check
 *    plus the longest chain of sequential pages); and the
 *    same loads from Node without a browser ("backend only"), which separates the request
 *    structure's share from the browser's (rendering, connection limits).
 * 3. In Chromium with 10,000 rows: switching to the table, each search keystroke, and a page of
 *    rows mounted at once (what a row costs).
 * 4. Bulk create of 500 addresses with 20% injected 429s: wall time, Twilio requests of every
 *    product, failures, creates refused 409 as already made, distinct addresses in the history.
 * 5. Trace a customer (#26) with 100 ms injected latency: wall time and Twilio requests.
 * 6. Closing 200 stuck conversations (#26) with 20% injected 429s: wall time, what is left open,
 *    history entries.
 *
 * 7. What the plugin costs in the real Flex UI runtime (#29): an agent's Flex start with the plugin
 *    and without it, alternately in fresh browsers (time to ready, bytes of our code and of all),
 *    and a supervisor's first open of the view with 100 ms per Twilio request (click to first rows,
 *    the view's code download included).
 *
 * `--evidence-only` measures sections 5 and 6 alone, at their full sizes, and writes nothing;
 * `--agent-only`, section 7 alone.
 *
 * `--ui-only` measures section 3 alone (`--runs=N` times, default 3) and writes nothing: for
 * comparing two checkouts' UI response in one sitting (BENCH_ROOT, see stack.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Browser } from '@playwright/test';
import { format, resolveConfig } from 'prettier';

import { BUNDLE, measureBuild } from '../bundleBudget';
import {
  measureAgentStart,
  measureFirstOpen,
  realFlexRuntimeReady,
  type AgentStart,
  type FirstOpen,
} from './agentCost';
import {
  launchBrowser,
  LATENCY_MS,
  measureBulkCreate,
  measureNaiveBaseline,
  measureTrace,
  measureBulkClose,
  measureUiResponse,
  measureBackendLoad,
  measureViewLoad,
  medianOf,
  medianUiResponse,
  type BackendLoad,
  type UiResponse,
  type Baseline,
  type ViewLoad,
} from './measure';
import { control, startStack, type Stack } from './stack';

/** With a strict sandbox, what it recorded outside Twilio's spec during the run fails it. */
async function checkSandboxViolations(stack: Stack): Promise<void> {
  if (process.env.SANDBOX_STRICT_RESPONSES !== '1') return;
  const { count, violations } = await control<{
    count: number;
    violations: { kind: string; method: string; product: string; path: string; status: number; detail: string }[];
  }>(stack, 'GET', 'violations');
  if (count === 0) return;
  const lines = violations
    .slice(0, 20)
    .map((v) => `${v.method} ${v.product}${v.path} → ${v.status}: ${v.kind}: ${v.detail}`);
  throw new Error(`the sandbox recorded ${count} answers or requests outside Twilio's spec:\n  ${lines.join('\n  ')}`);
}

const root = path.resolve(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [100, 1000] : [100, 1000, 10_000];
const BULK = { count: quick ? 100 : 500, rate429: 0.2 };
const TRACE_RUNS = quick ? 3 : 5;
const BULK_CLOSE = { count: quick ? 50 : 200, rate429: 0.2 };
/**
 * View loads per size. One load on a 2-core machine that runs the browser and the whole stack
 * varies by ±30% from run to run; the table shows each figure's median over these runs.
 */
const RUNS = (numbers: number) => (numbers >= 10_000 ? 3 : 5);
const uiOnly = process.argv.includes('--ui-only');
const runsArg = process.argv.find((arg) => arg.startsWith('--runs='));
const UI_RUNS = runsArg ? Math.max(1, Number(runsArg.slice('--runs='.length)) || 3) : 3;
const OUT = quick
  ? path.join(os.tmpdir(), 'messaging-setup-bench-quick.json')
  : path.join(root, 'docs', 'benchmarks', 'latest.json');

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

/** Section 3: like the loads, a median of several runs (one run's slowest keystroke varies by ±30%). */
async function measureUi(stack: Stack, browser: Browser) {
  const uiRuns: UiResponse[] = [];
  for (let run = 0; run < UI_RUNS; run += 1)
    uiRuns.push(await measureUiResponse(stack, browser, SIZES[SIZES.length - 1]));
  const ui = medianUiResponse(uiRuns);
  const each = (pick: (r: UiResponse) => number) => uiRuns.map((r) => pick(r).toFixed(1)).join(', ');
  console.log(
    `\n3. In Chromium with ${ui.rows.toLocaleString('en-US')} numbers loaded (medians of ${UI_RUNS} runs; per run: table switch ${each((r) => r.tableSwitchMs)} ms, slowest keystroke ${each((r) => r.searchKeystrokeMs.max)} ms, page of rows ${each((r) => r.pageMountMs)} ms):\n`,
  );
  console.log(
    table(
      ['table switch', 'search keystroke (median)', 'search keystroke (max)', 'page of rows mounted'],
      [
        [
          `${ui.tableSwitchMs} ms`,
          `${ui.searchKeystrokeMs.median.toFixed(1)} ms`,
          `${ui.searchKeystrokeMs.max.toFixed(1)} ms`,
          `${ui.pageMountMs.toFixed(1)} ms`,
        ],
      ],
    ),
  );
  return { ui, uiRuns };
}

/** Sections 5 and 6, the evidence of #26: a trace at 100 ms per request, and a bulk close under 429s. */
async function measureEvidence(stack: Stack, traceCount: number, closeCount: number) {
  const traceRuns = await measureTrace(stack, traceCount);
  const traceWalls = traceRuns.map((run) => run.wallMs).sort((a, b) => a - b);
  console.log(`\n5. Trace a customer, ${LATENCY_MS} ms per Twilio request (${traceCount} runs):\n`);
  console.log(
    table(
      ['run', 'wall', 'Twilio requests', 'conversations', 'where it stopped'],
      traceRuns.map((run, index) => [index + 1, s(run.wallMs), run.twilioRequests, run.conversations, run.verdict]),
    ),
  );
  console.log(
    `\n   median wall ${s(traceWalls[Math.floor(traceWalls.length / 2)])}.` +
      ' Wall: trace-customer from Node, its token check included (a new token each run); Twilio\n' +
      "   requests: every product, the token check included. The customer: the evidence seeds'\n" +
      '   stuck one (task completed, conversation still active), on a 100-number account.',
  );

  const bulkClose = await measureBulkClose(stack, closeCount, BULK_CLOSE.rate429);
  console.log(
    `\n6. Closing ${bulkClose.conversations} stuck conversations, ${bulkClose.rate429 * 100}% of Conversations and Sync requests answered 429:\n`,
  );
  console.log(
    table(
      [
        'wall',
        'Twilio requests (all products)',
        '429 answers',
        'still open after',
        'close entries',
        'conversations recorded',
      ],
      [
        [
          s(bulkClose.wallMs),
          bulkClose.twilioRequests,
          bulkClose.rateLimitedAnswers,
          bulkClose.failures,
          bulkClose.historyEntries,
          bulkClose.conversationsRecorded,
        ],
      ],
    ),
  );
  console.log(
    "\n   The plugin's backend client and bulk runner's pace (4 at once), close-conversation each; still\n" +
      '   open after: conversations not closed when the run ended; close entries: succeeded\n' +
      '   close-conversation entries in Sync, and the distinct conversations they name.',
  );
  return { traceRuns, bulkClose };
}

const AGENT_RUNS = quick ? 2 : 5;
const FIRST_OPEN_RUNS = quick ? 2 : 5;

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor((values.length - 1) / 2)];

/** Section 7: an agent's Flex start with and without the plugin, and a supervisor's first open, in real Flex. */
async function measureAgentCost(stack: Stack, browser: Browser) {
  await realFlexRuntimeReady(stack);
  // On the demo account's size of setup: 100 numbers, addresses for half.
  await control(stack, 'POST', 'faults', {});
  await control(stack, 'POST', 'reset', { numbers: 100, addresses: 50, seed: 7 });
  // One start unmeasured: the host and the backend load their code once.
  await measureAgentStart(stack, browser, true);
  const starts: AgentStart[] = [];
  // Alternately, so a drift of the machine's speed touches both alike.
  for (let run = 0; run < AGENT_RUNS; run += 1) {
    starts.push(await measureAgentStart(stack, browser, false));
    starts.push(await measureAgentStart(stack, browser, true));
  }
  const opens: FirstOpen[] = [];
  for (let run = 0; run < FIRST_OPEN_RUNS; run += 1) opens.push(await measureFirstOpen(stack, browser, LATENCY_MS));

  const summary = (withPlugin: boolean) => {
    const runs = starts.filter((start) => start.withPlugin === withPlugin);
    return {
      readyMs: median(runs.map((run) => run.readyMs)),
      ourBytes: median(runs.map((run) => run.ourBytes)),
      ourGzipBytes: median(runs.map((run) => run.ourGzipBytes)),
      allBytes: median(runs.map((run) => run.allBytes)),
      viewCodeFetched: runs.some((run) => run.viewCodeFetched),
    };
  };
  const without = summary(false);
  const withPlugin = summary(true);
  const firstOpen = {
    firstRowsMs: median(opens.map((open) => open.firstRowsMs)),
    viewCodeBytes: median(opens.map((open) => open.viewCodeBytes)),
    viewCodeGzipBytes: median(opens.map((open) => open.viewCodeGzipBytes)),
  };
  const b = (n: number) => `${n.toLocaleString('en-US')} B`;
  console.log(
    `\n7. In the real Flex UI runtime: an agent's Flex start (medians of ${AGENT_RUNS} fresh-browser starts each, alternately), and a supervisor's first open (${FIRST_OPEN_RUNS} runs, ${LATENCY_MS} ms per Twilio request):\n`,
  );
  console.log(
    table(
      [
        'agent start',
        'to ready',
        'our code fetched (as served)',
        'its gzip -9',
        'all bodies fetched',
        'view code fetched',
      ],
      [
        [
          'without the plugin',
          s(without.readyMs),
          b(without.ourBytes),
          b(without.ourGzipBytes),
          b(without.allBytes),
          'no',
        ],
        [
          'with the plugin',
          s(withPlugin.readyMs),
          b(withPlugin.ourBytes),
          b(withPlugin.ourGzipBytes),
          b(withPlugin.allBytes),
          withPlugin.viewCodeFetched ? 'YES' : 'no',
        ],
      ],
    ),
  );
  console.log(`\n   Ready with / without: ${(withPlugin.readyMs / without.readyMs).toFixed(3)}`);
  console.log(
    `   Supervisor's first open, click to first rows: ${s(firstOpen.firstRowsMs)} (view code ${b(firstOpen.viewCodeBytes)} as served, ${b(firstOpen.viewCodeGzipBytes)} gzip -9)`,
  );
  return { starts, opens, without, withPlugin, ratio: withPlugin.readyMs / without.readyMs, firstOpen };
}

/** `--agent-only`: section 7, nothing written. */
async function measureAgentOnly() {
  const stack = await startStack(Number(process.env.BENCH_PORT || 3300));
  const browser = await launchBrowser();
  try {
    await measureAgentCost(stack, browser);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

/** `--evidence-only`: sections 5 and 6 at their full sizes, nothing written. */
async function measureEvidenceOnly() {
  const stack = await startStack(Number(process.env.BENCH_PORT || 3300));
  try {
    await measureEvidence(stack, 5, 200);
    await checkSandboxViolations(stack);
  } finally {
    await stack.stop();
  }
}

/** `--ui-only`: section 3 on a built plugin, nothing written. */
async function measureUiOnly() {
  const bundle = process.env.BENCH_ROOT ? path.join(process.env.BENCH_ROOT, path.relative(root, BUNDLE)) : BUNDLE;
  if (!fs.existsSync(bundle)) throw new Error('--ui-only measures a built plugin: run `npx flex-plugin build` first');
  const stack = await startStack(Number(process.env.BENCH_PORT || 3300));
  const browser = await launchBrowser();
  try {
    console.log(`Measuring the checkout at ${process.env.BENCH_ROOT ? 'BENCH_ROOT' : 'this one'}`);
    await measureUi(stack, browser);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

async function main() {
  if (uiOnly) return measureUiOnly();
  if (process.argv.includes('--evidence-only')) return measureEvidenceOnly();
  if (process.argv.includes('--agent-only')) return measureAgentOnly();
  // Always from the sources as they are: a bundle left in build/ may be older than the code.
  if (process.env.BENCH_SKIP_BUILD !== '1' || !fs.existsSync(BUNDLE)) {
    const build = spawnSync('npx', ['flex-plugin', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the plugin build failed');
  }
  const build = measureBuild();
  const bundle = {
    minified: build.registration.minified + build.viewCode.minified,
    gzip: build.registration.gzip + build.viewCode.gzip,
    registration: build.registration,
    viewCode: build.viewCode,
  };
  const b = (n: number) => `${n.toLocaleString('en-US')} B`;
  console.log(
    `1. Plugin: registration ${b(build.registration.minified)} minified, ${b(build.registration.gzip)} gzip -9; ` +
      `view code ${b(build.viewCode.minified)} minified, ${b(build.viewCode.gzip)} gzip -9; ` +
      `total ${b(bundle.minified)} minified, ${b(bundle.gzip)} gzip -9\n`,
  );

  const stack = await startStack(Number(process.env.BENCH_PORT || 3300));
  const browser = await launchBrowser();
  try {
    // One load first, unmeasured: the functions are loaded once per process, as a warm Functions
    // container has them; the figures are for a warm backend.
    await measureViewLoad(stack, browser, SIZES[0]);
    const loads: {
      view: ViewLoad;
      backend: BackendLoad;
      naive: Baseline;
      runs: ViewLoad[];
      backendRuns: BackendLoad[];
    }[] = [];
    for (const numbers of SIZES) {
      const naive = await measureNaiveBaseline(stack, numbers);
      const runs: ViewLoad[] = [];
      const backendRuns: BackendLoad[] = [];
      for (let run = 0; run < RUNS(numbers); run += 1) {
        runs.push(await measureViewLoad(stack, browser, numbers));
        backendRuns.push(await measureBackendLoad(stack, numbers));
      }
      loads.push({ view: medianOf(runs), backend: medianOf(backendRuns), naive, runs, backendRuns });
      console.log(`   measured ${numbers} numbers`);
    }
    console.log(
      `\n2. View load, ${LATENCY_MS} ms per Twilio request (medians of ${RUNS(100)} runs, ${RUNS(10_000)} at 10,000):\n`,
    );
    console.log(
      table(
        [
          'numbers',
          'Twilio requests',
          'naive requests',
          'backend calls',
          'first rows',
          'complete',
          'load',
          'lower bound',
          'load / bound',
          'load (driver)',
          'backend only',
          'backend / bound',
          'naive load',
        ],
        loads.map(({ view, backend, naive }) => [
          view.numbers.toLocaleString('en-US'),
          view.twilioRequests,
          naive.twilioRequests,
          view.backendCalls,
          s(view.firstRowsMs),
          s(view.completeMs),
          s(view.loadMs),
          `${s(naive.lowerBoundMs)} (${naive.longestChain} pages)`,
          (view.loadMs / naive.lowerBoundMs).toFixed(2),
          s(view.driverLoadMs),
          s(backend.loadMs),
          (backend.loadMs / naive.lowerBoundMs).toFixed(2),
          s(naive.completeMs),
        ]),
      ),
    );

    const { ui, uiRuns } = await measureUi(stack, browser);

    // As before the change history (429s on Conversations), then with Sync's 429s too.
    const bulkRuns = [
      await measureBulkCreate(stack, BULK.count, BULK.rate429, ['conversations']),
      await measureBulkCreate(stack, BULK.count, BULK.rate429, ['conversations', 'sync']),
    ];
    const bulk = bulkRuns[1];
    console.log(`\n4. Bulk create of ${bulk.addresses} addresses, ${bulk.rate429 * 100}% of requests answered 429:\n`);
    console.log(
      table(
        [
          '429s on',
          'wall',
          'Twilio requests (all products)',
          '429 answers',
          'client retries',
          'failures left',
          'creates sent',
          'creates refused 409 (already made)',
          'numbers with 2 addresses',
          'addresses with a history entry',
          'extra history entries',
        ],
        bulkRuns.map((run) => [
          run.products.join(' + '),
          s(run.wallMs),
          `${run.twilioRequests} (${Object.entries(run.twilioRequestsByProduct)
            .map(([product, n]) => `${product} ${n}`)
            .join(', ')})`,
          run.rateLimitedAnswers,
          run.backendRetries,
          run.failures,
          run.createsSent,
          run.createsRefused,
          run.duplicates,
          `${run.historyEntries} of ${run.addresses}`,
          run.duplicateHistoryEntries,
        ]),
      ),
    );

    console.log(
      '\n   Twilio requests: every product (IAM token checks, Conversations, Sync). Numbers with 2 addresses\n' +
        '   is 0 by construction (Twilio, and the sandbox, refuse a second address with 409); creates\n' +
        '   refused 409 counts the creates the backend sent for an address already made. Addresses with a\n' +
        '   history entry: distinct addresses with a succeeded bulk create entry in Sync.',
    );

    const { traceRuns, bulkClose } = await measureEvidence(stack, TRACE_RUNS, BULK_CLOSE.count);
    const agentCost = await measureAgentCost(stack, browser);
    await checkSandboxViolations(stack);

    fs.mkdirSync(path.dirname(OUT), { recursive: true });
    const result = {
      date: new Date().toISOString(),
      quick,
      latencyMs: LATENCY_MS,
      bundle,
      loads,
      ui,
      uiRuns,
      bulk,
      bulkRuns,
      traceRuns,
      bulkClose,
      agentCost,
    };
    // Written as the project's Prettier writes it: the file is committed, and `npm run lint` checks it.
    const style = await resolveConfig(OUT);
    fs.writeFileSync(OUT, await format(JSON.stringify(result, null, 2), { ...style, parser: 'json' }));
    console.log(`\nWrote ${quick ? OUT : path.relative(root, OUT)}`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
