/**
 * Notices the page's own navigations (history API, hash changes) by looking at its address a few
 * times a second. No event tells a content script of `pushState`, and the events WXT offers for
 * it (`wxt:locationchange`, dispatched on the page's window) can be dispatched by the page too:
 * polling is the one signal a page cannot fake or flood. The same low-rate tick runs other cheap
 * checks (`onTick`).
 */

const LOCATION_POLL_MS = 250;

export function watchLocation(
  read: () => string,
  onChange: (url: string) => void,
  options: { readonly signal: AbortSignal; readonly onTick?: () => void; readonly intervalMs?: number },
): void {
  let last = read();
  const timer = setInterval(() => {
    options.onTick?.();
    const now = read();
    if (now === last) return;
    last = now;
    onChange(now);
  }, options.intervalMs ?? LOCATION_POLL_MS);
  options.signal.addEventListener('abort', () => clearInterval(timer));
}
