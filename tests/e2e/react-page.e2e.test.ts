/**
 * A React page that hydrates server-rendered HTML after the extension has annotated it: no
 * hydration error (we never touch the DOM React owns), React keeps rendering, and what it renders
 * later is annotated too. Chromium and Firefox.
 */
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../fixtures/react/app';
import { bundleForPage } from './harness/bundle-for-page';
import type { PageDriver } from './harness/page-driver';
import { cardIsOpen, highlightedWithin } from './harness/page-state';
import { sharedChromium, sharedFirefox, sharedFixtureServer } from './harness/sessions';

const PAGE_URL = 'http://www.reuters.com/react-article.html';

function pageHtml(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>React article</title></head>
<body><div id="root">${renderToString(createElement(App))}</div>
<script src="/react-client.js"></script></body></html>`;
}

async function hydrateAndUse(page: PageDriver) {
  await page.waitFor(highlightedWithin, '#lead');
  await page.evaluate(() => (window as unknown as { hydrate(): void }).hydrate());
  await page.waitFor(() => (window as unknown as { hydrated?: boolean }).hydrated === true);
  expect(await page.evaluate(() => (window as unknown as { hydrationErrors: string[] }).hydrationErrors)).toEqual([]);

  // React still owns the page: a state update renders, and the new text is annotated.
  const button = await page.evaluate(() => {
    const rect = document.querySelector('#add-update')?.getBoundingClientRect() as DOMRect;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.click(button.x, button.y);
  await page.waitFor(() => document.querySelector('.update') !== null);
  await page.waitFor(highlightedWithin, '.update', 2000);

  // A hydrated mention still opens its card.
  const point = await page.evaluate(() => {
    const strong = document.querySelector('#lead strong') as Element;
    const rect = strong.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.moveMouse(point.x, point.y);
  await page.waitFor(cardIsOpen, 'China National Petroleum Corporation');
  expect(await page.evaluate(() => (window as unknown as { hydrationErrors: string[] }).hydrationErrors)).toEqual([]);
}

const server = sharedFixtureServer();
beforeAll(async () => {
  server().routes.set('/react-article.html', pageHtml());
  server().routes.set(
    '/react-client.js',
    await bundleForPage(join(import.meta.dirname, '..', 'fixtures', 'react', 'client.ts'), {
      'process.env.NODE_ENV': '"development"',
    }),
  );
});

describe('Chromium: a hydrated React page', () => {
  const chromium = sharedChromium(server);

  it('hydrates without errors after annotation, keeps rendering, and new content is annotated', async () => {
    const page = await chromium().openAnnotated(PAGE_URL);
    await hydrateAndUse(page);
    await page.close();
  });
});

describe('Firefox: a hydrated React page', () => {
  const firefox = sharedFirefox(server);

  it('hydrates without errors after annotation, keeps rendering, and new content is annotated', async () => {
    const page = await firefox().openAnnotated(PAGE_URL);
    await hydrateAndUse(page);
    await page.close();
  });
});
