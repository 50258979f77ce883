/**
 * The DOM scanner in real browsers (not an emulated DOM): segments per block, inline elements
 * joined, skipped regions, and matches mapped back to DOM ranges.
 */
import { join } from 'node:path';
import { chromium as playwrightChromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForPage } from './harness/bundle-for-page';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>.x{}</style><script>var s = "Gazprom";</script></head>
<body>
  <p id="inline">Talks on Power of <em>Siberia</em> 2 resumed; Gaz<b>prom</b>bank lent.</p>
  <p id="br">Gazprom<br>bank</p>
  <div id="nested">Block A<p>Block B</p>tail</div>
  <p id="ru">Акции «<i>Газпрома</i>» выросли.</p>
  <p id="zh">习近平<span>与</span>普京会谈。</p>
  <textarea>Gazprom typed</textarea><input value="Gazprom"><select><option>Gazprom</option></select>
  <pre>Gazprom pre</pre><code>Gazprom code</code>
  <div contenteditable="true">Gazprom editor <b>bold</b></div>
  <noscript>Gazprom noscript</noscript>
</body></html>`;

const LEXICON = [
  { text: 'Power of Siberia 2', entity: 'power-of-siberia-2' },
  { text: 'Gazprom', entity: 'gazprom' },
  { text: 'Gazprombank', entity: 'gazprombank' },
  { text: 'Газпром', entity: 'gazprom' },
  { text: '习近平', entity: 'xi-jinping' },
  { text: '普京', entity: 'vladimir-putin' },
];

interface ScanReport {
  segments: string[];
  mentions: { entity: string; range: string; startContainerParent: string }[];
}

/** Runs in the page: scan the body, match, and report segment texts and range texts. */
function scanInPage(lexicon: typeof LEXICON): ScanReport {
  const { Matcher, scanSegments, spanOf } = (window as unknown as { LensTest: typeof import('./harness/scan-entry') })
    .LensTest;
  const matcher = Matcher.of(lexicon);
  const segments = [...scanSegments(document.body)];
  const mentions = matcher.matchTexts(segments.map((segment) => segment.text));
  return {
    segments: segments.map((segment) => segment.text.trim()),
    mentions: mentions.flatMap((list, index) =>
      list.map((mention) => {
        const range = spanOf(segments[index] as (typeof segments)[number], mention.start, mention.end) as Range;
        return {
          entity: mention.entities[0] as string,
          range: range.toString(),
          startContainerParent: (range.startContainer.parentElement as Element).tagName,
        };
      }),
    ),
  };
}

const EXPECTED: ScanReport = {
  segments: [
    'Talks on Power of Siberia 2 resumed; Gazprombank lent.',
    'Gazprom',
    'bank',
    'Block A',
    'Block B',
    'tail',
    'Акции «Газпрома» выросли.',
    '习近平与普京会谈。',
  ],
  mentions: [
    { entity: 'power-of-siberia-2', range: 'Power of Siberia 2', startContainerParent: 'P' },
    { entity: 'gazprombank', range: 'Gazprombank', startContainerParent: 'P' },
    { entity: 'gazprom', range: 'Gazprom', startContainerParent: 'P' },
    { entity: 'gazprom', range: 'Газпрома', startContainerParent: 'I' },
    { entity: 'xi-jinping', range: '习近平', startContainerParent: 'P' },
    { entity: 'vladimir-putin', range: '普京', startContainerParent: 'P' },
  ],
};

let bundle: string;
beforeAll(async () => {
  bundle = await bundleForPage(join(import.meta.dirname, 'harness', 'scan-entry.ts'));
});

describe('scanner in Chromium', () => {
  let browser: Awaited<ReturnType<typeof playwrightChromium.launch>>;
  beforeAll(async () => {
    browser = await playwrightChromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('joins inline elements, splits blocks and line breaks, skips what it must, and maps ranges', async () => {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: bundle });
    expect(await page.evaluate(scanInPage, LEXICON)).toEqual(EXPECTED);
  });
});

describe('scanner in Firefox', () => {
  let browser: Awaited<ReturnType<typeof puppeteer.launch>>;
  beforeAll(async () => {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      headless: true,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('joins inline elements, splits blocks and line breaks, skips what it must, and maps ranges', async () => {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await page.addScriptTag({ content: bundle });
    expect(await page.evaluate(scanInPage, LEXICON)).toEqual(EXPECTED);
  });
});
