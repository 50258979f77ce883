/**
 * Page-side checks shared by the end-to-end tests. Each function runs inside the page (passed to
 * `evaluate`, `waitForFunction` or an init script), so each is self-contained.
 */

/** Init script: records the DOM as the page built it, before any content script could run. */
export function snapshotDomBeforeScripts(): void {
  document.addEventListener('DOMContentLoaded', () => {
    (window as unknown as { __domBefore: string }).__domBefore = document.documentElement.outerHTML;
  });
}

/** The DOM recorded by `snapshotDomBeforeScripts` and the DOM now. */
export function domBeforeAndNow(): [string, string] {
  return [(window as unknown as { __domBefore: string }).__domBefore, document.documentElement.outerHTML];
}

/** True once the content script has painted at least one of our highlights. */
export function hasLensHighlights(): boolean {
  return [...CSS.highlights.keys()].some((name) => name.startsWith('china-russia-lens-'));
}
