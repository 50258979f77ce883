/**
 * The benchmark's Firefox figures (Firefox ESR, the built MV2 extension, puppeteer over
 * WebDriver BiDi). Firefox offers no trace that says whose code a task ran, so the extension's
 * main-thread time is measured from the page: a heartbeat of message-channel tasks notes every
 * gap in which something else held the main thread, and the same page is loaded once where the
 * extension runs (a listed site) and once where it does not; the difference is ours, painting
 * our highlights included. The floor is the bare TreeWalker pass run as a content script, by a
 * second, one-file extension, timed where it runs. docs/BENCHMARKS.md explains each figure.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { type FirefoxSession, launchFirefox } from '../../../tests/e2e/harness/firefox';
import { hoverLatencies } from './hover';
import { firstHighlightAt, highlightSeen, recordFirstHighlight } from './startup';

/** How long the heartbeat watches a page from DOMContentLoaded (ms): the lens is done well before. */
const WATCH_MS = 3000;
/**
 * A gap between two beats longer than this was taken by another task (a beat alone takes
 * ~0.02 ms); shorter ones are mostly the thread waiting for a core, on either page.
 */
const BUSY_GAP_MS = 1;

/** Where the floor extension runs its pass: a host the lens does not run on. */
const FIREFOX_FLOOR_HOST = 'floor.invalid';

interface BusyLog {
  busyMs: number;
  longestMs: number;
  done: boolean;
}

/** Init script: sums the main thread's busy gaps between DOMContentLoaded and `watchMs` later. */
function recordBusyTime(watchMs: number, busyGapMs: number): void {
  const log: BusyLog = { busyMs: 0, longestMs: 0, done: false };
  (window as unknown as { __busy: BusyLog }).__busy = log;
  document.addEventListener('DOMContentLoaded', () => {
    const channel = new MessageChannel();
    const start = performance.now();
    let last = start;
    channel.port1.onmessage = () => {
      const now = performance.now();
      const gap = now - last;
      if (gap > busyGapMs) {
        log.busyMs += gap;
        log.longestMs = Math.max(log.longestMs, gap);
      }
      last = now;
      if (now - start < watchMs) channel.port2.postMessage(0);
      else log.done = true;
    };
    channel.port2.postMessage(0);
  });
}

function busyLog(): BusyLog {
  return (window as unknown as { __busy: BusyLog }).__busy;
}

function busyWatchDone(): boolean {
  return (window as unknown as { __busy: BusyLog }).__busy.done;
}

/** A one-file MV2 extension whose content script runs the floor pass on the floor host and times it. */
function floorExtension(floorScript: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'Benchmark floor pass',
      version: '1.0',
      browser_specific_settings: { gecko: { id: 'floor@lens-bench.invalid' } },
      content_scripts: [{ matches: [`*://${FIREFOX_FLOOR_HOST}/*`], js: ['floor.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `const start = performance.now();\n${floorScript};\ndocument.documentElement.dataset.floorMs = String(performance.now() - start);\n`,
  );
  return dir;
}

/**
 * A new tab. tsx (esbuild keepNames) wraps named functions in `__name(…)`; the page-side helpers
 * this script passes to the browser need that name to exist there too.
 */
async function newPage(firefox: FirefoxSession): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
  return page;
}

async function busyRun(firefox: FirefoxSession, url: string, waitForHighlights: boolean): Promise<BusyLog> {
  const page = await newPage(firefox);
  await page.evaluateOnNewDocument(recordBusyTime, WATCH_MS, BUSY_GAP_MS);
  await page.goto(url);
  if (waitForHighlights) await page.waitForFunction(() => CSS.highlights.size > 0, { timeout: 60_000, polling: 50 });
  await page.waitForFunction(busyWatchDone, { timeout: WATCH_MS + 60_000, polling: 100 });
  const log = await page.evaluate(busyLog);
  await page.close();
  return log;
}

async function floorRun(firefox: FirefoxSession, path: string): Promise<number> {
  const page = await newPage(firefox);
  await page.goto(`http://${FIREFOX_FLOOR_HOST}${path}`);
  await page.waitForFunction(() => document.documentElement.dataset.floorMs !== undefined, { timeout: 60_000 });
  const ms = Number(await page.evaluate(() => document.documentElement.dataset.floorMs));
  await page.close();
  return ms;
}

async function firstHighlightMs(firefox: FirefoxSession, url: string): Promise<number> {
  const page = await newPage(firefox);
  await page.evaluateOnNewDocument(recordFirstHighlight);
  await page.goto(url);
  await page.waitForFunction(highlightSeen, { timeout: 30_000, polling: 20 });
  const ms = await page.evaluate(firstHighlightAt);
  await page.close();
  return ms;
}

function nameShim(): void {
  (globalThis as unknown as { __name: (target: unknown) => unknown }).__name = (target) => target;
}

export interface FirefoxRuns {
  readonly version: string;
  readonly floorMs: number[];
  /** Busy main-thread time on the large page with the lens, and without it (same page, unlisted host). */
  readonly busyLensMs: number[];
  readonly busyPlainMs: number[];
  readonly longestGapLensMs: number[];
  readonly longestGapPlainMs: number[];
  readonly firstHighlightMs: number[];
  readonly hoverMs: number[];
}

export interface FirefoxPlan {
  readonly proxyPort: number;
  readonly floorScript: string;
  /** The large page, as a path the fixture server serves on every host. */
  readonly largePath: string;
  readonly lensHost: string;
  readonly plainHost: string;
  readonly smallPageUrl: string;
  readonly runs: number;
  readonly hovers: number;
  readonly hoverDelayMs: number;
}

export async function firefoxRuns(plan: FirefoxPlan): Promise<FirefoxRuns> {
  // Firefox rounds the page's clock to 1 ms (a fingerprinting defence): the heartbeat's beats,
  // ~0.02 ms apart, need the real one.
  const firefox = await launchFirefox(plan.proxyPort, undefined, { prefs: { 'privacy.reduceTimerPrecision': false } });
  try {
    await firefox.browser.installExtension(floorExtension(plan.floorScript));
    const runs: FirefoxRuns = {
      version: await firefox.browser.version(),
      floorMs: [],
      busyLensMs: [],
      busyPlainMs: [],
      longestGapLensMs: [],
      longestGapPlainMs: [],
      firstHighlightMs: [],
      hoverMs: [],
    };
    for (let run = 0; run < plan.runs; run++) {
      runs.floorMs.push(await floorRun(firefox, plan.largePath));
      const plain = await busyRun(firefox, `http://${plan.plainHost}${plan.largePath}`, false);
      const lens = await busyRun(firefox, `http://${plan.lensHost}${plan.largePath}`, true);
      runs.busyPlainMs.push(plain.busyMs);
      runs.busyLensMs.push(lens.busyMs);
      runs.longestGapPlainMs.push(plain.longestMs);
      runs.longestGapLensMs.push(lens.longestMs);
      runs.firstHighlightMs.push(await firstHighlightMs(firefox, plan.smallPageUrl));
    }
    runs.hoverMs.push(
      ...(await hoverLatencies(
        await firefox.openAnnotated(plan.smallPageUrl, [nameShim]),
        plan.hovers,
        plan.hoverDelayMs,
      )),
    );
    return runs;
  } finally {
    await firefox.close();
  }
}
