import type { CardSnapshot, ProbeCommand, ProbeState } from './probe/probe-state';

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

// Highlights a page registers itself carry the prefix `page-` in the fixtures; every other entry
// in the registry is ours (its names are random per install, so the tests cannot know them).

/** Is any of our highlights painted over text inside the first element matching `selector`? */
export function highlightedWithin(selector: string): boolean {
  const scope = document.querySelector(selector);
  if (!scope) return false;
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('page-')) continue;
    for (const range of highlight as unknown as Iterable<AbstractRange>) {
      if (scope.contains(range.startContainer)) return true;
    }
  }
  return false;
}

/** True once the content script has painted at least one of our highlights. */
export function hasLensHighlights(): boolean {
  return [...CSS.highlights].some(([name, highlight]) => !name.startsWith('page-') && highlight.size > 0);
}

/** How many ranges our highlights hold. */
export function lensHighlightCount(): number {
  let count = 0;
  for (const [name, highlight] of CSS.highlights) if (!name.startsWith('page-')) count += highlight.size;
  return count;
}

/**
 * The card as the probe extension (harness/probe/probe.ts) sees it: the card's shadow root is
 * closed, so the page, and the tests' page-side code, cannot look inside.
 */
export function probedCard(): CardSnapshot | null {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  return json ? (JSON.parse(json) as ProbeState).card : null;
}

/** In the page: is the card open with this background colour (a computed `rgb(…)`)? */
export function cardBackgroundIs(background: string): boolean {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  return json ? (JSON.parse(json) as ProbeState).card?.background === background : false;
}

/**
 * Is a card showing while the pointer has rested for less than `delayMs`? Undefined when the
 * check itself came too late to tell (a busy machine).
 */
export function cardShownEarly(delayMs: number): boolean | undefined {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  const state = json ? (JSON.parse(json) as ProbeState) : undefined;
  if (!state || performance.now() - state.lastMoveAt >= delayMs) return undefined;
  return state.card?.visible === true;
}

/** Per card opened, the time from the pointer's rest to the frame that first painted it (ms). */
export function cardLatencies(): number[] {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  return json ? (JSON.parse(json) as ProbeState).latencies : [];
}

/**
 * True when the card is open and visible (a card prepared out of sight during the hover delay
 * does not count), with this heading if one is given.
 */
export function cardIsOpen(heading?: string): boolean {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  const card = json ? (JSON.parse(json) as ProbeState).card : null;
  if (!card?.visible || !card.heading) return false;
  return heading === undefined || card.heading === heading;
}

/** True when no card (nor its host) is there, as the probe sees it. */
export function cardIsClosed(): boolean {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  return json !== undefined && (JSON.parse(json) as ProbeState).card === null;
}

/** True once this many cards have been measured. */
export function cardsMeasured(count: number): boolean {
  const json = (window as unknown as { __lensProbe?: string }).__lensProbe;
  return json !== undefined && (JSON.parse(json) as ProbeState).latencies.length >= count;
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
    if (!name.startsWith('page-')) ranges.push(...(highlight as unknown as Iterable<AbstractRange>));
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

/** Sends the probe extension a command (harness/probe/probe.ts). */
export function probeCommand(command: ProbeCommand): void {
  document.dispatchEvent(new CustomEvent('lens-probe-command', { detail: JSON.stringify(command) }));
}
