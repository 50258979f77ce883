/**
 * The in-page card, in Chromium and Firefox: hover opens it after the hover delay, with the
 * right entity and its facts, sources, deals and links; it stays in the viewport and above
 * site headers; click pins it, Escape closes it; changed content is rescanned; frames get their
 * own annotations; the page's DOM is byte-identical once the card is closed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { matchArticle } from '../../scripts/lib/read-article';
import { describeMentions } from '../../utils/annotate/annotate-text';
import { DEFAULT_HOVER_DELAY_MS } from '../../utils/page/card-controller';
import { FIXTURE_PAGES_DIR, fixtureUrl } from './harness/fixture-server';
import type { PageDriver } from './harness/page-driver';
import {
  cardIsClosed,
  cardIsOpen,
  cardShownEarly,
  cardsMeasured,
  domBeforeAndNow,
  highlightedWithin,
  lensHighlightCount,
  pointOfMention,
  probeCommand,
  probedCard,
  snapshotDomBeforeScripts,
} from './harness/page-state';
import { PROJECT_ROOT } from './harness/paths';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** Page-side helpers: each runs inside the page, so it must be self-contained. */
const inPage = {
  /** Viewport point over the middle of the `occurrence`-th appearance of `text`. */
  pointOf({ text, occurrence = 0 }: { text: string; occurrence?: number }) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at < 0) continue;
      if (seen++ < occurrence) continue;
      node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const range = document.createRange();
      const middle = at + Math.floor(text.length / 2);
      range.setStart(node, middle);
      range.setEnd(node, middle + 1);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`text not found: ${text}`);
  },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function hover(page: PageDriver, text: string, occurrence = 0) {
  const point = await page.evaluate(inPage.pointOf, { text, occurrence });
  await page.moveMouse(point.x, point.y);
  return point;
}

async function closeByMovingAway(page: PageDriver) {
  await page.moveMouse(5, 790);
  await page.waitFor(cardIsClosed);
}

/** Every mention the engine finds in the card fixture (in document order) and the card it must open. */
const CARD_ARTICLE_MENTIONS = (() => {
  const index = loadLensIndex();
  const { text, mentions } = matchArticle(join(FIXTURE_PAGES_DIR, 'card-article.html'), index.matcher);
  return describeMentions(text, mentions, index).map(({ text: mentionText, name }) => ({ text: mentionText, name }));
})();
/** A site that allows no inline style at all. */
const STRICT_CSP = "default-src 'self'; style-src 'self'";

interface Extras {
  readonly chromium?: boolean;
}

function cardTests(name: string, open: (path: string) => Promise<PageDriver>, extra: Extras = {}) {
  describe(`${name}: the card`, () => {
    it('opens every mention’s card after the hover delay, in view and on top; the DOM is unchanged after', async () => {
      const page = await open('card-article.html');
      const mentionCount = await page.evaluate(lensHighlightCount);
      expect(mentionCount).toBe(CARD_ARTICLE_MENTIONS.length);
      for (const [index, { text, name }] of CARD_ARTICLE_MENTIONS.entries()) {
        await closeByMovingAway(page);
        const point = await page.evaluate(pointOfMention, index);
        await page.moveMouse(point.x, point.y);
        await sleep(DEFAULT_HOVER_DELAY_MS - 100);
        expect(
          await page.evaluate(cardShownEarly, DEFAULT_HOVER_DELAY_MS),
          `no card before the delay (${text})`,
        ).not.toBe(true);
        await page.waitFor(cardIsOpen, name);
        await page.waitFor(cardsMeasured, index + 1);
        const card = await page.evaluate(probedCard);
        expect(card?.heading, text).toBe(name);
        expect(card?.inViewport, `card in viewport (${text})`).toBe(true);
        expect(card?.onTopLayer, `card in the top layer (${text})`).toBe(true);
      }
      // How soon after the delay the card paints is a budget of `npm run bench` (hover_to_card_ms),
      // not a pass/fail here: a busy machine stretches any latency.
      await closeByMovingAway(page);
      const [before, now] = await page.evaluate(domBeforeAndNow);
      expect(now).toBe(before);
      await page.close();
    });

    it('shows facts with dated https sources, deals, related entities that switch the card, and the page count', async () => {
      const page = await open('card-article.html');
      await hover(page, 'Gazprom');
      await page.waitFor(cardIsOpen);
      const card = await page.evaluate(probedCard);
      expect(card?.factCount).toBeGreaterThanOrEqual(3);
      expect(card?.dealCount).toBeGreaterThanOrEqual(1);
      expect(card?.relatedCount).toBeGreaterThanOrEqual(1);
      expect(card?.text).toMatch(/As of \w+/);
      expect(card?.text).toContain('Mentioned 2 times on this page');
      expect(card?.links.length).toBeGreaterThan(0);
      for (const link of card?.links ?? []) {
        expect(link.href).toMatch(/^https:\/\//);
        expect(link.rel).toBe('noopener noreferrer');
        expect(link.target).toBe('_blank');
      }
      const related = card?.buttons.find((button) => button.related);
      if (!related) throw new Error('no related entity in the card');
      // The card scrolls: the reader scrolls to the button, then clicks it.
      await page.evaluate(probeCommand, { kind: 'scroll-to-button', label: related.label });
      await sleep(100);
      const scrolled = await page.evaluate(probedCard);
      expect(scrolled?.scrollTop, 'the card scrolled to its related links').toBeGreaterThan(0);
      const shown = scrolled?.buttons.find((button) => button.label === related.label);
      await page.click(shown?.x ?? 0, shown?.y ?? 0);
      await page.waitFor(() => {
        const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
        const heading = json ? JSON.parse(json).card?.heading : undefined;
        return heading && heading !== 'Gazprom';
      });
      // The next card is read from its top.
      expect((await page.evaluate(probedCard))?.scrollTop).toBe(0);
      await page.evaluate(probeCommand, { kind: 'scroll-to-button', label: 'Back' });
      await sleep(100);
      const back = (await page.evaluate(probedCard))?.buttons.find((button) => button.label === 'Back');
      if (!back) throw new Error('no Back button in the card');
      await page.click(back.x, back.y);
      await page.waitFor(cardIsOpen, 'Gazprom');
      // Again, now that the related card is at hand (cached, so it replaces this one at once).
      await page.evaluate(probeCommand, { kind: 'scroll-to-button', label: related.label });
      await sleep(100);
      const again = await page.evaluate(probedCard);
      expect(again?.scrollTop).toBeGreaterThan(0);
      const link = again?.buttons.find((button) => button.label === related.label);
      await page.click(link?.x ?? 0, link?.y ?? 0);
      await page.waitFor(() => {
        const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
        const heading = json ? JSON.parse(json).card?.heading : undefined;
        return heading && heading !== 'Gazprom';
      });
      expect((await page.evaluate(probedCard))?.scrollTop, 'a cached card opens at the top too').toBe(0);
      await page.close();
    });

    it('pins on click with focus inside; Escape closes it and gives focus back', async () => {
      const page = await open('card-article.html');
      const point = await page.evaluate(inPage.pointOf, { text: 'Rosneft' });
      await page.click(point.x, point.y);
      await page.waitFor(cardIsOpen);
      expect((await page.evaluate(probedCard))?.focused).toBe(true);
      await page.moveMouse(5, 790);
      await sleep(700);
      expect((await page.evaluate(probedCard))?.heading).toBe('Rosneft');
      await page.press('Escape');
      await page.waitFor(cardIsClosed);
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.close();
    });

    it('scans content added or replaced later, SPA navigations, but never editors or inputs', async () => {
      const page = await open('dynamic-page.html');
      await page.waitFor(highlightedWithin, '#first');
      await page.waitFor(highlightedWithin, '#boxless');
      expect(await page.evaluate(highlightedWithin, '#editor')).toBe(false);
      await page.evaluate(() =>
        (window as unknown as { addPost(t: string): void }).addPost('Rosatom signs with CNNC.'),
      );
      await page.waitFor(highlightedWithin, '.post', 2000);
      await page.evaluate(() =>
        (window as unknown as { replaceFirst(t: string): void }).replaceFirst('Nothing to report.'),
      );
      await page.waitFor(
        () => {
          const first = document.querySelector('#first');
          for (const [, highlight] of CSS.highlights)
            for (const range of highlight as unknown as Iterable<AbstractRange>)
              if (first?.contains(range.startContainer)) return false;
          return true;
        },
        undefined,
        2000,
      );
      await page.evaluate(() =>
        (window as unknown as { navigateTo(p: string, t: string): void }).navigateTo(
          '/fixtures/live/2',
          'Sinopec buys gas.',
        ),
      );
      await page.waitFor(highlightedWithin, '.post', 2000);
      expect(await page.evaluate(highlightedWithin, '#editor')).toBe(false);
      await page.close();
    });

    it('keeps its styles on a page whose CSP forbids inline styles', async () => {
      // Firefox applies a page's CSP to <style> elements a content script adds (w3c/webextensions#337).
      const article = readFileSync(join(FIXTURE_PAGES_DIR, 'card-article.html'), 'utf8');
      server().routes.set(
        '/fixtures/strict-csp-article.html',
        article.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">`),
      );
      const page = await open('strict-csp-article.html');
      const inlineStyleApplies = await page.evaluate(() => {
        const probe = document.createElement('style');
        probe.textContent = 'body { --csp-probe: 1; }';
        document.head.append(probe);
        const applies = getComputedStyle(document.body).getPropertyValue('--csp-probe') !== '';
        probe.remove();
        return applies;
      });
      expect(inlineStyleApplies, 'the CSP is in force').toBe(false);
      await hover(page, 'Gazprom');
      await page.waitFor(cardIsOpen, 'Gazprom');
      const card = await page.evaluate(probedCard);
      const style = { position: card?.position, radius: card?.radius, width: card?.width };
      // Values only the card's own stylesheet sets.
      expect(style).toEqual({ position: 'fixed', radius: '10px', width: 380 });
      await page.close();
    });

    it('annotates inside frames too', async () => {
      const page = await open('frame-host.html');
      await page.waitFor(() => {
        const frame = document.querySelector<HTMLIFrameElement>('#frame')?.contentWindow as
          | (Window & { CSS: typeof CSS })
          | null
          | undefined;
        return frame && [...frame.CSS.highlights.values()].some((highlight) => highlight.size > 0);
      });
      await page.close();
    });

    it('has no accessibility violations (axe-core, run by the probe) in the open card', async () => {
      const page = await open('card-article.html');
      await hover(page, 'Gazprom');
      await page.waitFor(cardIsOpen);
      await page.evaluate(probeCommand, { kind: 'axe' });
      await page.waitFor(() => JSON.parse((window as unknown as { __lensProbe: string }).__lensProbe).axe !== null);
      const violations = await page.evaluate(
        () => JSON.parse((window as unknown as { __lensProbe: string }).__lensProbe).axe as string[],
      );
      expect(violations).toEqual([]);
      await page.close();
    });

    if (extra.chromium) {
      it('looks right on a light and a dark page (screenshots)', async () => {
        mkdirSync(SCREENSHOTS, { recursive: true });
        for (const [fixture, text, file] of [
          ['card-article.html', 'Gazprom', 'card-light.png'],
          ['dark-article.html', 'Novatek', 'card-dark.png'],
        ] as const) {
          const page = await open(fixture);
          await hover(page, text);
          await page.waitFor(cardIsOpen);
          await sleep(100);
          await page.screenshot(join(SCREENSHOTS, file));
          await page.close();
        }
      });
    }
  });
}

const server = sharedFixtureServer();

describe('Chromium', () => {
  const chromium = sharedChromium(server);
  const open = (path: string) => chromium().openAnnotated(fixtureUrl(path), [snapshotDomBeforeScripts]);
  cardTests('Chromium', open, { chromium: true });

  it('Chromium: the next-mention command opens the first mention’s card, pinned, with focus', async () => {
    const page = await open('card-article.html');
    await chromium().messageActiveTab({ type: 'step-mention', direction: 1 });
    await page.waitFor(cardIsOpen);
    const card = await page.evaluate(probedCard);
    expect(card?.heading).toBe('Vladimir Putin');
    expect(card?.focused).toBe(true);
    await page.close();
  });
});

describe('Firefox', () => {
  const firefox = sharedFirefox(server);
  const open = (path: string) => firefox().openAnnotated(fixtureUrl(path), [snapshotDomBeforeScripts]);
  cardTests('Firefox', open);
});
