import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2');

export function assertBuilt(): void {
  for (const dir of [CHROME_BUILD_DIR, FIREFOX_BUILD_DIR]) {
    if (!existsSync(join(dir, 'manifest.json'))) {
      throw new Error(`No extension build at ${dir}: run \`npm run build\` first (npm test does).`);
    }
  }
}
