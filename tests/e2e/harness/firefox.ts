/** The built Firefox extension in headless Firefox ESR (puppeteer-core over WebDriver BiDi). */
import { rmSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { grantedCopy } from './granted-build';
import { type PageDriver, puppeteerDriver } from './page-driver';
import { hasLensHighlights } from './page-state';
import { FIREFOX_BUILD_DIR } from './paths';
import { buildProbe } from './probe/build-probe';

/** Puppeteer's WebDriver BiDi connection, for the commands it has no method for. */
interface BidiConnection {
  send(
    method: string,
    params: object,
  ): Promise<{ result: { contexts: { context: string }[] } & Record<string, unknown> }>;
}

export interface FirefoxSession {
  readonly browser: Browser;
  readonly extensionId: string;
  /** Opens a page (init scripts first) and waits until the extension has painted highlights. */
  openAnnotated(url: string, initScripts?: readonly (() => void)[]): Promise<PageDriver>;
  /**
   * Fires the browser window's shortcut for `key` with `modifiers` (the <key> element Firefox made
   * for an extension's command, e.g. 'J' and 'alt,shift'), as a key press would; false when no
   * such shortcut is registered. Needs `systemAccess`.
   */
  fireShortcut(key: string, modifiers: string): Promise<boolean>;
  /**
   * Stores the reader's settings as the options page would: from an extension page opened for the
   * purpose (automation cannot navigate to one). Needs `systemAccess`.
   */
  storeSettings(settings: object): Promise<void>;
  close(): Promise<void>;
}

export interface FirefoxOptions {
  /** More preferences (the benchmark turns the clock's reduced precision off). */
  readonly prefs?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Lets the tests run script in the browser window (WebDriver BiDi's chrome contexts): automation's
   * key presses reach the page only, never the browser's shortcuts.
   */
  readonly systemAccess?: boolean;
}

/**
 * `extensionDir`: the build to install; by default a copy that holds the listed sites'
 * permission (granted-build.ts), as after the reader's click on the first-run page.
 */
export async function launchFirefox(
  proxyPort: number,
  extensionDir?: string,
  { prefs = {}, systemAccess = false }: FirefoxOptions = {},
): Promise<FirefoxSession> {
  const copy = extensionDir === undefined ? grantedCopy(FIREFOX_BUILD_DIR) : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1200, height: 800 },
    ...(systemAccess ? { args: ['-remote-allow-system-access'] } : {}),
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.share_proxy_settings': false,
      ...prefs,
    },
  });
  const extensionId = await browser.installExtension(extensionDir ?? (copy as string));
  // The test-only probe extension reads the card's closed shadow root for the tests.
  const probeDir = await buildProbe('firefox');
  await browser.installExtension(probeDir);
  return {
    browser,
    extensionId,
    async openAnnotated(url, initScripts = []) {
      const page = await browser.newPage();
      for (const script of initScripts) await page.evaluateOnNewDocument(script);
      await page.goto(url);
      await page.waitForFunction(hasLensHighlights, { timeout: 30_000 });
      return puppeteerDriver(page);
    },
    async fireShortcut(key, modifiers) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const context = tree.result.contexts[0]?.context;
      if (!context) throw new Error('no browser window');
      const { result } = await connection.send('script.evaluate', {
        expression: `(() => {
          const shortcut = [...document.querySelectorAll('key')].find(
            (element) => element.getAttribute('key') === ${JSON.stringify(key)} && element.getAttribute('modifiers') === ${JSON.stringify(modifiers)},
          );
          shortcut?.doCommand();
          return shortcut !== undefined;
        })()`,
        target: { context },
        awaitPromise: false,
      });
      return (result as { result?: { value?: unknown } }).result?.value === true;
    },
    async storeSettings(settings) {
      const connection = (browser as unknown as { connection: BidiConnection }).connection;
      const evaluate = async (context: string, expression: string) => {
        const { result } = await connection.send('script.evaluate', {
          expression,
          target: { context },
          awaitPromise: true,
        });
        return (result as { result?: { value?: unknown } }).result?.value;
      };
      const chrome = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const window = chrome.result.contexts[0]?.context;
      if (!window) throw new Error('no browser window');
      const url = await evaluate(
        window,
        `(() => {
          const host = WebExtensionPolicy.getByID(${JSON.stringify(extensionId)}).mozExtensionHostname;
          const url = 'moz-extension://' + host + '/options.html';
          gBrowser.addTab(url, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
          return url;
        })()`,
      );
      let tab: string | undefined;
      for (let tries = 0; tries < 100 && !tab; tries++) {
        const tree = await connection.send('browsingContext.getTree', {});
        tab = (tree.result.contexts as unknown as { context: string; url: string }[]).find(
          (context) => context.url === url,
        )?.context;
        if (!tab) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!tab) throw new Error('the options page did not open');
      await evaluate(tab, `browser.storage.local.set({ settings: ${JSON.stringify(settings)} }).then(() => true)`);
      await connection.send('browsingContext.close', { context: tab });
    },
    async close() {
      await browser.close();
      rmSync(probeDir, { recursive: true, force: true });
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}
