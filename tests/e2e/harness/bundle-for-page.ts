/**
 * Bundles a module of our own into one script a test can add to any page, exposing its exports
 * as `window.LensTest`: how DOM code is tested in a real browser without the extension around it.
 */
import { build } from 'esbuild';

export async function bundleForPage(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    define,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'LensTest',
    target: 'es2022',
  });
  return result.outputFiles[0]?.text ?? '';
}
