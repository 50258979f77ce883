/** Test-only: the probe's main-world half in Chromium, which keeps its snapshot on the page's window. */
document.addEventListener('lens-probe-state', (event) => {
  (window as unknown as { __lensProbe: string }).__lensProbe = String((event as CustomEvent).detail);
});
