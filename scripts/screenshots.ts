/**
 * `npm run screenshots`: the built Chrome extension in headless Chromium, photographed as a
 * reader sees it, into the git-ignored `.cache/screenshots/`: the card on an English, a Russian
 * and a Chinese page in light and dark, the card expanded ("More"), the card in a 390 px mobile
 * viewport, the popup and the options page. For looking at, not for comparing: run it after a
 * change to the card or the pages and look at every picture.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../tests/e2e/harness/chromium';
import { type FixtureServer, fixtureUrl, startFixtureServer } from '../tests/e2e/harness/fixture-server';
import type { PageDriver } from '../tests/e2e/harness/page-driver';
import { cardIsClosed, cardIsOpen, probeCommand, probedCard } from '../tests/e2e/harness/page-state';
import { PROJECT_ROOT } from '../tests/e2e/harness/paths';

const OUT = join(PROJECT_ROOT, '.cache', 'screenshots');

const CARDS = [
  { language: 'en', fixture: 'card-article.html', text: 'Gazprom' },
  { language: 'ru', fixture: 'ru-article.html', text: 'Газпром' },
  { language: 'zh', fixture: 'zh-article.html', text: '俄罗斯天然气工业股份公司' },
] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Viewport point over the middle of the first appearance of `text` (runs in the page). */
function pointOf(text: string) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`text not found: ${text}`);
}

async function storeSettings(chromium: ChromiumSession, settings: object): Promise<void> {
  await chromium.serviceWorker.evaluate(async (value) => {
    const { storage } = (
      globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
    ).chrome;
    await storage.local.set({ settings: value });
  }, settings);
}

async function openCard(page: PageDriver, text: string): Promise<void> {
  await page.moveMouse(2, 2);
  await page.waitFor(cardIsClosed);
  const point = await page.evaluate(pointOf, text);
  await page.moveMouse(point.x, point.y);
  await page.waitFor(cardIsOpen);
  await sleep(150);
}

/** Clicks the card's first button whose label starts with `label`. */
async function clickCardButton(page: PageDriver, label: string): Promise<void> {
  await page.evaluate(probeCommand, { kind: 'scroll-to-button', label });
  await sleep(100);
  const button = (await page.evaluate(probedCard))?.buttons.find((candidate) => candidate.label.startsWith(label));
  if (!button) throw new Error(`no button "${label}" in the card`);
  await page.click(button.x, button.y);
  await sleep(200);
}

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, fullPage });
  console.log(path);
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server: FixtureServer = await startFixtureServer();
  const chromium = await launchChromium(server.port);
  const lastPage = () => chromium.context.pages().at(-1) as Page;
  try {
    for (const theme of ['light', 'dark'] as const) {
      await storeSettings(chromium, { theme });
      for (const { language, fixture, text } of CARDS) {
        const page = await chromium.openAnnotated(fixtureUrl(fixture));
        await lastPage().emulateMedia({ colorScheme: theme });
        await openCard(page, text);
        await shoot(lastPage(), `card-${language}-${theme}`);
        if (theme === 'light') {
          await clickCardButton(page, language === 'en' ? 'More' : language === 'ru' ? 'Ещё' : '更多');
          await shoot(lastPage(), `card-${language}-more`);
        }
        await page.close();
      }
    }
    await storeSettings(chromium, {});

    const mobile = await chromium.openAnnotated(fixtureUrl('card-article.html'));
    await lastPage().setViewportSize({ width: 390, height: 844 });
    await openCard(mobile, 'Rosneft');
    await shoot(lastPage(), 'card-mobile-390');
    await mobile.close();

    const article = await chromium.openAnnotated(fixtureUrl('card-article.html'));
    const tabId = await chromium.activeTabId();
    const popup = await chromium.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await sleep(800);
    await shoot(popup, 'popup');
    await popup.close();
    await article.close();

    const options = await chromium.openExtensionPage('options.html');
    await sleep(500);
    await shoot(options, 'options', true);
    await storeSettings(chromium, { language: 'ru', theme: 'dark' });
    await sleep(300);
    await shoot(options, 'options-ru-dark', true);
    await storeSettings(chromium, {});
    await options.close();
  } finally {
    await chromium.close();
    await server.close();
  }
}

await main();
