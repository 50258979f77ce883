/**
 * The card as a reader of Russian and Chinese news meets it, in Chromium and Firefox: written in
 * the page's language (the lang attribute, else the script of the text), accessible in every
 * language; and, where the harness can set the reader's settings and emulate the system's colour
 * scheme (Chromium), the theme the reader chose wins over the system's.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureUrl } from './harness/fixture-server';
import type { PageDriver } from './harness/page-driver';
import {
  cardBackgroundIs,
  cardIsClosed,
  cardIsOpen,
  lensHighlightCount,
  probeCommand,
  probedCard,
} from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

/** Viewport point over the middle of the first appearance of `text` (runs in the page). */
function pointOf(text: string) {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    const middle = at + Math.floor(text.length / 2);
    range.setStart(node, middle);
    range.setEnd(node, middle + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error(`text not found: ${text}`);
}

async function openCard(page: PageDriver, text: string, heading: string) {
  const point = await page.evaluate(pointOf, text);
  await page.moveMouse(point.x, point.y);
  await page.waitFor(cardIsOpen, heading);
  const card = await page.evaluate(probedCard);
  if (!card) throw new Error('no card');
  return card;
}

async function axeViolations(page: PageDriver): Promise<string[]> {
  await page.evaluate(probeCommand, { kind: 'axe' });
  await page.waitFor(() => JSON.parse((window as unknown as { __lensProbe: string }).__lensProbe).axe !== null);
  return page.evaluate(() => JSON.parse((window as unknown as { __lensProbe: string }).__lensProbe).axe as string[]);
}

const LANGUAGES = [
  {
    fixture: 'card-article.html',
    text: 'Gazprom',
    heading: 'Gazprom',
    lang: 'en',
    labels: ['Company · Russia', 'Key facts', 'Deals', 'Related'],
    summary: 'Russia’s state-controlled natural gas producer',
    englishTags: false,
  },
  {
    // lang="ru"
    fixture: 'ru-article.html',
    text: 'Газпром',
    heading: 'Газпром',
    lang: 'ru',
    labels: ['Компания · Россия', 'Главное', 'Сделки', 'Связи', 'На '],
    summary: 'Российская государственная газовая компания',
    englishTags: true,
  },
  {
    // No lang attribute: the script of the text says Chinese.
    fixture: 'zh-article.html',
    text: '俄罗斯天然气工业股份公司',
    heading: '俄罗斯天然气工业股份公司',
    lang: 'zh-Hans',
    labels: ['公司 · 俄罗斯', '要点', '交易', '相关', '截至'],
    summary: '俄罗斯国有控股的天然气生产和出口企业',
    englishTags: true,
  },
] as const;

function readerTests(open: (path: string) => Promise<PageDriver>) {
  for (const language of LANGUAGES) {
    it(`${language.lang}: the card is in the page’s language and has no accessibility violations`, async () => {
      const page = await open(language.fixture);
      const card = await openCard(page, language.text, language.heading);
      expect(card.lang).toBe(language.lang);
      for (const label of language.labels) expect(card.text).toContain(label);
      // The apostrophe in the English summary is the dataset's; compare from the first word on.
      expect(card.text.replace(/'/g, '’')).toContain(language.summary);
      // Facts are English in the dataset: marked as such on a card in another language.
      expect(/\bEN\b/.test(card.text)).toBe(language.englishTags);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
}

const server = sharedFixtureServer();

describe('Chromium', () => {
  const chromium = sharedChromium(server);
  const open = (path: string) => chromium().openAnnotated(fixtureUrl(path));
  readerTests(open);

  const storeSettings = (settings: object) =>
    chromium().serviceWorker.evaluate(async (value) => {
      const { storage } = (
        globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
      ).chrome;
      await storage.local.set({ settings: value });
    }, settings);
  const lastPage = () => chromium().context.pages().at(-1) as Page;

  it('Chromium: theme Light gives a light card on a dark system, Dark a dark one on a light system', async () => {
    try {
      await storeSettings({ theme: 'light' });
      const page = await open('card-article.html');
      await lastPage().emulateMedia({ colorScheme: 'dark' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const light = await openCard(page, 'Gazprom', 'Gazprom');
      expect(light.background).toBe('rgb(255, 255, 255)');
      await page.moveMouse(5, 790);
      await page.waitFor(cardIsClosed);

      await storeSettings({ theme: 'dark' });
      await lastPage().emulateMedia({ colorScheme: 'light' });
      const dark = await openCard(page, 'Rosneft', 'Rosneft');
      expect(dark.background).toBe('rgb(29, 32, 37)');
      // A card on screen takes a theme chosen while it shows.
      await storeSettings({ theme: 'light' });
      await page.waitFor(cardBackgroundIs, 'rgb(255, 255, 255)');
      await page.close();
    } finally {
      await storeSettings({});
    }
  });

  it('Chromium: “Don’t mark this” stops marking the entity at once, until the reader undoes it', async () => {
    try {
      const page = await open('card-article.html');
      const before = await page.evaluate(lensHighlightCount);
      const card = await openCard(page, 'Gazprom', 'Gazprom');
      await page.evaluate(probeCommand, { kind: 'scroll-to-button', label: 'Don’t mark this' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const mute = (await page.evaluate(probedCard))?.buttons.find((button) => button.label === 'Don’t mark this');
      if (!mute) throw new Error(`no mute button in ${card.text}`);
      await page.click(mute.x, mute.y);
      await page.waitFor(cardIsClosed);
      // Gazprom is named twice on the page.
      await page.waitFor((count) => {
        let now = 0;
        for (const [name, highlight] of CSS.highlights) if (!name.startsWith('page-')) now += highlight.size;
        return now === count;
      }, before - 2);
      const stored = await chromium().serviceWorker.evaluate(async () => {
        const { storage } = (
          globalThis as unknown as {
            chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
          }
        ).chrome;
        return ((await storage.local.get('settings')).settings as { mutedEntities: unknown }).mutedEntities;
      });
      expect(stored).toEqual([{ id: 'gazprom', name: 'Gazprom' }]);
      // Undone (as the options page does): marked again.
      await storeSettings({ mutedEntities: [] });
      await page.waitFor((count) => {
        let now = 0;
        for (const [name, highlight] of CSS.highlights) if (!name.startsWith('page-')) now += highlight.size;
        return now === count;
      }, before);
      await page.close();
    } finally {
      await storeSettings({});
    }
  });

  it('Chromium: the reader’s language wins over the page’s', async () => {
    try {
      await storeSettings({ language: 'zh' });
      const page = await open('ru-article.html');
      const card = await openCard(page, 'Газпром', '俄罗斯天然气工业股份公司');
      expect(card.lang).toBe('zh-Hans');
      await page.close();
    } finally {
      await storeSettings({});
    }
  });
});

describe('Firefox', () => {
  const firefox = sharedFirefox(server);
  readerTests((path) => firefox().openAnnotated(fixtureUrl(path)));
});

describe('Firefox, the system in dark mode', () => {
  const firefox = sharedFirefox(server, undefined, {
    systemAccess: true,
    // Pages see a dark system (0: dark), as Chromium's emulated colour scheme.
    prefs: { 'layout.css.prefers-color-scheme.content-override': 0 },
  });

  it('Firefox: theme Light gives a light card on a dark system, Dark a dark one', async () => {
    await firefox().storeSettings({ theme: 'light' });
    const page = await firefox().openAnnotated(fixtureUrl('card-article.html'));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const light = await openCard(page, 'Gazprom', 'Gazprom');
    expect(light.background).toBe('rgb(255, 255, 255)');
    await page.moveMouse(5, 790);
    await page.waitFor(cardIsClosed);

    await firefox().storeSettings({ theme: 'dark' });
    await openCard(page, 'Rosneft', 'Rosneft');
    // The choice reaches the page's lens by a storage event, which may come after the card
    // opened: an open card takes the new theme.
    await page.waitFor(cardBackgroundIs, 'rgb(29, 32, 37)');
  });
});
