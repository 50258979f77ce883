/**
 * A copy of a build whose manifest grants the listed news sites at install, for the tests that
 * need the lens running on them. The shipped build asks for them on its first-run page, and
 * automation cannot answer the browser's permission prompt (microsoft/playwright#32755; Firefox's
 * extension pages are out of WebDriver BiDi's reach): everything after the grant (registering the
 * scout, injecting the lens) is the product's own code. `honest-access.e2e.test.ts` checks the
 * shipped build itself grants nothing at install.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURATED_MATCH_PATTERNS } from '../../../utils/sites';

/**
 * Firefox copies only: a test-only background script that counts `find-mentions` messages (each
 * a rescan) and tells the probe extension the count (`runtime.onMessageExternal`), since no test
 * can reach Firefox's background page. Chromium's tests count in its service worker.
 */
const FIND_COUNTER_FILE = 'test-find-counter.js';
const FIND_COUNTER = `let finds = 0;
browser.runtime.onMessage.addListener((message) => {
  if (message && message.type === 'find-mentions') finds++;
});
browser.runtime.onMessageExternal.addListener((message) => (message === 'count-finds' ? Promise.resolve(finds) : undefined));
`;

export function grantedCopy(buildDir: string, origins: readonly string[] = CURATED_MATCH_PATTERNS): string {
  const dir = mkdtempSync(join(tmpdir(), 'lens-granted-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const granted =
    manifest.manifest_version === 3
      ? { host_permissions: [...origins] }
      : {
          permissions: [...manifest.permissions, ...origins],
          background: { ...manifest.background, scripts: [...manifest.background.scripts, FIND_COUNTER_FILE] },
        };
  if (manifest.manifest_version !== 3) writeFileSync(join(dir, FIND_COUNTER_FILE), FIND_COUNTER);
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, ...granted }));
  return dir;
}
