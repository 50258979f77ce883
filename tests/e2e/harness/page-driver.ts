/**
 * One small interface over a Playwright (Chromium) or Puppeteer (Firefox) page, so the in-page
 * tests run unchanged in both browsers.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export interface PageDriver {
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Resolves when `fn` returns a truthy value in the page (polled). */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  moveMouse(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** Presses (true) or releases (false) the primary mouse button where the pointer is. */
  mouseButton(down: boolean): Promise<void>;
  press(key: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export function playwrightDriver(page: PlaywrightPage): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 20 });
    },
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    mouseButton: (down) => (down ? page.mouse.down() : page.mouse.up()),
    press: (key) => page.keyboard.press(key),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    close: () => page.close(),
  };
}

export function puppeteerDriver(page: PuppeteerPage): PageDriver {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 20 }, arg);
    },
    moveMouse: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    mouseButton: (down) => (down ? page.mouse.down() : page.mouse.up()),
    press: (key) => page.keyboard.press(key as never),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}
