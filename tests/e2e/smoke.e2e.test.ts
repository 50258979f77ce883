import type { Page as PlaywrightPage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageMentions } from '../../utils/messages';
import { fixtureUrl } from './harness/fixture-server';
import { domBeforeAndNow, hasLensHighlights, snapshotDomBeforeScripts } from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

/** The part of `chrome` the service-worker snippets use. */
interface ChromeTabsApi {
  tabs: {
    query(filter: object): Promise<{ id?: number }[]>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

const server = sharedFixtureServer();

describe('Chromium: the built extension', () => {
  const chromium = sharedChromium(server);

  async function openArticle(): Promise<PlaywrightPage> {
    const page = await chromium().context.newPage();
    await page.addInitScript(snapshotDomBeforeScripts);
    await page.goto(fixtureUrl('plain-article.html'));
    await page.waitForFunction(hasLensHighlights, undefined, { timeout: 15_000 });
    return page;
  }

  it('runs the content script on a listed news site and paints highlights without changing the DOM', async () => {
    const page = await openArticle();
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    // Default colours: firms blue, projects green (utils/settings.ts), each under this install's
    // random name: nothing in the shared registry names the product.
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]{5,31}$/);
    expect(names.join(' ')).not.toMatch(/lens|china|russia/i);
    const [before, after] = await page.evaluate(domBeforeAndNow);
    expect(after).toBe(before);
    await page.close();
  });

  it('answers the popup’s question about the page through the service worker', async () => {
    const page = await openArticle();
    await page.bringToFront();
    const reply = await chromium().messageActiveTab<PageMentions>({ type: 'get-page-mentions' });
    expect(reply.url).toBe(page.url());
    const ids = reply.mentions.map((mention) => mention.id);
    expect(ids).toContain('gazprom');
    // Two mentions in the prose; the code block, the text box and the URL slug do not count.
    expect(reply.mentions.find((mention) => mention.id === 'gazprom')?.count).toBe(2);
    // The toolbar badge shows how many mentions the tab has.
    const total = reply.mentions.reduce((sum, mention) => sum + mention.count, 0);
    const badge = await chromium().serviceWorker.evaluate(async () => {
      const { tabs, action } = (globalThis as unknown as { chrome: ChromeTabsApi }).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return action.getBadgeText({ tabId: tab?.id ?? -1 });
    });
    expect(badge).toBe(String(total));
    await page.close();
  });

  it('opens the popup, which searches the bundled dataset in every script', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('China–Russia Lens');
    // Filled once the search data is read.
    await expect
      .poll(() => popup.locator('.dataset-line').textContent())
      .toMatch(/^\d+ entities · \d+ deals · data to \d{4}/);
    const search = popup.getByRole('combobox', { name: /search/i });
    await expect.poll(() => search.evaluate((input) => input === document.activeElement)).toBe(true);
    for (const query of ['gazprm', 'Газпром', '俄气']) {
      await search.fill(query);
      await expect.poll(() => popup.locator('.result-name').first().textContent()).toBe('Gazprom');
    }
    await search.fill('zzqxjv');
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/Nothing matches/);
    await popup.close();
  });
});

describe('Firefox: the built extension', () => {
  const firefox = sharedFirefox(server);

  it('installs, runs the content script and paints highlights without changing the DOM', async () => {
    expect(firefox().extensionId).toBeTruthy();
    const page = await firefox().browser.newPage();
    await page.evaluateOnNewDocument(snapshotDomBeforeScripts);
    await page.goto(fixtureUrl('plain-article.html'));
    await page.waitForFunction(hasLensHighlights, { timeout: 15_000 });
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    // Default colours: firms blue, projects green (utils/settings.ts), each under this install's
    // random name: nothing in the shared registry names the product.
    expect(names.length).toBeGreaterThanOrEqual(2);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]{5,31}$/);
    expect(names.join(' ')).not.toMatch(/lens|china|russia/i);
    const [before, after] = await page.evaluate(domBeforeAndNow);
    expect(after).toBe(before);
    await page.close();
  });
});
