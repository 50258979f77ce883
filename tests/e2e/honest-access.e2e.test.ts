/**
 * What is granted at install is what the README, the first-run page and the store description
 * say: no site at all. The shipped builds (not the tests' granted copy) ask for no host at
 * install, run on no page until the reader allows the listed sites, and open the first-run page
 * that offers exactly those sites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURATED_MATCH_PATTERNS, CURATED_NEWS_DOMAINS } from '../../utils/sites';
import { fixtureUrl } from './harness/fixture-server';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, PROJECT_ROOT } from './harness/paths';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

const noHighlights = () => [...CSS.highlights.values()].every((highlight) => highlight.size === 0);
const isOrigin = (permission: string) => permission.includes('://') || permission === '<all_urls>';

const server = sharedFixtureServer();

describe('the shipped manifests', () => {
  it('ask for no site at install; the listed sites are optional, with all sites', () => {
    const chrome = JSON.parse(readFileSync(join(CHROME_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(chrome.host_permissions ?? []).toEqual([]);
    expect(chrome.content_scripts ?? []).toEqual([]);
    expect(chrome.permissions.filter(isOrigin)).toEqual([]);
    expect(chrome.optional_host_permissions).toEqual([...CURATED_MATCH_PATTERNS, '*://*/*']);
    const firefox = JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8'));
    expect(firefox.content_scripts ?? []).toEqual([]);
    expect(firefox.permissions.filter(isOrigin)).toEqual([]);
    expect(firefox.optional_permissions).toEqual([...CURATED_MATCH_PATTERNS, '*://*/*']);
  });

  it('say so in the store description and the README', () => {
    const messages = JSON.parse(readFileSync(join(PROJECT_ROOT, 'public/_locales/en/messages.json'), 'utf8'));
    expect(messages.extDescription.message).toMatch(/No site access until you allow it/);
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/no site access at install/);
    expect(readme).toMatch(new RegExp(`${CURATED_NEWS_DOMAINS.length} listed news sites`));
  });
});

describe('Chromium: the shipped build', () => {
  const chromium = sharedChromium(server, CHROME_BUILD_DIR);

  it('holds no site permission, runs on no listed site, and opens the first-run page that offers them', async () => {
    const origins = await chromium().serviceWorker.evaluate(async () => {
      const { permissions } = (
        globalThis as unknown as { chrome: { permissions: { getAll(): Promise<{ origins?: string[] }> } } }
      ).chrome;
      return (await permissions.getAll()).origins ?? [];
    });
    expect(origins).toEqual([]);
    const welcome =
      chromium()
        .context.pages()
        .find((page) => page.url().endsWith('/welcome.html')) ??
      (await chromium().context.waitForEvent('page', {
        predicate: (page) => page.url().endsWith('/welcome.html'),
        timeout: 10_000,
      }));
    await welcome.waitForLoadState();
    await expect
      .poll(() =>
        welcome.getByRole('button', { name: `Allow the lens on these ${CURATED_NEWS_DOMAINS.length} sites` }).count(),
      )
      .toBe(1);
    expect(await welcome.textContent('body')).toMatch(/no access to any website/);
    const article = await chromium().context.newPage();
    await article.goto(fixtureUrl('card-article.html'));
    await article.waitForTimeout(2000);
    expect(await article.evaluate(noHighlights)).toBe(true);
    await article.close();
  });
});

describe('Firefox: the shipped build', () => {
  const firefox = sharedFirefox(server, FIREFOX_BUILD_DIR);

  it('runs on no listed site until the reader allows it', async () => {
    const page = await firefox().browser.newPage();
    await page.goto(fixtureUrl('card-article.html'));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await page.evaluate(noHighlights)).toBe(true);
    await page.close();
  });
});
