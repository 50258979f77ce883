/**
 * A page with more than 5,000 mentions stays responsive: in Chromium no main-thread task that
 * runs our content script's work freezes the page (read from a performance trace, which says
 * whose code a task ran), every mention the engine finds in Node is found in the page, and a
 * mention at the end of the page opens its card. Firefox has no per-script trace: a heartbeat
 * shows the page never freezes, and the last mention's card opens. (The 50 ms task budget is
 * `npm run bench`'s.) The painter observes a long page's
 * blocks a batch at a time: a jump to the end, and a page opened at its end, are painted there.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { newsPage } from '../../scripts/lib/news-page';
import { matchHtml } from '../../scripts/lib/read-article';
import type { PageMentions } from '../../utils/messages';
import { type PageDriver, playwrightDriver } from './harness/page-driver';
import {
  cardIsOpen,
  hasLensHighlights,
  highlightedWithin,
  mainThreadGaps,
  recordMainThreadGaps,
} from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';
import { tasksOfOurs, traceWhile } from './harness/trace';

const GENERATED = newsPage(400_000);
const LAST_PARAGRAPH_AT = GENERATED.html.lastIndexOf('<p>');
/** The generated page, its last paragraph given an id to open the page at. */
const PAGE = {
  ...GENERATED,
  html: `${GENERATED.html.slice(0, LAST_PARAGRAPH_AT)}<p id="end">${GENERATED.html.slice(LAST_PARAGRAPH_AT + '<p>'.length)}`,
};
/** Entity mentions the engine finds in Node (a contracted form like 习普 names two). */
const EXPECTED_MENTIONS = matchHtml(PAGE.html, loadLensIndex().matcher).mentions.reduce(
  (sum, mention) => sum + mention.entities.length,
  0,
);
const HUGE_URL = 'http://www.reuters.com/huge-page.html';
/** The same page opened at its end: the painter observes a long page's blocks a batch at a time. */
const HUGE_END_URL = `${HUGE_URL}#end`;
/**
 * A task this long is a frozen page, on any machine. How long our tasks may be (50 ms) is a
 * budget of `npm run bench` (longest_task_ms, and Firefox's heartbeat gap), measured as medians
 * on a quiet machine; here only a page that stops responding fails, however busy the machine.
 */
const FROZEN_MS = 2000;

/** Scrolls to the last paragraph and hovers its first highlighted mention. */
/** The page opened at its end: its last paragraph is painted, its first (far above) is not. */
async function expectEndPainted(page: PageDriver) {
  await page.waitFor(highlightedWithin, '#end');
  expect(await page.evaluate(highlightedWithin, 'article p:first-of-type')).toBe(false);
}

async function hoverLastMention(page: PageDriver) {
  await page.evaluate(() => document.querySelector('article p:last-of-type')?.scrollIntoView({ block: 'center' }));
  await page.waitFor(highlightedWithin, 'article p:last-of-type');
  const point = await page.evaluate(() => {
    const last = document.querySelector('article p:last-of-type');
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('page-')) continue;
      for (const mention of highlight as unknown as Iterable<AbstractRange>) {
        if (!last?.contains(mention.startContainer)) continue;
        const range = document.createRange();
        range.setStart(mention.startContainer, mention.startOffset);
        range.setEnd(mention.endContainer, mention.endOffset);
        const rect = range.getClientRects()[0] as DOMRect;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error('no mention in the last paragraph');
  });
  await page.moveMouse(point.x, point.y);
  await page.waitFor(cardIsOpen);
}

const server = sharedFixtureServer();
beforeAll(async () => {
  server().routes.set('/huge-page.html', PAGE.html);
});

it('the generated page has more than 5,000 mentions', () => {
  expect(EXPECTED_MENTIONS).toBeGreaterThan(5000);
});

describe('Chromium: a page with 5,000+ mentions', () => {
  const chromium = sharedChromium(server);

  it('finds every mention without freezing the page, and stays usable', async () => {
    const page = await chromium().context.newPage();
    let total = 0;
    const events = await traceWhile(chromium().context, page, async () => {
      await page.goto(HUGE_URL);
      await page.waitForFunction(hasLensHighlights, undefined, { timeout: 30_000 });
      const reply = await chromium().messageActiveTab<PageMentions>({ type: 'get-page-mentions' });
      total = reply.mentions.reduce((sum, mention) => sum + mention.count, 0);
    });
    expect(total).toBe(EXPECTED_MENTIONS);
    const tasks = tasksOfOurs(events);
    expect(tasks.length).toBeGreaterThan(0);
    const evaluation = tasks.find((task) => task.isEvaluation);
    console.info(`content script evaluation: ${evaluation?.durationMs.toFixed(0)} ms`);
    expect(tasks.filter((task) => task.durationMs > FROZEN_MS).map((task) => task.describe())).toEqual([]);

    const driver = playwrightDriver(page);
    await hoverLastMention(driver);
    await driver.close();
  });

  it('paints the end of the page when the page opens there', async () => {
    const driver = await chromium().openAnnotated(HUGE_END_URL);
    await expectEndPainted(driver);
    await driver.close();
  });
});

describe('Firefox: a page with 5,000+ mentions', () => {
  const firefox = sharedFirefox(server);

  it('annotates the whole page without freezing it; the last mention opens its card', async () => {
    const driver = await firefox().openAnnotated(HUGE_URL, [recordMainThreadGaps]);
    const gaps = await driver.evaluate(mainThreadGaps);
    console.info(
      `Firefox, main-thread gaps over 20 ms while annotating: ${gaps.map(([, gap]) => gap.toFixed(0)).join(' ')}`,
    );
    // Firefox cannot say whose code a task ran, so this counts the page's own work too.
    expect(Math.max(0, ...gaps.map(([, gap]) => gap))).toBeLessThan(FROZEN_MS);
    await hoverLastMention(driver);
    await driver.close();
  });

  it('paints the end of the page when the page opens there', async () => {
    const driver = await firefox().openAnnotated(HUGE_END_URL);
    await expectEndPainted(driver);
    await driver.close();
  });
});
