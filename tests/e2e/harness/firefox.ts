/** The built Firefox extension in headless Firefox ESR (puppeteer-core over WebDriver BiDi). */
import { rmSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { grantedCopy } from './granted-build';
import { type PageDriver, puppeteerDriver } from './page-driver';
import { hasLensHighlights } from './page-state';
import { FIREFOX_BUILD_DIR } from './paths';
import { buildProbe } from './probe/build-probe';

export interface FirefoxSession {
  readonly browser: Browser;
  readonly extensionId: string;
  /** Opens a page (init scripts first) and waits until the extension has painted highlights. */
  openAnnotated(url: string, initScripts?: readonly (() => void)[]): Promise<PageDriver>;
  close(): Promise<void>;
}

/**
 * `extensionDir`: the build to install; by default a copy that holds the listed sites'
 * permission (granted-build.ts), as after the reader's click on the first-run page. `prefs`:
 * more Firefox preferences (the benchmark turns the clock's reduced precision off).
 */
export async function launchFirefox(
  proxyPort: number,
  extensionDir?: string,
  prefs: Readonly<Record<string, string | number | boolean>> = {},
): Promise<FirefoxSession> {
  const copy = extensionDir === undefined ? grantedCopy(FIREFOX_BUILD_DIR) : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    defaultViewport: { width: 1200, height: 800 },
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
    async close() {
      await browser.close();
      rmSync(probeDir, { recursive: true, force: true });
      if (copy) rmSync(copy, { recursive: true, force: true });
    },
  };
}
