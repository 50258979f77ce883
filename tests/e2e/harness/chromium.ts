/** The built Chrome extension in headless Chromium (playwright-core, Debian's /usr/bin/chromium). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { grantedCopy } from './granted-build';
import { type PageDriver, playwrightDriver } from './page-driver';
import { hasLensHighlights } from './page-state';
import { CHROME_BUILD_DIR } from './paths';
import { buildProbe } from './probe/build-probe';

export interface ChromiumSession {
  readonly context: BrowserContext;
  readonly serviceWorker: Worker;
  readonly extensionId: string;
  /** Opens an extension page (e.g. `popup.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens a page (init scripts first) and waits until the extension has painted highlights. */
  openAnnotated(url: string, initScripts?: readonly (() => void)[]): Promise<PageDriver>;
  /** The id of the active tab (the page opened last). */
  activeTabId(): Promise<number>;
  /** This install's highlight names (random; utils/highlight-names.ts), as the background stored them. */
  highlightNames(): Promise<string[]>;
  /** Sends a message from the service worker to the content script of the active tab. */
  messageActiveTab<T>(message: object): Promise<T>;
  close(): Promise<void>;
}

/**
 * `extensionDir`: the build to load; by default a copy that holds the listed sites' permission
 * (granted-build.ts), as after the reader's click on the first-run page.
 */
export async function launchChromium(proxyPort: number, extensionDir?: string): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  const copy = extensionDir === undefined ? grantedCopy(CHROME_BUILD_DIR) : undefined;
  const loadedDir = extensionDir ?? (copy as string);
  // The test-only probe extension reads the card's closed shadow root for the tests.
  const probeDir = await buildProbe('chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${loadedDir},${probeDir}`,
      `--load-extension=${loadedDir},${probeDir}`,
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      // This machine has no network: keep Chromium from trying.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-gpu',
    ],
  });
  // The probe has a worker too (probe-background.js).
  const isOurs = (worker: Worker) => new URL(worker.url()).pathname === '/background.js';
  const serviceWorker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  if (copy) {
    // The background registers the scout for the granted sites as it starts: pages opened
    // before that would get no scout.
    await serviceWorker.evaluate(async () => {
      const { scripting } = (
        globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
      ).chrome;
      while ((await scripting.getRegisteredContentScripts()).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
  }
  return {
    context,
    serviceWorker,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async openAnnotated(url, initScripts = []) {
      const page = await context.newPage();
      for (const script of initScripts) await page.addInitScript(script);
      await page.goto(url);
      await page.waitForFunction(hasLensHighlights, undefined, { timeout: 30_000 });
      return playwrightDriver(page);
    },
    activeTabId: () =>
      serviceWorker.evaluate(async () => {
        const { tabs } = (
          globalThis as unknown as { chrome: { tabs: { query(filter: object): Promise<{ id?: number }[]> } } }
        ).chrome;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      }),
    highlightNames: () =>
      serviceWorker.evaluate(async () => {
        const { storage } = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        return (await storage.local.get('highlightNames')).highlightNames as string[];
      }),
    messageActiveTab: (message) =>
      serviceWorker.evaluate(async (sent) => {
        const { tabs } = (
          globalThis as unknown as {
            chrome: {
              tabs: {
                query(filter: object): Promise<{ id?: number }[]>;
                sendMessage(tabId: number, message: object): Promise<unknown>;
              };
            };
          }
        ).chrome;
        const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.sendMessage(tab?.id ?? -1, sent);
      }, message) as never,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(probeDir, { recursive: true, force: true });
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}
