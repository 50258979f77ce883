/**
 * `npm run icons`: renders assets/icon.svg to the PNG sizes the manifests use (public/icon/),
 * with headless Chromium, so the icons are reproducible from their source.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
const outDir = join(root, 'public', 'icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}</style><img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`,
  );
  await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`Wrote ${outDir}/{16,32,48,96,128}.png`);
