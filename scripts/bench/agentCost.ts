/**
 * Section 7 of `npm run bench`: what the plugin costs in the real Flex UI runtime (the host's
 * `?flex=real`), side by side in one run — an agent's Flex start with the plugin and without it
 * (`&plugins=none`: Flex's plugin service off), and a supervisor's first open of the view on a fresh
 * browser, the view's code download included.
 */
import zlib from 'node:zlib';

import type { Browser, Page } from '@playwright/test';

import { control, type Stack } from './stack';

/** Our code, by URL: the registration and the view's code (webpack.config.js). */
const OUR_CODE = /\/plugin-messaging-setup\.js$|\/messaging-setup-view\/[^/]+\.js$/;

export interface AgentStart {
  withPlugin: boolean;
  /** From navigation start to the Agent Desktop on screen with Flex's plugin loader done, in the page. */
  readyMs: number;
  /** Bytes of our code the start fetched (as served: uncompressed here), and their gzip -9 size. */
  ourBytes: number;
  ourGzipBytes: number;
  /** Every resource body the start fetched (Flex's own runtime included), as served. */
  allBytes: number;
  /** Whether any of the view's code was fetched (it must not be). */
  viewCodeFetched: boolean;
}

/** What `page` fetched of our code, by URL, with each body's size and gzip -9 size. */
function recordOurCode(page: Page): Map<string, Promise<{ bytes: number; gzip: number }>> {
  const fetched = new Map<string, Promise<{ bytes: number; gzip: number }>>();
  page.on('response', (response) => {
    if (!OUR_CODE.test(response.url())) return;
    fetched.set(
      response.url(),
      response.body().then((body) => ({ bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length })),
    );
  });
  return fetched;
}

async function sizesOf(fetched: Map<string, Promise<{ bytes: number; gzip: number }>>) {
  const sizes = await Promise.all(fetched.values());
  return {
    bytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
  };
}

/** Waits in the page for Flex to be ready for an agent; answers the page's own time of it. */
async function readyTime(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      if (document.documentElement.dataset.realFlex === 'failed') throw new Error('the real Flex boot failed');
      const heading = Array.from(document.querySelectorAll('h1')).some((h) =>
        h.textContent?.startsWith('Agent Desktop'),
      );
      const plugins = (window as unknown as { Twilio?: { Flex?: { Plugins?: { plugins?: { state: string }[] } } } })
        .Twilio?.Flex?.Plugins?.plugins;
      const pluginsDone = (plugins ?? []).every((plugin) => plugin.state === 'Initialized');
      return heading && pluginsDone ? performance.now() : false;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

/** A fresh browser context (nothing cached) whose page functions survive tsx's keepNames helper. */
async function freshContext(browser: Browser, height: number) {
  const context = await browser.newContext({ viewport: { width: 1280, height } });
  await context.addInitScript('globalThis.__name = (fn) => fn');
  return context;
}

/** Waits until the host has bundled the Flex UI runtime (on its first start), so no start waits for it. */
export async function realFlexRuntimeReady(stack: Stack): Promise<void> {
  const response = await fetch(`${stack.hostUrl}/_flex/runtime`);
  if (!response.ok) throw new Error(`the host could not bundle the Flex UI runtime (${response.status})`);
}

/** One agent's Flex start in a fresh browser context (nothing cached). */
export async function measureAgentStart(stack: Stack, browser: Browser, withPlugin: boolean): Promise<AgentStart> {
  const context = await freshContext(browser, 800);
  const page = await context.newPage();
  try {
    const fetched = recordOurCode(page);
    await page.goto(`${stack.hostUrl}/?role=agent&flex=real${withPlugin ? '' : '&plugins=none'}`);
    const readyMs = await readyTime(page);
    await page.waitForLoadState('networkidle');
    const ours = await sizesOf(fetched);
    const allBytes = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .reduce((sum, entry) => sum + ((entry as PerformanceResourceTiming).encodedBodySize || 0), 0),
    );
    return {
      withPlugin,
      readyMs: Math.round(readyMs),
      ourBytes: ours.bytes,
      ourGzipBytes: ours.gzip,
      allBytes,
      viewCodeFetched: [...fetched.keys()].some((url) => url.includes('/messaging-setup-view/')),
    };
  } finally {
    await context.close();
  }
}

export interface FirstOpen {
  /** From the click on "Messaging Setup" to the first table rows painted, in the page. */
  firstRowsMs: number;
  /** Bytes of the view's code fetched on the open (as served), and their gzip -9 size. */
  viewCodeBytes: number;
  viewCodeGzipBytes: number;
}

/**
 * A supervisor's first open of the view in real Flex on a fresh browser: signed in (no latency),
 * then every Twilio request waits `latencyMs` while the view's code and data load.
 */
export async function measureFirstOpen(stack: Stack, browser: Browser, latencyMs: number): Promise<FirstOpen> {
  await control(stack, 'POST', 'faults', {});
  const context = await freshContext(browser, 900);
  const page = await context.newPage();
  try {
    await page.goto(`${stack.hostUrl}/?role=supervisor&flex=real`);
    await page.waitForFunction(
      () =>
        (
          window as unknown as { Twilio?: { Flex?: { Plugins?: { plugins?: { name: string; state: string }[] } } } }
        ).Twilio?.Flex?.Plugins?.plugins?.some(
          (plugin) => plugin.name === 'plugin-messaging-setup' && plugin.state === 'Initialized',
        ),
      null,
      { timeout: 60_000 },
    );
    await page.waitForLoadState('networkidle');
    const fetched = recordOurCode(page);
    await control(stack, 'POST', 'faults', { latencyMs });
    await page.evaluate(() => {
      const w = window as unknown as { __firstOpen: { click?: number; rows?: number } };
      w.__firstOpen = {};
      document.addEventListener('click', (event) => (w.__firstOpen.click ??= event.timeStamp), { capture: true });
      const observer = new MutationObserver(() => {
        if (w.__firstOpen.click === undefined || !document.querySelector('[data-testid="connection-row"]')) return;
        observer.disconnect();
        // On screen after the next frame: taken in a task posted from it, which runs after its paint.
        requestAnimationFrame(() => setTimeout(() => (w.__firstOpen.rows = performance.now()), 0));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('navigation', { name: 'Side bar' }).getByRole('link', { name: 'Messaging Setup' }).click();
    const handle = await page.waitForFunction(
      () => {
        const times = (window as unknown as { __firstOpen: { click?: number; rows?: number } }).__firstOpen;
        return times.rows !== undefined && times.click !== undefined ? times.rows - times.click : false;
      },
      null,
      { timeout: 120_000 },
    );
    const firstRowsMs = Math.round(Number(await handle.jsonValue()));
    const view = await sizesOf(fetched);
    return { firstRowsMs, viewCodeBytes: view.bytes, viewCodeGzipBytes: view.gzip };
  } finally {
    await control(stack, 'POST', 'faults', {});
    await context.close();
  }
}
