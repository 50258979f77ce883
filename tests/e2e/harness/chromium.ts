/** The built Chrome extension in headless Chromium (playwright-core, Debian's /usr/bin/chromium). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { type PageDriver, playwrightDriver } from './page-driver';
import { hasLensHighlights } from './page-state';
import { CHROME_BUILD_DIR } from './paths';

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
  /** Sends a message from the service worker to the content script of the active tab. */
  messageActiveTab<T>(message: object): Promise<T>;
  close(): Promise<void>;
}

export async function launchChromium(proxyPort: number, extensionDir = CHROME_BUILD_DIR): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1200, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
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
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
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
    },
  };
}
