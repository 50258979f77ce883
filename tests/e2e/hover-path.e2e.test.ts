/**
 * The card's everyday path, in Chromium and Firefox, with the reader's own (trusted) mouse: moving
 * from one name to the next at three speeds ends with the second name's card; drag-selecting
 * across a name opens nothing, and no card stays after the button is released; a card low in the
 * viewport opens above its word at full height; a pinned card looks pinned; a mention in the
 * page's open shadow root opens its card.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { matchArticle } from '../../scripts/lib/read-article';
import { describeMentions } from '../../utils/annotate/annotate-text';
import { FIXTURE_PAGES_DIR, fixtureUrl } from './harness/fixture-server';
import type { PageDriver } from './harness/page-driver';
import { cardIsClosed, cardIsOpen, probedCard } from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Pointer speeds (px/s): a careful reader, an ordinary one, a quick one. */
const SPEEDS = [200, 600, 1500];
/** How often the pointer reports a move while it travels (ms), as a mouse at 60 Hz does. */
const MOVE_EVERY_MS = 16;

/** Each name the fixture's mentions open a card for, by the text that names it. */
const NAMES = (() => {
  const index = loadLensIndex();
  const { text, mentions } = matchArticle(join(FIXTURE_PAGES_DIR, 'hover-path.html'), index.matcher);
  return new Map(describeMentions(text, mentions, index).map((mention) => [mention.text, mention.name]));
})();
const nameOf = (text: string) => {
  const name = NAMES.get(text);
  if (!name) throw new Error(`the fixture does not name ${text}`);
  return name;
};

/**
 * Runs in the page: the viewport point over the middle of `text` inside the element `within`
 * (a CSS selector, looked up in the page's open shadow roots too), with the element scrolled so
 * its top sits at `at` of the viewport's height.
 */
function pointOf({ within, text, at = 0.3 }: { within: string; text: string; at?: number }) {
  const element =
    document.querySelector(within) ??
    [...document.querySelectorAll('*')]
      .map((host) => host.shadowRoot?.querySelector(within))
      .find((found) => found !== null && found !== undefined);
  if (!element) throw new Error(`no ${within}`);
  window.scrollBy({ top: element.getBoundingClientRect().top - innerHeight * at, behavior: 'instant' });
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const start = (node as Text).data.indexOf(text);
    if (start < 0) continue;
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + text.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, top: rect.top, bottom: rect.bottom };
  }
  throw new Error(`${text} is not in ${within}`);
}

/** Moves the pointer in a straight line at `speed` px/s, reporting a position every MOVE_EVERY_MS. */
async function glide(page: PageDriver, from: { x: number; y: number }, to: { x: number; y: number }, speed: number) {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.round(distance / speed / (MOVE_EVERY_MS / 1000)));
  const started = Date.now();
  for (let step = 1; step <= steps; step++) {
    const t = step / steps;
    await page.moveMouse(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
    // Keep to the clock (a slow round trip shortens the next wait rather than slowing the glide).
    const due = started + step * MOVE_EVERY_MS;
    if (due > Date.now()) await sleep(due - Date.now());
  }
}

async function moveAway(page: PageDriver) {
  await page.moveMouse(5, 5);
  await page.waitFor(cardIsClosed, undefined, 5000);
}

function hoverPathTests(name: string, open: (path: string) => Promise<PageDriver>) {
  describe(`${name}: the hover path`, () => {
    for (const speed of SPEEDS) {
      it(`moving from Novatek to Sinopec at ${speed} px/s ends with Sinopec’s card`, async () => {
        const page = await open('hover-path.html');
        const novatek = await page.evaluate(pointOf, { within: '#pair', text: 'Novatek' });
        const sinopec = await page.evaluate(pointOf, { within: '#pair', text: 'Sinopec' });
        // From nothing to the second name, and from the first name's open card to the second.
        for (const withFirstCard of [false, true]) {
          await moveAway(page);
          await page.moveMouse(novatek.x, novatek.y);
          if (withFirstCard) await page.waitFor(cardIsOpen, nameOf('Novatek'), 5000);
          await glide(page, novatek, sinopec, speed);
          await page.waitFor(cardIsOpen, nameOf('Sinopec'), 5000);
          // And it stays while the pointer rests there.
          await sleep(700);
          expect((await page.evaluate(probedCard))?.heading, `after ${withFirstCard ? 'a card' : 'none'}`).toBe(
            nameOf('Sinopec'),
          );
        }
        await page.close();
      });
    }

    it('drag-selecting across a name opens nothing, and no card stays after the button is released', async () => {
      const page = await open('hover-path.html');
      const start = await page.evaluate(pointOf, { within: '#select', text: 'Traders' });
      const rosneft = await page.evaluate(pointOf, { within: '#select', text: 'Rosneft' });
      const end = await page.evaluate(pointOf, { within: '#select', text: 'settled' });
      await page.moveMouse(start.x, start.y);
      await page.mouseButton(true);
      await glide(page, start, rosneft, 400);
      // The button is held while the pointer rests on the name, far longer than the delay.
      await sleep(800);
      expect(await page.evaluate(cardIsClosed), 'no card while selecting').toBe(true);
      await glide(page, rosneft, end, 400);
      await glide(page, end, rosneft, 400);
      await page.mouseButton(false);
      expect(await page.evaluate(() => String(document.getSelection())), 'the drag selected text').toContain(
        'said that',
      );
      await sleep(800);
      expect(await page.evaluate(cardIsClosed), 'no card after the release on the name').toBe(true);
      // The lens still works: leaving the name and coming back opens its card.
      // (A frame apart at least: the pointer is hit-tested once a frame.)
      await page.moveMouse(5, 5);
      await sleep(200);
      await page.moveMouse(rosneft.x, rosneft.y);
      await page.waitFor(cardIsOpen, nameOf('Rosneft'), 5000);
      await page.close();
    });

    it('opens a card low in the viewport above its word, at full height; a pinned card looks pinned', async () => {
      const page = await open('hover-path.html');
      const low = await page.evaluate(pointOf, { within: '#low', text: 'Gazprom', at: 0.75 });
      await page.moveMouse(low.x, low.y);
      await page.waitFor(cardIsOpen, nameOf('Gazprom'), 5000);
      await sleep(300);
      const hovered = await page.evaluate(probedCard);
      expect(hovered?.rect.bottom, 'above the word').toBeLessThanOrEqual(low.top);
      // The card is longer than the room below; above there is room for all of its 480 px.
      expect(hovered?.rect.height, 'not squeezed').toBeGreaterThan(440);
      expect(hovered?.text).not.toContain('Pinned');
      await page.click(low.x, low.y);
      await page.waitFor(() => {
        const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
        return json ? JSON.parse(json).card?.text.includes('Pinned') : false;
      });
      const pinned = await page.evaluate(probedCard);
      expect(pinned?.focused, 'focus in the pinned card').toBe(true);
      expect(pinned?.border, 'a pinned card’s frame differs').not.toBe(hovered?.border);
      await page.close();
    });

    it('opens the card of a mention in the page’s open shadow root', async () => {
      const page = await open('hover-path.html');
      const inShadow = await page.evaluate(pointOf, { within: '#in-shadow', text: 'Gazprom' });
      await page.moveMouse(inShadow.x, inShadow.y);
      await page.waitFor(cardIsOpen, nameOf('Gazprom'), 5000);
      await page.close();
    });
  });
}

const server = sharedFixtureServer();

describe('Chromium', () => {
  const chromium = sharedChromium(server);
  hoverPathTests('Chromium', (path) => chromium().openAnnotated(fixtureUrl(path)));
});

describe('Firefox', () => {
  const firefox = sharedFirefox(server);
  hoverPathTests('Firefox', (path) => firefox().openAnnotated(fixtureUrl(path)));
});
