/** The built Firefox extension in headless Firefox ESR (puppeteer-core over WebDriver BiDi). */
import puppeteer, { type Browser } from 'puppeteer-core';
import { type PageDriver, puppeteerDriver } from './page-driver';
import { hasLensHighlights } from './page-state';
import { FIREFOX_BUILD_DIR } from './paths';

export interface FirefoxSession {
  readonly browser: Browser;
  readonly extensionId: string;
  /** Opens a page (init scripts first) and waits until the extension has painted highlights. */
  openAnnotated(url: string, initScripts?: readonly (() => void)[]): Promise<PageDriver>;
  close(): Promise<void>;
}

/** `prefs`: more Firefox preferences (the benchmark turns the clock's reduced precision off). */
export async function launchFirefox(
  proxyPort: number,
  prefs: Readonly<Record<string, string | number | boolean>> = {},
): Promise<FirefoxSession> {
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
  const extensionId = await browser.installExtension(FIREFOX_BUILD_DIR);
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
    close: () => browser.close(),
  };
}
