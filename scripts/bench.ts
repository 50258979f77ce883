/**
 * `npm run bench [-- --json] [-- --quick] [-- --runs N]`: loads the production build into headless
 * Chromium and measures what a reader pays for the extension (docs/BENCHMARKS.md explains each
 * figure). Pages are generated and served from loopback; medians over several runs.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { bundleForPage } from '../tests/e2e/harness/bundle-for-page';
import { type ChromiumSession, launchChromium } from '../tests/e2e/harness/chromium';
import { type FixtureServer, fixtureUrl, startFixtureServer } from '../tests/e2e/harness/fixture-server';
import { cardIsOpen, hasLensHighlights, pointOfMention } from '../tests/e2e/harness/page-state';
import { CHROME_BUILD_DIR, PROJECT_ROOT } from '../tests/e2e/harness/paths';
import { cpuMsOf, tasksOfOurs, traceWhile } from '../tests/e2e/harness/trace';
import type { PageMentions } from '../utils/messages';
import { DEFAULT_HOVER_DELAY_MS } from '../utils/page/card-controller';
import { searchDataOf } from '../utils/search/search-data';
import { DEFAULT_SETTINGS, type Settings } from '../utils/settings';
import { firefoxRuns } from './lib/bench/firefox';
import { hoverLatencies } from './lib/bench/hover';
import type { SearchTimings } from './lib/bench/search-in-page';
import {
  backgroundHeap,
  buildWithBlankPage,
  firstHighlightRuns,
  popupReadyRuns,
  startupFloorExtension,
} from './lib/bench/startup';
import { loadLensIndex } from './lib/load-lens-index';
import { newsPage, quietPage } from './lib/news-page';
import { matchHtml } from './lib/read-article';

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
  },
});

const CONFIG = options.quick
  ? {
      largeChars: 100_000,
      quietChars: 50_000,
      runs: 1,
      hovers: 3,
      baselineChars: 5_000,
      searchRepeats: 1,
      startRuns: 2,
      heapPages: 3,
    }
  : {
      largeChars: 750_000,
      quietChars: 50_000,
      runs: 5,
      hovers: 13,
      baselineChars: 20_000,
      searchRepeats: 5,
      startRuns: 9,
      heapPages: 20,
    };
const RUNS = options.runs ? Number(options.runs) : CONFIG.runs;
/** Typed in the popup, one keystroke at a time (every prefix is a search). */
const SEARCH_QUERIES = [
  'gazprm',
  'power siberia 2',
  'Газпром',
  'Силуанов',
  '中石油',
  '一带一路',
  'xi jinping',
  'yamal lng',
  'bank of china',
  'rosatom',
];
/** Hosts the proxy serves: one the lens annotates (a listed news site) and one it leaves alone. */
const LENS_HOST = 'www.reuters.com';
const PLAIN_HOST = 'bench.invalid';
/** A word of the small page (card-article.html) that the start-up floor marks. */
const FLOOR_WORD = 'Gazprom';
/**
 * A listed site the benchmark turns off: the extension may run a script there (the floor pass),
 * and its lens does not start. Not on the browser's HTTPS-only list, so the loopback proxy serves it.
 */
const FLOOR_HOST = 'www.interfax.ru';
const MARK_JS = join(PROJECT_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');

const log = (line: string) => process.stderr.write(`${line}\n`);
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rebuilds the Chrome extension when a source is newer than the build (or there is none). */
function ensureBuild() {
  const manifest = join(CHROME_BUILD_DIR, 'manifest.json');
  const builtAt = (() => {
    try {
      return statSync(manifest).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const newest = (path: string): number => {
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
  };
  const sources = ['entrypoints', 'components', 'utils', 'data', 'wxt.config.ts', 'package.json'];
  if (builtAt > Math.max(...sources.map((source) => newest(join(PROJECT_ROOT, source))))) {
    log('Using the existing build in .output/chrome-mv3.');
    return;
  }
  log('Building the extension (wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
}

/** Init script: long tasks (PerformanceObserver) and a mark that ties the page clock to the trace's. */
function recordLongTasks() {
  const tasks: [number, number][] = [];
  (window as unknown as { __longTasks: [number, number][] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('DOMContentLoaded', () => performance.mark('lens-bench-clock'));
}

/**
 * The floor: one bare TreeWalker pass reading every text node of the page, cold (like our
 * scan, it meets the page's text nodes for the first time in its world).
 */
const FLOOR_SCRIPT = `(() => {
  let chars = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
  document.documentElement.dataset.floorChars = String(chars);
})()`;
const FLOOR_PATH = '/bench/floor.js';

/**
 * Where the floor pass runs. A content script runs in an isolated world, the page's scripts in
 * the main one, and every DOM node a script touches needs a wrapper of its world: the same pass
 * costs about twice as much in an isolated world (docs/BENCHMARKS.md). The budget compares our
 * work with the pass where our work runs; the page's own pass is reported beside it.
 */
type FloorWorld = 'content-script' | 'page';

interface Timing {
  /** The main thread's CPU time: what budgets are judged on (see docs/BENCHMARKS.md). */
  readonly cpuMs: number;
  readonly wallMs: number;
}

/**
 * The floor, measured by the same trace clocks as our work, in the same page loaded where the
 * lens does not start (a listed site the bench turned off): nothing of ours but the scout is in
 * it. As a content script, the extension itself runs the pass (`scripting.executeScript`, in
 * its content scripts' world); as a page script, the page loads it.
 */
async function floorRun(chromium: ChromiumSession, path: string, world: FloorWorld): Promise<Timing> {
  const page = await chromium.context.newPage();
  await page.goto(`http://${FLOOR_HOST}${path}`);
  await sleep(300);
  const tabId = await chromium.activeTabId();
  const events = await traceWhile(chromium.context, page, async () => {
    if (world === 'page') await page.addScriptTag({ url: FLOOR_PATH });
    // A string, so the function reaches the worker as written (tsx adds helpers to functions).
    else
      await chromium.serviceWorker.evaluate(
        `chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: () => ${FLOOR_SCRIPT} })`,
      );
  });
  const [chars, highlighted] = await page.evaluate(() => [
    Number(document.documentElement.dataset.floorChars),
    CSS.highlights.size > 0,
  ]);
  await page.close();
  if (highlighted) throw new Error(`The lens ran on ${FLOOR_HOST}, which the benchmark turned off`);
  const passes = events.filter((event) => event.name === 'EvaluateScript');
  const pass = world === 'page' ? passes.find((event) => event.args?.data?.url?.endsWith(FLOOR_PATH)) : passes[0];
  if (!pass || (world === 'content-script' && passes.length !== 1) || !(chars > 0)) {
    throw new Error(`The floor pass (${world}) did not run alone: ${passes.length} evaluations, ${chars} characters`);
  }
  return { cpuMs: cpuMsOf(pass), wallMs: (pass.dur ?? 0) / 1000 };
}

interface PageRun {
  /** CPU time of our tasks. */
  readonly annotateMs: number;
  /** Wall time of the same tasks. */
  readonly annotateWallMs: number;
  readonly evaluationMs: number;
  readonly completeMs: number;
  readonly longestTaskMs: number;
  readonly longestTaskOfOursMs: number;
  readonly mentions: number;
}

/** Loads a page the lens annotates, traced, and reads what the extension's tasks cost. */
async function annotatedRun(chromium: ChromiumSession, url: string, expectMentions: boolean): Promise<PageRun> {
  const page = await chromium.context.newPage();
  await page.addInitScript(recordLongTasks);
  const events = await traceWhile(chromium.context, page, async () => {
    await page.goto(url);
    if (expectMentions) await page.waitForFunction(hasLensHighlights, undefined, { timeout: 120_000, polling: 50 });
    // Whatever the extension still does after it painted (or found nothing) is counted too.
    await sleep(1000);
  });
  const reply = await chromium.messageActiveTab<PageMentions>({ type: 'get-page-mentions' });
  const tasks = tasksOfOurs(events);
  if (tasks.length === 0) throw new Error(`The content script did not run on ${url}`);
  const first = tasks[0] as (typeof tasks)[number];
  const last = tasks[tasks.length - 1] as (typeof tasks)[number];
  // The trace's clock, in page time: the mark set at DOMContentLoaded is in both.
  const clockMark = events.find((event) => event.name === 'lens-bench-clock');
  const [markAt, longTasks] = await page.evaluate(() => [
    performance.getEntriesByName('lens-bench-clock')[0]?.startTime ?? 0,
    (window as unknown as { __longTasks: [number, number][] }).__longTasks,
  ]);
  const toPage = (traceMs: number) => traceMs - (clockMark ? clockMark.ts / 1000 : 0) + (markAt as number);
  const windowStart = toPage(first.start);
  const windowEnd = toPage(last.start + last.durationMs);
  const during = (longTasks as [number, number][]).filter(
    ([start, duration]) => start + duration > windowStart && start < windowEnd,
  );
  await page.close();
  return {
    annotateMs: tasks.reduce((sum, task) => sum + task.cpuMs, 0),
    annotateWallMs: tasks.reduce((sum, task) => sum + task.durationMs, 0),
    evaluationMs: tasks.filter((task) => task.isEvaluation).reduce((sum, task) => sum + task.cpuMs, 0),
    completeMs: last.start + last.durationMs - first.start,
    longestTaskMs: Math.max(0, ...during.map(([, duration]) => duration)),
    longestTaskOfOursMs: Math.max(...tasks.map((task) => task.durationMs)),
    mentions: reply.mentions.reduce((sum, mention) => sum + mention.count, 0),
  };
}

function medianRun(runs: readonly PageRun[]): PageRun {
  const of = (key: keyof PageRun) => median(runs.map((run) => run[key]));
  return {
    annotateMs: of('annotateMs'),
    annotateWallMs: of('annotateWallMs'),
    evaluationMs: of('evaluationMs'),
    completeMs: of('completeMs'),
    // Worst, not median: one long task is what a reader notices.
    longestTaskMs: Math.max(...runs.map((run) => run.longestTaskMs)),
    longestTaskOfOursMs: Math.max(...runs.map((run) => run.longestTaskOfOursMs)),
    mentions: of('mentions'),
  };
}

/** Hovers the page's first mention until its card is open (the card's records are then loaded). */
async function openFirstCard(page: Page): Promise<void> {
  const point = await page.evaluate(pointOfMention, 0);
  await page.mouse.move(point.x, point.y);
  await page.waitForFunction(cardIsOpen, undefined, { timeout: 10_000, polling: 20 });
}

async function searchTimings(chromium: ChromiumSession, factor: number): Promise<SearchTimings> {
  const page: Page = await chromium.context.newPage();
  await page.goto(`http://${PLAIN_HOST}/bench/blank.html`);
  await page.addScriptTag({ content: await bundleForPage(join(PROJECT_ROOT, 'scripts/lib/bench/search-in-page.ts')) });
  const timings = await page.evaluate(
    ([data, factor, queries, repeats]) =>
      (window as unknown as { LensTest: typeof import('./lib/bench/search-in-page') }).LensTest.measureSearch(
        data,
        factor,
        queries,
        repeats,
      ),
    [searchDataOf(loadLensIndex().data), factor, SEARCH_QUERIES, CONFIG.searchRepeats] as const,
  );
  await page.close();
  return timings;
}

/**
 * mark.js with every alias, the way most highlighters work: one DOM pass per alias, wrapping each
 * hit in <mark>. Its defaults, but whole phrases (no per-word search) and no diacritics expansion;
 * text across inline elements is not joined (its acrossElements mode overflows the stack here).
 */
async function markJsMs(chromium: ChromiumSession): Promise<{ ms: number; marks: number }> {
  const page = await chromium.context.newPage();
  await page.goto(`http://${PLAIN_HOST}/bench/baseline.html`);
  await page.addScriptTag({ path: MARK_JS });
  const aliases = [
    ...new Set(
      loadLensIndex()
        .data.lexicon.filter((entry) => !entry.notAMention)
        .map((entry) => entry.text),
    ),
  ];
  const result = await page.evaluate((keywords) => {
    const Mark = (window as unknown as { Mark: new (context: Element) => { mark(k: string[], o: object): void } }).Mark;
    const marker = new Mark(document.body);
    let marks = 0;
    const start = performance.now();
    // In chunks: mark.js recurses once per keyword of an array, which overflows the stack at ~3,000.
    for (let at = 0; at < keywords.length; at += 100) {
      marker.mark(keywords.slice(at, at + 100), {
        separateWordSearch: false,
        diacritics: false,
        done: (count: number) => {
          marks += count;
        },
      });
    }
    return { ms: performance.now() - start, marks };
  }, aliases);
  await page.close();
  return result;
}

function bundleSizes() {
  const files: { file: string; kb: number; gzipKb: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css|html|json|bin)$/.test(name)) {
        const bytes = readFileSync(path);
        files.push({
          file: relative(CHROME_BUILD_DIR, path),
          kb: round(bytes.length / 1000),
          gzipKb: round(gzipSync(bytes).length / 1000),
        });
      }
    }
  };
  walk(CHROME_BUILD_DIR);
  return files.sort((a, b) => b.kb - a.kb);
}

async function main() {
  ensureBuild();
  const large = newsPage(CONFIG.largeChars, 'Benchmark: a long news page');
  const quiet = quietPage(CONFIG.quietChars);
  const baselinePage = newsPage(CONFIG.baselineChars, 'Benchmark: baseline page');
  const expectedMentions = matchHtml(large.html, loadLensIndex().matcher).mentions.reduce(
    (sum, mention) => sum + mention.entities.length,
    0,
  );
  if (matchHtml(quiet.html, loadLensIndex().matcher).mentions.length > 0)
    throw new Error('The quiet page has mentions');

  const server: FixtureServer = await startFixtureServer();
  server.routes.set('/bench/large.html', large.html);
  server.routes.set('/bench/quiet.html', quiet.html);
  server.routes.set('/bench/baseline.html', baselinePage.html);
  server.routes.set('/bench/blank.html', '<!doctype html><title>blank</title>');
  server.routes.set(FLOOR_PATH, FLOOR_SCRIPT);
  // The build as it is, plus an empty page to compare the popup with (startup.ts).
  const chromium = await launchChromium(server.port, buildWithBlankPage());
  // tsx (esbuild keepNames) wraps named functions in `__name(…)`; the page-side helpers this
  // script passes to the browser need that name to exist there too.
  await chromium.context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  // The reader's settings, with the floor's site turned off (as the popup's switch would).
  const settings: Settings = { ...DEFAULT_SETTINGS, disabledSites: [FLOOR_HOST] };
  await chromium.serviceWorker.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(settings)} })`);
  await sleep(200);
  try {
    const chromiumVersion = chromium.context.browser()?.version() ?? 'unknown';
    log(`Large page: ${large.textChars.toLocaleString('en')} characters, ${RUNS} run(s)…`);
    const largeRuns: PageRun[] = [];
    const floors: Timing[] = [];
    const pageFloors: Timing[] = [];
    for (let run = 0; run < RUNS; run++) {
      floors.push(await floorRun(chromium, '/bench/large.html', 'content-script'));
      pageFloors.push(await floorRun(chromium, '/bench/large.html', 'page'));
      const result = await annotatedRun(chromium, `http://${LENS_HOST}/bench/large.html`, true);
      if (result.mentions !== expectedMentions) {
        throw new Error(`The page found ${result.mentions} mentions; Node finds ${expectedMentions}`);
      }
      largeRuns.push(result);
    }
    log(`Quiet page: ${quiet.textChars.toLocaleString('en')} characters, no mentions…`);
    const quietRuns: PageRun[] = [];
    for (let run = 0; run < RUNS; run++) {
      quietRuns.push(await annotatedRun(chromium, `http://${LENS_HOST}/bench/quiet.html`, false));
    }
    log('Hover…');
    const hovers = await hoverLatencies(
      await chromium.openAnnotated(fixtureUrl('card-article.html', LENS_HOST), []),
      CONFIG.hovers,
      DEFAULT_HOVER_DELAY_MS,
    );
    log('Search…');
    const search = await searchTimings(chromium, 1);
    const search10 = await searchTimings(chromium, 10);
    log(`Baseline: mark.js on ${baselinePage.textChars.toLocaleString('en')} characters…`);
    server.routes.set('/bench/baseline-lens.html', baselinePage.html);
    const ours = await annotatedRun(chromium, `http://${LENS_HOST}/bench/baseline-lens.html`, true);
    const markJs = await markJsMs(chromium);
    log('Start-up: first highlight with the service worker stopped and running, popup, heap…');
    const smallPage = fixtureUrl('card-article.html', LENS_HOST);
    const starts = await firstHighlightRuns(chromium, smallPage, CONFIG.startRuns);
    const popup = await popupReadyRuns(chromium, CONFIG.startRuns);
    const heapPages = Array.from({ length: CONFIG.heapPages }, (_, index) => {
      const path = `/bench/reader-${index}.html`;
      server.routes.set(path, newsPage(4_000 + 1_000 * index, `Benchmark: article ${index + 1}`).html);
      return `http://${LENS_HOST}${path}`;
    });
    const heap = await backgroundHeap(chromium, heapPages, heapPages.length, openFirstCard);
    log('Start-up floor: the same path in a bare extension…');
    const floorStarts = await startupFloorRuns(server.port, smallPage);
    log('Firefox…');
    const firefox = await firefoxRuns({
      proxyPort: server.port,
      floorScript: FLOOR_SCRIPT,
      largePath: '/bench/large.html',
      lensHost: LENS_HOST,
      plainHost: PLAIN_HOST,
      smallPageUrl: smallPage,
      runs: RUNS,
      hovers: CONFIG.hovers,
      hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
    });
    const sizes = bundleSizes();
    const scout = sizes.find((size) => size.file === 'scout.js');
    const lens = sizes.find((size) => size.file === 'lens.js');
    const card = sizes.find((size) => size.file === 'card.js');
    if (!scout || !lens || !card) throw new Error('The build has no scout.js, lens.js or card.js');

    const sizeOf = (file: string) => {
      const found = sizes.find((size) => size.file === file);
      if (!found) throw new Error(`The build has no ${file}`);
      return found.kb;
    };
    // What popup.html loads: its own chunk, the chunks it imports, and its styles.
    const popupFiles = popupBundle(sizes);
    // Busy time with the lens minus without, per pair of loads run back to back; their median
    // (scripts/lib/bench/firefox.ts).
    const firefoxAnnotateMs = Math.max(
      0,
      median(firefox.busyLensMs.map((busy, run) => busy - (firefox.busyPlainMs[run] as number))),
    );
    const big = medianRun(largeRuns);
    const empty = medianRun(quietRuns);
    const floorMs = median(floors.map((floor) => floor.cpuMs));
    const pageFloorMs = median(pageFloors.map((floor) => floor.cpuMs));
    const report = {
      floor_ms: round(floorMs),
      annotate_ms: round(big.annotateMs),
      ratio_to_floor: round(big.annotateMs / floorMs, 2),
      complete_ms: round(big.completeMs),
      longest_task_ms: round(big.longestTaskMs),
      mentions: big.mentions,
      empty_page_overhead_ms: round(empty.annotateMs),
      hover_to_card_ms: round(median(hovers)),
      search_p95_ms: round(percentile(search.keystrokeMs, 95), 2),
      search_p95_ms_10x: round(percentile(search10.keystrokeMs, 95), 2),
      // What a page with mentions loads: the scout, then the lens (the card's code follows at the
      // first hover, reported on its own).
      content_script_gzip_kb: round(scout.gzipKb + lens.gzipKb),
      // Start-up (Chromium): navigation → first highlight on a small listed page, the service
      // worker stopped (as after 30 s idle) or running; popup vs an empty page of the build.
      cold_first_highlight_ms: round(median(starts.coldMs)),
      warm_first_highlight_ms: round(median(starts.warmMs)),
      cold_minus_warm_ms: round(median(starts.coldMs) - median(starts.warmMs)),
      // The same, for a bare extension taking the same path (startupFloorExtension): Chromium's own
      // start of a process and a worker, which no extension avoids.
      floor_cold_minus_warm_ms: round(median(floorStarts.coldMs) - median(floorStarts.warmMs)),
      cold_minus_warm_over_floor_ms: round(
        median(starts.coldMs) - median(starts.warmMs) - (median(floorStarts.coldMs) - median(floorStarts.warmMs)),
      ),
      popup_ready_ms: round(median(popup.popupMs)),
      blank_page_ready_ms: round(median(popup.blankMs)),
      popup_minus_blank_ms: round(median(popup.popupMs) - median(popup.blankMs)),
      popup_search_ready_ms: round(median(popup.searchReadyMs)),
      background_heap_mb: round(heap.afterPagesMb, 2),
      background_heap_first_page_mb: round(heap.firstPageMb, 2),
      background_array_buffers_mb: round(heap.buffersMb, 2),
      background_heap_pages: heap.pages,
      background_js_kb: sizeOf('background.js'),
      popup_js_kb: round(popupFiles.reduce((sum, file) => sum + file.kb, 0)),
      lexicon_kb: sizeOf('data/lexicon.bin'),
      records_kb: sizeOf('data/records.json'),
      search_data_kb: sizeOf('data/search.json'),
      // Firefox ESR, the same pages (scripts/lib/bench/firefox.ts: heartbeat, not a trace).
      firefox_annotate_ms: round(firefoxAnnotateMs),
      firefox_floor_ms: round(median(firefox.floorMs)),
      firefox_ratio_to_floor: round(firefoxAnnotateMs / median(firefox.floorMs), 2),
      firefox_longest_gap_ms: round(median(firefox.longestGapLensMs)),
      firefox_longest_gap_without_lens_ms: round(median(firefox.longestGapPlainMs)),
      firefox_first_highlight_ms: round(median(firefox.firstHighlightMs)),
      firefox_hover_to_card_ms: round(median(firefox.hoverMs)),
      // More detail, same runs.
      page_chars: large.textChars,
      // The same, in wall time (see docs/BENCHMARKS.md for why budgets use CPU time).
      floor_wall_ms: round(median(floors.map((floor) => floor.wallMs))),
      annotate_wall_ms: round(big.annotateWallMs),
      empty_page_overhead_wall_ms: round(empty.annotateWallMs),
      floor_runs_ms: floors.map((floor) => round(floor.cpuMs)),
      // The same pass as a script of the page's own (main world): cheaper DOM reads than any
      // content script gets (see docs/BENCHMARKS.md).
      floor_page_script_ms: round(pageFloorMs),
      ratio_to_page_script_floor: round(big.annotateMs / pageFloorMs, 2),
      floor_page_script_runs_ms: pageFloors.map((floor) => round(floor.cpuMs)),
      annotate_runs_ms: largeRuns.map((run) => round(run.annotateMs)),
      empty_page_runs_ms: quietRuns.map((run) => round(run.annotateMs)),
      longest_task_of_ours_ms: round(big.longestTaskOfOursMs),
      content_script_evaluation_ms: round(big.evaluationMs),
      empty_page_evaluation_ms: round(empty.evaluationMs),
      empty_page_chars: quiet.textChars,
      scout_gzip_kb: scout.gzipKb,
      lens_gzip_kb: lens.gzipKb,
      card_gzip_kb: card.gzipKb,
      hover_to_card_max_ms: round(Math.max(...hovers)),
      hovers: hovers.length,
      search_p50_ms: round(median(search.keystrokeMs), 2),
      search_p50_ms_10x: round(median(search10.keystrokeMs), 2),
      search_records: search.records,
      search_records_10x: search10.records,
      search_index_build_ms: round(search.buildMs),
      search_index_build_ms_10x: round(search10.buildMs),
      keystrokes: search.keystrokeMs.length,
      baseline: {
        page_chars: baselinePage.textChars,
        mark_js_ms: round(markJs.ms),
        mark_js_marks: markJs.marks,
        // Wall time, as mark.js is timed in the page.
        lens_annotate_ms: round(ours.annotateWallMs),
        lens_mentions: ours.mentions,
        ratio: round(markJs.ms / ours.annotateWallMs, 1),
      },
      cold_first_highlight_runs_ms: starts.coldMs.map((ms) => round(ms)),
      warm_first_highlight_runs_ms: starts.warmMs.map((ms) => round(ms)),
      floor_cold_first_highlight_runs_ms: floorStarts.coldMs.map((ms) => round(ms)),
      floor_warm_first_highlight_runs_ms: floorStarts.warmMs.map((ms) => round(ms)),
      popup_ready_runs_ms: popup.popupMs.map((ms) => round(ms)),
      blank_page_ready_runs_ms: popup.blankMs.map((ms) => round(ms)),
      firefox: {
        version: firefox.version,
        busy_with_lens_runs_ms: firefox.busyLensMs.map((ms) => round(ms)),
        busy_without_lens_runs_ms: firefox.busyPlainMs.map((ms) => round(ms)),
        floor_runs_ms: firefox.floorMs.map((ms) => round(ms)),
        first_highlight_runs_ms: firefox.firstHighlightMs.map((ms) => round(ms)),
        hover_to_card_max_ms: round(Math.max(...firefox.hoverMs)),
        hovers: firefox.hoverMs.length,
      },
      bundles: sizes,
      runs: RUNS,
      start_runs: CONFIG.startRuns,
      quick: options.quick,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model ?? 'unknown',
        memory_gb: round(totalmem() / 1e9),
        node: process.version,
        chromium: chromiumVersion,
      },
    };
    const budgets = {
      annotate_ms: { value: report.annotate_ms, limit: round(3 * report.floor_ms), ok: report.ratio_to_floor <= 3 },
      longest_task_ms: atMost(report.longest_task_ms, 50),
      empty_page_overhead_ms: atMost(report.empty_page_overhead_ms, 5),
      hover_to_card_ms: atMost(report.hover_to_card_ms, 16),
      search_p95_ms: atMost(report.search_p95_ms, 5),
      search_p95_ms_10x: atMost(report.search_p95_ms_10x, 20),
      content_script_gzip_kb: atMost(report.content_script_gzip_kb, 60),
      cold_minus_warm_ms: atMost(report.cold_minus_warm_ms, 60),
      popup_minus_blank_ms: atMost(report.popup_minus_blank_ms, 40),
      background_heap_mb: atMost(report.background_heap_mb, 40),
      firefox_ratio_to_floor: atMost(report.firefox_ratio_to_floor, 3),
    };
    if (options.json) {
      process.stdout.write(`${JSON.stringify({ ...report, budgets })}\n`);
      return;
    }
    const rows: [string, string, string][] = [
      ['floor: one TreeWalker pass, in a content script', `${report.floor_ms} ms`, `(wall ${report.floor_wall_ms} ms)`],
      ['  the same pass as a page script', `${report.floor_page_script_ms} ms`, ''],
      [
        'annotate: main-thread time of the extension',
        `${report.annotate_ms} ms`,
        `(wall ${report.annotate_wall_ms} ms)`,
      ],
      ['  ratio to floor', `${report.ratio_to_floor}×`, verdict(budgets.annotate_ms.ok, '≤ 3×')],
      ['  ratio to the page-script pass', `${report.ratio_to_page_script_floor}×`, ''],
      ['  of which script evaluation', `${report.content_script_evaluation_ms} ms`, ''],
      ['complete: first to last task of ours (wall)', `${report.complete_ms} ms`, ''],
      [
        'longest task while annotating (longtask)',
        `${report.longest_task_ms} ms`,
        verdict(budgets.longest_task_ms.ok, '≤ 50 ms'),
      ],
      ['longest task of ours (trace)', `${report.longest_task_of_ours_ms} ms`, ''],
      ['mentions', String(report.mentions), ''],
      [
        `empty page overhead (${report.empty_page_chars.toLocaleString('en')} chars)`,
        `${report.empty_page_overhead_ms} ms`,
        `${verdict(budgets.empty_page_overhead_ms.ok, '≤ 5 ms')} (wall ${report.empty_page_overhead_wall_ms} ms)`,
      ],
      [
        'hover delay end → card painted (median)',
        `${report.hover_to_card_ms} ms`,
        verdict(budgets.hover_to_card_ms.ok, '≤ 16 ms'),
      ],
      [
        `search per keystroke p50 / p95 (${report.search_records} records)`,
        `${report.search_p50_ms} / ${report.search_p95_ms} ms`,
        verdict(budgets.search_p95_ms.ok, 'p95 ≤ 5 ms'),
      ],
      [
        `search per keystroke p50 / p95 (${report.search_records_10x} records)`,
        `${report.search_p50_ms_10x} / ${report.search_p95_ms_10x} ms`,
        verdict(budgets.search_p95_ms_10x.ok, 'p95 ≤ 20 ms'),
      ],
      [
        `content scripts, gzipped (scout ${report.scout_gzip_kb} + lens ${report.lens_gzip_kb}; card ${report.card_gzip_kb} at hover)`,
        `${report.content_script_gzip_kb} kB`,
        verdict(budgets.content_script_gzip_kb.ok, '≤ 60 kB'),
      ],
      [
        'first highlight, service worker stopped / running',
        `${report.cold_first_highlight_ms} / ${report.warm_first_highlight_ms} ms`,
        `${verdict(budgets.cold_minus_warm_ms.ok, 'cold − warm ≤ 60 ms')} (${report.cold_minus_warm_ms} ms)`,
      ],
      [
        '  the same for a bare extension (Chromium’s own start); ours over it',
        `${report.floor_cold_minus_warm_ms} ms; ${report.cold_minus_warm_over_floor_ms} ms`,
        '',
      ],
      [
        'popup painted with its search box / an empty page',
        `${report.popup_ready_ms} / ${report.blank_page_ready_ms} ms`,
        `${verdict(budgets.popup_minus_blank_ms.ok, 'difference ≤ 40 ms')} (${report.popup_minus_blank_ms} ms)`,
      ],
      ['  popup search ready (data read, index built)', `${report.popup_search_ready_ms} ms`, ''],
      [
        `service worker heap after ${report.background_heap_pages} pages (first page)`,
        `${report.background_heap_mb} MB`,
        `${verdict(budgets.background_heap_mb.ok, '≤ 40 MB')} (${report.background_heap_first_page_mb} MB)`,
      ],
      [
        `Firefox ${report.firefox.version}: annotate / floor (content script)`,
        `${report.firefox_annotate_ms} / ${report.firefox_floor_ms} ms`,
        `${verdict(budgets.firefox_ratio_to_floor.ok, '≤ 3×')} (${report.firefox_ratio_to_floor}×)`,
      ],
      [
        '  Firefox longest main-thread gap, with lens / without',
        `${report.firefox_longest_gap_ms} / ${report.firefox_longest_gap_without_lens_ms} ms`,
        '',
      ],
      ['  Firefox first highlight (warm: MV2 background page)', `${report.firefox_first_highlight_ms} ms`, ''],
      ['  Firefox hover delay end → card painted', `${report.firefox_hover_to_card_ms} ms`, ''],
      [
        `mark.js baseline (${report.baseline.page_chars.toLocaleString('en')} chars)`,
        `${report.baseline.mark_js_ms} ms vs ${report.baseline.lens_annotate_ms} ms`,
        `${report.baseline.ratio}× slower`,
      ],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    console.log(
      `China–Russia Lens benchmark — ${report.page_chars.toLocaleString('en')}-character page, medians of ${RUNS} run(s)\n`,
    );
    for (const [label, value, note] of rows) console.log(`${label.padEnd(width)}  ${value.padStart(18)}  ${note}`);
    console.log('\nBundles (raw / gzip kB):');
    for (const size of sizes)
      console.log(`  ${size.file.padEnd(40)} ${String(size.kb).padStart(8)} ${String(size.gzipKb).padStart(8)}`);
    console.log(
      `\n${report.machine.cpus} × ${report.machine.cpu}, ${report.machine.memory_gb} GB, Chromium ${report.machine.chromium}`,
    );
  } finally {
    await chromium.close();
    await server.close();
  }
}

/** The files popup.html loads: its scripts (and the chunks they share) and its styles. */
function popupBundle(sizes: readonly { file: string; kb: number }[]) {
  const html = readFileSync(join(CHROME_BUILD_DIR, 'popup.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
  return sizes.filter((size) => referenced.includes(size.file));
}

/** A budget: the figure, its limit, and whether it holds. */
/** Cold and warm first highlights of the start-up floor, in a browser of its own. */
async function startupFloorRuns(proxyPort: number, url: string) {
  const floor = await launchChromium(proxyPort, startupFloorExtension(LENS_HOST, FLOOR_WORD));
  try {
    return await firstHighlightRuns(floor, url, CONFIG.startRuns);
  } finally {
    await floor.close();
  }
}

function atMost(value: number, limit: number) {
  return { value, limit, ok: value <= limit };
}

function verdict(ok: boolean, budget: string): string {
  return `${ok ? 'ok' : 'OVER'} (budget ${budget})`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
