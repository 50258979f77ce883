/**
 * The lexicon's file, asked for by the background's first statement: background.ts imports this
 * module before any other, so the request is out 5–10 ms sooner at a cold start than from the
 * background's main function, and the file (1.5 MB) is what a page's first highlight waits for
 * (docs/BENCHMARKS.md). Only the background imports it.
 */
import { SHIPPED_FILES } from '../dataset/shipped-files';

// A root path, read against the extension's own origin: no extension API (nor its polyfill) yet.
let request: Promise<Response> | undefined = fetch(SHIPPED_FILES.lexicon);
// Read later, or never (a failed read is reported by whoever takes it).
request.catch(() => undefined);

/** The early request, once; later reads ask again. */
export function takeLexiconRequest(): Promise<Response> | undefined {
  const taken = request;
  request = undefined;
  return taken;
}
