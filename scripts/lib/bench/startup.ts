/**
 * Start-up figures of the benchmark, in Chromium: how long a page waits for its first highlight
 * when the extension's service worker was stopped (as Chromium stops it after 30 s idle) and when
 * it is running; how soon the popup shows its search box against an empty page of the same
 * build; and the service worker's JS heap after a reader's pages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { ChromiumSession } from '../../../tests/e2e/harness/chromium';
import { grantedCopy } from '../../../tests/e2e/harness/granted-build';
import { CHROME_BUILD_DIR } from '../../../tests/e2e/harness/paths';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The empty page the popup is compared with: the same build, the same origin, no script. */
export const BLANK_PAGE = 'bench-blank.html';

/**
 * A copy of the Chrome build with the listed sites granted (as after the first-run page) and the
 * blank page added; the build itself is left as it is.
 */
export function buildWithBlankPage(): string {
  const dir = grantedCopy(CHROME_BUILD_DIR);
  writeFileSync(
    join(dir, BLANK_PAGE),
    '<!doctype html><meta charset="utf-8"><title>blank</title><h1>China–Russia Lens</h1><input class="search" type="search" placeholder="Search">',
  );
  return dir;
}

/**
 * Init script: the page's clock (ms since navigation began) when a highlight first exists.
 * Polled by a 1 ms interval (the browser clamps it to ~4 ms): cheap, and independent of how the
 * extension names its highlights.
 */
export function recordFirstHighlight(): void {
  const state = { at: -1 };
  (window as unknown as { __firstHighlight: typeof state }).__firstHighlight = state;
  const timer = setInterval(() => {
    if (CSS.highlights.size === 0) return;
    state.at = performance.now();
    clearInterval(timer);
  }, 1);
}

/**
 * The start-up floor: a bare MV3 extension that takes the lens's path to a first highlight with
 * no work on it. Its scout wakes the worker at document_start and shows it the text once the page
 * is parsed and idle; the worker injects a script into that frame, which asks the worker for the
 * words to mark and highlights the first one. Its cold − warm difference is what Chromium itself
 * costs (a process and a worker started) before anything of ours runs.
 */
export function startupFloorExtension(host: string, word: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-bench-startup-floor-'));
  const files: Record<string, string> = {
    'manifest.json': JSON.stringify({
      manifest_version: 3,
      name: 'Benchmark start-up floor',
      version: '1.0',
      permissions: ['scripting'],
      host_permissions: [`*://${host}/*`],
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: [`*://${host}/*`], js: ['scout.js'], run_at: 'document_start' }],
    }),
    'background.js': `chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (message.type === 'wake') reply(true);
  else if (message.type === 'words') reply([${JSON.stringify(word)}]);
  else if (message.type === 'text') {
    chrome.scripting
      .executeScript({ target: { tabId: sender.tab.id, frameIds: [sender.frameId] }, files: ['paint.js'] })
      .then(() => reply(true));
    return true;
  }
});`,
    'scout.js': `chrome.runtime.sendMessage({ type: 'wake' });
const whenParsedAndIdle = () => {
  if (document.readyState === 'loading') requestIdleCallback(whenParsedAndIdle, { timeout: 200 });
  else chrome.runtime.sendMessage({ type: 'text', text: document.body.textContent });
};
requestIdleCallback(whenParsedAndIdle, { timeout: 200 });`,
    'paint.js': `chrome.runtime.sendMessage({ type: 'words' }).then(([word]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(word);
    if (at < 0) continue;
    const range = new Range();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    CSS.highlights.set('startup-floor', new Highlight(range));
    return;
  }
});`,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** In the page: when `recordFirstHighlight` saw the first highlight (-1: not yet). */
export function firstHighlightAt(): number {
  return (window as unknown as { __firstHighlight: { at: number } }).__firstHighlight.at;
}

/** In the page: has `recordFirstHighlight` seen a highlight? */
export function highlightSeen(): boolean {
  return (window as unknown as { __firstHighlight: { at: number } }).__firstHighlight.at >= 0;
}

/** The service worker seen through the DevTools protocol of an ordinary page. */
class ServiceWorkerProbe {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly page: Page,
    private readonly workerUrl: string,
  ) {}

  static async open(chromium: ChromiumSession): Promise<ServiceWorkerProbe> {
    const page = await chromium.context.newPage();
    await page.goto('about:blank');
    const cdp = await chromium.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    return new ServiceWorkerProbe(cdp, page, `chrome-extension://${chromium.extensionId}/background.js`);
  }

  /** Stops every service worker, as Chromium does to an idle one; the next event starts it cold. */
  async stop(): Promise<void> {
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    for (let tries = 0; tries < 100 && (await this.targetId()); tries++) await sleep(20);
    if (await this.targetId()) throw new Error('The service worker did not stop');
  }

  private async targetId(): Promise<string | undefined> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    return targetInfos.find((target) => target.type === 'service_worker' && target.url === this.workerUrl)?.targetId;
  }

  /**
   * The worker's JS heap after a full garbage collection, and the array buffers outside it (the
   * packed matcher), in MB, through a session of its own.
   */
  async heapMb(): Promise<{ heapMb: number; buffersMb: number }> {
    const targetId = await this.targetId();
    if (!targetId) throw new Error('No service worker is running');
    // Playwright opens sessions on pages only: talk to the worker through Target messages.
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: false });
    let nextId = 1;
    const waiting = new Map<number, (result: unknown) => void>();
    const onMessage = (event: { sessionId?: string; message: string }) => {
      if (event.sessionId !== sessionId) return;
      const reply = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply.result);
    };
    this.cdp.on('Target.receivedMessageFromTarget', onMessage);
    const call = (method: string) =>
      new Promise<unknown>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        void this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
      });
    try {
      await call('HeapProfiler.collectGarbage');
      const usage = (await call('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
      return { heapMb: usage.usedSize / 2 ** 20, buffersMb: (usage.backingStorageSize ?? 0) / 2 ** 20 };
    } finally {
      this.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await this.cdp.send('Target.detachFromTarget', { sessionId });
    }
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

async function timeFirstHighlight(chromium: ChromiumSession, url: string): Promise<number> {
  const page = await chromium.context.newPage();
  await page.addInitScript(recordFirstHighlight);
  await page.goto(url);
  await page.waitForFunction(highlightSeen, undefined, { timeout: 30_000, polling: 20 });
  const at = await page.evaluate(firstHighlightAt);
  await page.close();
  return at;
}

export interface FirstHighlightRuns {
  readonly coldMs: number[];
  readonly warmMs: number[];
}

/**
 * Navigation → first highlight on a small listed page, alternately with the service worker
 * stopped (cold) and running (warm, right after a cold run), so both meet the same machine.
 */
export async function firstHighlightRuns(chromium: ChromiumSession, url: string, runs: number) {
  const probe = await ServiceWorkerProbe.open(chromium);
  const result: FirstHighlightRuns = { coldMs: [], warmMs: [] };
  try {
    // One load first: the browser's own caches (code cache, fonts) are warm for both kinds.
    await timeFirstHighlight(chromium, url);
    for (let run = 0; run < runs; run++) {
      await probe.stop();
      await sleep(500);
      result.coldMs.push(await timeFirstHighlight(chromium, url));
      await sleep(200);
      result.warmMs.push(await timeFirstHighlight(chromium, url));
    }
  } finally {
    await probe.close();
  }
  return result;
}

/** The popup marks when its search has its data and index (components/Popup.tsx). */
const SEARCH_READY_MARK = 'lens-search-ready';

/**
 * First contentful paint of an extension page (ms), once its search box exists; with
 * `searchReady`, also when the page marked its search ready.
 */
async function pageReadyMs(
  chromium: ChromiumSession,
  path: string,
  searchReady = false,
): Promise<{ paintMs: number; searchReadyMs: number }> {
  const page = await chromium.openExtensionPage(path);
  await page.waitForFunction(
    ([mark, waitForMark]) =>
      performance.getEntriesByName('first-contentful-paint').length > 0 &&
      document.querySelector('input.search') &&
      (!waitForMark || performance.getEntriesByName(mark).length > 0),
    [SEARCH_READY_MARK, searchReady] as const,
    { timeout: 10_000, polling: 20 },
  );
  // No helper functions inside: tsx's `__name` shim is not in extension pages.
  const [paintMs, searchReadyMs] = await page.evaluate(
    (mark) => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      performance.getEntriesByName(mark)[0]?.startTime ?? -1,
    ],
    SEARCH_READY_MARK,
  );
  await page.close();
  return { paintMs: paintMs as number, searchReadyMs: searchReadyMs as number };
}

export interface PopupRuns {
  readonly popupMs: number[];
  readonly blankMs: number[];
  /** When the popup's search had its data and index. */
  readonly searchReadyMs: number[];
}

/**
 * The popup's first paint (its header and search box paint together, in one render) and that
 * of the blank page, opened alternately in tabs of the same browser.
 */
export async function popupReadyRuns(chromium: ChromiumSession, runs: number): Promise<PopupRuns> {
  const result: PopupRuns = { popupMs: [], blankMs: [], searchReadyMs: [] };
  // The first open of each compiles its scripts; a reader opens the popup many times.
  await pageReadyMs(chromium, 'popup.html', true);
  await pageReadyMs(chromium, BLANK_PAGE);
  for (let run = 0; run < runs; run++) {
    const popup = await pageReadyMs(chromium, 'popup.html', true);
    result.popupMs.push(popup.paintMs);
    result.searchReadyMs.push(popup.searchReadyMs);
    result.blankMs.push((await pageReadyMs(chromium, BLANK_PAGE)).paintMs);
  }
  return result;
}

export interface HeapFigures {
  readonly firstPageMb: number;
  readonly afterPagesMb: number;
  /** Array buffers outside the JS heap after the pages (the packed matcher, fetched bodies). */
  readonly buffersMb: number;
  readonly pages: number;
}

/**
 * The service worker's heap after the first page and after `pages` pages, each annotated and
 * one of its cards opened (so the card records are loaded too).
 */
export async function backgroundHeap(
  chromium: ChromiumSession,
  urls: readonly string[],
  pages: number,
  openCard: (page: Page) => Promise<void>,
): Promise<HeapFigures> {
  const probe = await ServiceWorkerProbe.open(chromium);
  try {
    await probe.stop();
    let firstPageMb = 0;
    for (let index = 0; index < pages; index++) {
      const page = await chromium.context.newPage();
      await page.addInitScript(recordFirstHighlight);
      await page.goto(urls[index % urls.length] as string);
      await page.waitForFunction(highlightSeen, undefined, { timeout: 30_000, polling: 20 });
      await openCard(page);
      await page.close();
      if (index === 0) firstPageMb = (await probe.heapMb()).heapMb;
    }
    const after = await probe.heapMb();
    return { firstPageMb, afterPagesMb: after.heapMb, buffersMb: after.buffersMb, pages };
  } finally {
    await probe.close();
  }
}
