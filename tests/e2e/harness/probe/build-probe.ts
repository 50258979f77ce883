/**
 * Builds the test-only probe extension (probe.ts) into a temporary folder, for Chromium (MV3, with
 * a main-world script) or Firefox (MV2, which writes to the page's window itself). axe-core comes
 * with it, so accessibility checks can run inside the card's closed shadow root; its background
 * loads it into a frame only when a test asks (probe-background.ts).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

export async function buildProbe(browser: 'chromium' | 'firefox'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `lens-probe-${browser}-`));
  await build({
    entryPoints: ['probe.ts', 'probe-main.ts', 'probe-background.ts'].map((file) => join(import.meta.dirname, file)),
    bundle: true,
    outdir: dir,
    format: 'iife',
    target: 'es2022',
  });
  copyFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), join(dir, 'axe.min.js'));
  const common = { name: 'lens test probe', version: '1.0' };
  const script = { matches: ['<all_urls>'], all_frames: true, run_at: 'document_start' };
  const manifest =
    browser === 'chromium'
      ? {
          ...common,
          manifest_version: 3,
          background: { service_worker: 'probe-background.js' },
          permissions: ['scripting'],
          host_permissions: ['<all_urls>'],
          content_scripts: [
            { ...script, js: ['probe.js'] },
            { ...script, js: ['probe-main.js'], world: 'MAIN' },
          ],
        }
      : {
          ...common,
          manifest_version: 2,
          browser_specific_settings: { gecko: { id: 'probe@lens.test' } },
          background: { scripts: ['probe-background.js'] },
          permissions: ['<all_urls>'],
          content_scripts: [{ ...script, js: ['probe.js'] }],
        };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
