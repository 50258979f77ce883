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

/** Is any of our highlights painted over text inside the first element matching `selector`? */
export function highlightedWithin(selector: string): boolean {
  const scope = document.querySelector(selector);
  if (!scope) return false;
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('china-russia-lens-')) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) {
      if (scope.contains(range.startContainer)) return true;
    }
  }
  return false;
}

/** True once the content script has painted at least one of our highlights. */
export function hasLensHighlights(): boolean {
  return [...CSS.highlights].some(([name, highlight]) => name.startsWith('china-russia-lens-') && highlight.size > 0);
}

interface CardLatencyLog {
  lastMoveAt: number;
  /** Per card opened: pointer rest → start of the frame that first paints it (ms). */
  frameStarts: number[];
}

/**
 * Init script: for each card the extension opens, the time from the last pointer move to the
 * start of the frame that first paints it. Each frame is looked at right after it painted (a
 * task queued from its animation-frame callback), so a card revealed anywhere in the frame's
 * callbacks counts for that frame.
 */
export function recordCardLatency(): void {
  const log: CardLatencyLog = { lastMoveAt: 0, frameStarts: [] };
  (window as unknown as { __cardLatency: CardLatencyLog }).__cardLatency = log;
  let lastPoint = '';
  addEventListener(
    'pointermove',
    (event) => {
      // Firefox also sends moves at an unchanged position when the content under the pointer
      // changes (as when the card appears): only a real move starts the hover.
      const point = `${event.clientX},${event.clientY}`;
      if (point === lastPoint) return;
      lastPoint = point;
      log.lastMoveAt = event.timeStamp;
    },
    true,
  );
  let shownBefore = false;
  const onFrame = (frameStart: number) => {
    setTimeout(() => {
      const dialog = document.querySelector('china-russia-lens-card')?.shadowRoot?.querySelector('[role="dialog"]');
      const shown =
        Boolean(dialog?.querySelector('h2')) && getComputedStyle(dialog as Element).visibility === 'visible';
      if (shown && !shownBefore) log.frameStarts.push(frameStart - log.lastMoveAt);
      shownBefore = shown;
    }, 0);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

/**
 * Is a card showing while the pointer has rested for less than `delayMs`? Undefined when the
 * check itself came too late to tell (a busy machine).
 */
export function cardShownEarly(delayMs: number): boolean | undefined {
  const log = (window as unknown as { __cardLatency: CardLatencyLog }).__cardLatency;
  if (performance.now() - log.lastMoveAt >= delayMs) return undefined;
  const dialog = document.querySelector('china-russia-lens-card')?.shadowRoot?.querySelector('[role="dialog"]');
  return Boolean(dialog) && getComputedStyle(dialog as Element).visibility === 'visible';
}

/** What `recordCardLatency` measured, per card opened (ms). */
export function cardLatencies(): number[] {
  return (window as unknown as { __cardLatency: CardLatencyLog }).__cardLatency.frameStarts;
}

/**
 * True when the card is open and visible (a card prepared out of sight during the hover delay
 * does not count), with this heading if one is given.
 */
export function cardIsOpen(heading?: string): boolean {
  const dialog = document.querySelector('china-russia-lens-card')?.shadowRoot?.querySelector('[role="dialog"]');
  const shownHeading = dialog?.querySelector('h2')?.textContent;
  if (!dialog || !shownHeading || getComputedStyle(dialog).visibility !== 'visible') return false;
  return heading === undefined || shownHeading === heading;
}

/** True once `recordCardLatency` has measured this many cards. */
export function cardsMeasured(count: number): boolean {
  return (window as unknown as { __cardLatency: CardLatencyLog }).__cardLatency.frameStarts.length >= count;
}

interface MainThreadLog {
  /** Gaps between consecutive heartbeats over 20 ms: [when it ended, length] (ms). */
  gaps: [number, number][];
}

/**
 * Init script: a heartbeat of zero-delay timers, from the first frames after load (before them
 * the page lays itself out, which on a huge page is one long task of its own). A task that runs
 * long (ours, or the page rendering our highlights) shows as a gap between two beats.
 */
export function recordMainThreadGaps(): void {
  const log: MainThreadLog = { gaps: [] };
  (window as unknown as { __mainThread: MainThreadLog }).__mainThread = log;
  const start = () => {
    let last = performance.now();
    const beat = () => {
      const now = performance.now();
      if (now - last > 20) log.gaps.push([now, now - last]);
      last = now;
      setTimeout(beat, 0);
    };
    setTimeout(beat, 0);
  };
  addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(start)));
}

export function mainThreadGaps(): [number, number][] {
  return (window as unknown as { __mainThread: MainThreadLog }).__mainThread.gaps;
}

/**
 * Viewport point over the middle of the first line of the `index`-th highlighted mention (in
 * document order), scrolled into view.
 */
export function pointOfMention(index: number): { x: number; y: number } {
  const ranges: AbstractRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('china-russia-lens-')) ranges.push(...(highlight as unknown as Iterable<AbstractRange>));
  }
  ranges.sort((a, b) => {
    const position = a.startContainer.compareDocumentPosition(b.startContainer);
    if (position & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
    if (position & Node.DOCUMENT_POSITION_PRECEDING) return 1;
    return a.startOffset - b.startOffset;
  });
  const mention = ranges[index];
  if (!mention) throw new Error(`no mention ${index}`);
  const range = document.createRange();
  range.setStart(mention.startContainer, mention.startOffset);
  range.setEnd(mention.endContainer, mention.endOffset);
  mention.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}
