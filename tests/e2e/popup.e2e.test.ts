/**
 * The toolbar popup and the options page, in Chromium (Firefox cannot open moz-extension pages
 * under automation): search with keys and detail views, Escape and Alt+← back, figures and their
 * chart, "on this page" following the site switch, the shortcuts, a colour changed in options
 * reaching an open page, accessibility, screenshots in light and dark (.cache/screenshots).
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightNameIn } from '../../utils/highlight-names';
import { fixtureUrl } from './harness/fixture-server';
import { grantedCopy } from './harness/granted-build';
import type { PageDriver } from './harness/page-driver';
import { cardIsOpen, hasLensHighlights, pointOfMention, probedCard } from './harness/page-state';
import { CHROME_BUILD_DIR, PROJECT_ROOT } from './harness/paths';
import { sharedChromium, sharedFixtureServer } from './harness/sessions';

const SCREENSHOTS = join(PROJECT_ROOT, '.cache', 'screenshots');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the protocol: extension pages' CSP refuses inline scripts.
  await page.evaluate(`${AXE_SOURCE};0`);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map(
      (violation) =>
        `${violation.id} (${violation.nodes.length}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
}

/** No range is painted (turning the lens off empties its highlights). */
const noHighlights = () =>
  [...CSS.highlights].every(([name, highlight]) => name.startsWith('page-') || highlight.size === 0);

const server = sharedFixtureServer();

describe('Chromium: popup and options', () => {
  const chromium = sharedChromium(server);

  /** A fixture page, annotated, and the popup opened for its tab. */
  async function articleWithPopup(): Promise<{ article: PageDriver; popup: Page }> {
    const article = await chromium().openAnnotated(fixtureUrl('card-article.html'));
    const popup = await chromium().openExtensionPage(`popup.html?tab=${await chromium().activeTabId()}`);
    return { article, popup };
  }

  it('searches as the reader types: arrow keys and Enter open an entity, links and Back move around', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    const search = popup.getByRole('combobox', { name: /search/i });
    await search.fill('gazprm');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toMatch(/^Gazprom/);
    await search.press('ArrowDown');
    await expect
      .poll(() => popup.locator('[role="option"][aria-selected="true"] .result-name').textContent())
      .not.toBe('Gazprom');
    await search.press('ArrowUp');
    await search.press('Enter');
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).toBe('Gazprom');
    expect(await popup.locator('.facts li').count()).toBeGreaterThan(0);
    await popup.locator('.related button').first().click();
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).not.toBe('Gazprom');
    await popup.getByRole('button', { name: 'Back' }).click();
    await expect.poll(() => popup.getByRole('heading', { level: 2 }).first().textContent()).toBe('Gazprom');

    for (const [query, first] of [
      ['Газпром', 'Gazprom'],
      ['中石油', 'China National Petroleum Corporation'],
      ['power siberia 2', 'Power of Siberia 2'],
    ]) {
      await search.fill(query as string);
      await expect.poll(() => popup.locator('[role="option"] .result-name').first().textContent()).toBe(first);
    }
    // A deal opens its own view: parties as links, value, sources.
    await search.fill('Power of Siberia gas contract');
    await popup.getByRole('group', { name: 'Deals' }).getByRole('option').first().click();
    await expect.poll(() => popup.locator('.deal-detail h2').textContent()).toMatch(/Power of Siberia/);
    expect(await popup.locator('.deal-detail .entity-link').count()).toBeGreaterThanOrEqual(2);
    expect(await popup.locator('.deal-detail .source-line a').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('ranks the person first for a short Cyrillic name and for a typo; says why a hit is listed', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    const search = popup.getByRole('combobox', { name: /search/i });
    const firstName = () => popup.locator('[role="option"] .result-name').first().textContent();
    for (const [query, first] of [
      ['Си', 'Xi Jinping'],
      ['putn', 'Vladimir Putin'],
    ]) {
      await search.fill(query as string);
      await expect.poll(firstName, { message: query }).toBe(first);
    }
    // e-CNY is listed for "yuan" by its alias, and the result says so.
    await search.fill('yuan');
    const eCny = popup.getByRole('option', { name: /^e-CNY/ });
    await expect.poll(() => eCny.locator('.result-why').textContent()).toMatch(/alias: e-yuan/);
    await popup.close();
  });

  it('goes back from a view to the results with Escape or Alt+←, and from the first view keeps the query', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    const search = popup.getByRole('combobox', { name: /search/i });
    const heading = () => popup.getByRole('heading', { level: 2 }).first().textContent();
    await search.fill('gazprom');
    await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThan(0);
    await search.press('Enter');
    await expect.poll(heading).toBe('Gazprom');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('option').first().textContent()).toMatch(/^Gazprom/);
    expect(await search.inputValue()).toBe('gazprom');
    // Two views deep: Alt+← steps back one view at a time, then to the results.
    await search.press('Enter');
    await expect.poll(heading).toBe('Gazprom');
    await popup.locator('.related button').first().click();
    await expect.poll(heading).not.toBe('Gazprom');
    await popup.keyboard.press('Alt+ArrowLeft');
    await expect.poll(heading).toBe('Gazprom');
    await popup.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => popup.getByRole('listbox', { name: 'Search results' }).count()).toBe(1);
    await expect.poll(() => search.evaluate((element) => element === document.activeElement)).toBe(true);
    await popup.close();
  });

  it('opens a figure from "trade", «торговля», 贸易 or "crude" as an accessible chart with its sources', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    const search = popup.getByRole('combobox', { name: /search/i });
    for (const [query, title] of [
      ['торговля', /trade/],
      ['贸易', /trade/],
      ['crude', /Crude oil/],
      ['trade', /trade/],
    ] as const) {
      await search.fill(query);
      const figures = popup.getByRole('group', { name: 'Figures' });
      await expect.poll(() => figures.getByRole('option').first().textContent(), { message: query }).toMatch(title);
    }
    await search.press('Enter');
    const chart = popup.getByRole('img', { name: /China–Russia trade/ });
    await expect.poll(() => chart.count()).toBe(1);
    const describedBy = await chart.getAttribute('aria-describedby');
    expect(await popup.locator(`[id="${describedBy}"]`).textContent()).toMatch(/highest .* USD bn/);
    await popup.getByText('Values and sources').click();
    const rows = popup.locator('.series-values tbody tr');
    expect(await rows.count()).toBeGreaterThan(5);
    // Every value names its source; those with an https address link to it.
    for (const row of await rows.all()) expect(await row.locator('.source-line').textContent()).toMatch(/\d{4}/);
    expect(await popup.locator('.series-values tbody a[href^="https://"]').count()).toBeGreaterThan(5);
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('group', { name: 'Figures' }).count()).toBe(1);
    await popup.close();
  });

  it('shows the keyboard shortcuts the browser bound, and where to change them', async () => {
    const popup = await chromium().openExtensionPage('popup.html');
    const shortcuts = popup.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect.poll(() => shortcuts.locator('.shortcut-list dd').count()).toBeGreaterThan(0);
    expect(await shortcuts.getByRole('button', { name: 'Change shortcuts' }).count()).toBe(1);
    await popup.close();
  });

  it('opens with a query from the "Look up" menu (?q=) already searched', async () => {
    const popup = await chromium().openExtensionPage(`popup.html?q=${encodeURIComponent('Сила Сибири 2')}`);
    await expect
      .poll(() => popup.locator('[role="option"] .result-name').first().textContent())
      .toBe('Power of Siberia 2');
    await popup.close();
  });

  it('lists what the page mentions, grouped with counts; a click opens that card on the page', async () => {
    const { article, popup } = await articleWithPopup();
    const gazprom = popup.getByRole('button', { name: /^Gazprom \d+ mentions?$/ });
    await expect.poll(() => gazprom.count()).toBe(1);
    expect(await popup.getByRole('region', { name: 'Companies' }).count()).toBe(1);
    await gazprom.click();
    await article.waitFor(cardIsOpen, 'Gazprom');
    await article.close();
  });

  it('turns the lens off for a listed site and on again; the page follows live', async () => {
    const { article, popup } = await articleWithPopup();
    const toggle = popup.getByRole('checkbox', { name: /Lens on www\.reuters\.com/ });
    const listed = () => popup.locator('.page-mention').count();
    expect(await toggle.isChecked()).toBe(true);
    await expect.poll(listed).toBeGreaterThan(0);
    await toggle.click();
    await article.waitFor(noHighlights);
    await expect.poll(() => toggle.isChecked()).toBe(false);
    // "On this page" follows: nothing listed while off, the page's names again once on.
    await expect.poll(listed).toBe(0);
    expect(await popup.getByText(/The lens is off on this site/).count()).toBe(1);
    await toggle.click();
    await article.waitFor(hasLensHighlights);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await expect.poll(listed).toBeGreaterThan(0);
    await popup.close();
    await article.close();
  });

  it('applies colour, style, categories, first-mention and trigger changes to open pages live, and resets', async () => {
    const article = await chromium().openAnnotated(fixtureUrl('card-article.html'));
    const options = await chromium().openExtensionPage('options.html');
    await options.getByRole('group', { name: 'Colour for People' }).getByRole('radio', { name: 'red' }).click();
    const names = await chromium().highlightNames();
    const paintedIn = (name: string) => (CSS.highlights.get(name)?.size ?? 0) > 0;
    await article.waitFor(paintedIn, highlightNameIn(names, 'fill', 'red'));
    await options.getByRole('radio', { name: 'Underline only' }).click();
    await article.waitFor(paintedIn, highlightNameIn(names, 'underline', 'red'));
    await options.getByRole('checkbox', { name: 'People' }).click();
    await article.waitFor((name) => !(CSS.highlights.get(name)?.size ?? 0), highlightNameIn(names, 'underline', 'red'));
    // First mention only: as many painted ranges as names the page has (outside the off category).
    const painted = () =>
      [...CSS.highlights].reduce((sum, [name, highlight]) => sum + (name.startsWith('page-') ? 0 : highlight.size), 0);
    const before = await article.evaluate(painted);
    await options.getByRole('radio', { name: 'Only the first mention of each name' }).click();
    await article.waitFor((count) => {
      let total = 0;
      for (const [name, highlight] of CSS.highlights) if (!name.startsWith('page-')) total += highlight.size;
      return total > 0 && total < count;
    }, before);
    // Click to open: resting on a name does nothing, a click opens its card.
    await options.getByRole('radio', { name: 'Only on click' }).click();
    await options.getByRole('radio', { name: 'Every mention' }).click();
    const point = await article.evaluate(pointOfMention, 0);
    await article.moveMouse(point.x, point.y);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await article.evaluate(cardIsOpen)).toBe(false);
    await article.click(point.x, point.y);
    await article.waitFor(cardIsOpen);
    // The card's category accents follow the chosen colours too.
    const accent = (await article.evaluate(probedCard))?.personAccent;
    expect(accent).toBe('#dc2626');
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await article.waitFor(paintedIn, highlightNameIn(names, 'fill', 'yellow'));
    await options.close();
    await article.close();
  });

  it('has no accessibility violations and looks finished, light and dark (screenshots)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      const options = await chromium().openExtensionPage('options.html');
      await options.getByRole('radio', { name: theme === 'dark' ? 'Dark' : 'Light', exact: true }).click();
      await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(options), `options, ${theme}`).toEqual([]);
      await options.setViewportSize({ width: 800, height: 1100 });
      await options.screenshot({ path: join(SCREENSHOTS, `options-${theme}.png`), fullPage: true });

      const { article, popup } = await articleWithPopup();
      await popup.setViewportSize({ width: 400, height: 600 });
      await expect.poll(() => popup.locator('.page-mention').count()).toBeGreaterThan(0);
      expect(await axeViolations(popup), `popup, ${theme}`).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-${theme}.png`), fullPage: true });
      await popup.getByRole('combobox', { name: /search/i }).fill('rosneft');
      await popup.getByRole('combobox', { name: /search/i }).press('Enter');
      await expect.poll(() => popup.locator('.entity-card h2').textContent()).toBe('Rosneft');
      expect(await axeViolations(popup), `popup entity view, ${theme}`).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-entity-${theme}.png`) });
      await popup.keyboard.press('Escape');
      await popup.getByRole('combobox', { name: /search/i }).fill('yuan');
      await expect.poll(() => popup.getByRole('option').count()).toBeGreaterThan(2);
      expect(await axeViolations(popup), `popup results, ${theme}`).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-results-${theme}.png`) });
      await popup.getByRole('combobox', { name: /search/i }).fill('trade');
      await popup.getByRole('combobox', { name: /search/i }).press('Enter');
      await expect.poll(() => popup.getByRole('img', { name: /trade/ }).count()).toBe(1);
      await popup.getByText('Values and sources').click();
      expect(await axeViolations(popup), `popup chart page, ${theme}`).toEqual([]);
      await popup.screenshot({ path: join(SCREENSHOTS, `popup-chart-${theme}.png`), fullPage: true });
      await popup.close();
      await article.close();
      await options.getByRole('button', { name: 'Reset to defaults' }).click();
      await options.close();
    }
  });
});

describe('Chromium: turning the lens on for a site that is not listed', () => {
  // Chromium offers automation no way to answer a permission prompt (microsoft/playwright#32755),
  // so this copy of the build already holds the host permission: `permissions.request` then
  // resolves at once, and everything after it (settings, injection, registration) is the product's.
  const extensionDir = grantedCopy(CHROME_BUILD_DIR, ['*://*/*']);
  afterAll(() => rmSync(extensionDir, { recursive: true, force: true }));
  const chromium = sharedChromium(server, extensionDir);

  it('enables the site with one click, annotates at once and after a reload, and turns it off', async () => {
    const url = fixtureUrl('card-article.html', 'blog.example.org');
    const article = await chromium().context.newPage();
    await article.goto(url);
    await article.waitForTimeout(1000);
    expect(await article.evaluate(noHighlights), 'nothing runs before the reader asks').toBe(true);
    const popup = await chromium().openExtensionPage(`popup.html?tab=${await chromium().activeTabId()}`);
    const toggle = popup.getByRole('checkbox', { name: /Lens on blog\.example\.org/ });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await article.waitForFunction(hasLensHighlights, undefined, { timeout: 10_000 });
    await article.reload();
    await article.waitForFunction(hasLensHighlights, undefined, { timeout: 10_000 });
    await popup.reload();
    await popup.getByRole('checkbox', { name: /Lens on blog\.example\.org/ }).click();
    await article.waitForFunction(noHighlights, undefined, { timeout: 10_000 });
    await popup.close();
    await article.close();
  });
});
