/**
 * Paints mentions with the CSS Custom Highlight API: one named highlight per style and colour
 * (this install's random names, utils/highlight-names.ts), styled by the rules the background
 * inserts. The page's DOM is never touched. The registry is the page's: a page that clears it
 * or deletes our entries gets them back (`restore`).
 *
 * Only mentions near the viewport are in the highlights: an IntersectionObserver watches the
 * elements that hold mentions and adds or removes their ranges as they come within a screen of
 * view. Browsers repaint every range of a highlight when it changes, so a page with thousands
 * of mentions would otherwise cost hundreds of milliseconds per paint (Firefox most).
 *
 * Each observed element costs in every report of the observer (Blink computes them all again
 * after each change of a highlight), so a long page's elements are observed a batch at a time,
 * in document order: the next batch when the reader comes near the last observed element, or
 * scrolls past it in one jump.
 */

/**
 * How far above and below the viewport mentions are already painted, in viewport heights, so
 * scrolling shows them at once.
 */
const PAINT_MARGIN_VIEWPORTS = 1;
/**
 * Elements observed at once. Far more than a screen's worth even of list items, and more than
 * most articles hold: only a long page is observed in batches.
 */
const ELEMENTS_PER_BATCH = 200;

export function canPaint(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/** A mention as the painter needs it: its range is asked for only when it comes near the viewport. */
interface Paintable {
  /** Undefined when its text has changed: nothing to paint. */
  readonly range: Range | undefined;
  /** The element holding it: what is watched for coming near the viewport. */
  readonly element: Element;
}

function isEmpty(rect: DOMRectReadOnly): boolean {
  return rect.width === 0 && rect.height === 0;
}

export class HighlightPainter<M extends Paintable> {
  /**
   * The highlights we registered, kept here because Firefox content scripts cannot iterate the
   * page's registry ("Xray wrapping of iterators not supported").
   */
  private readonly highlights = new Map<string, Highlight>();
  private byElement: ReadonlyMap<Element, readonly M[]> = new Map();
  /** The elements holding mentions, in document order. */
  private elements: readonly Element[] = [];
  /** The first this many of `elements` are observed (more as the reader goes down the page). */
  private batchEnd = 0;
  private observed = new Set<Element>();
  /** The mentions painted now (those near the viewport), with their range and highlight. */
  private readonly painted = new Map<M, { readonly range: Range; readonly highlight: string }>();
  /** Observed elements now within the paint margin of the viewport. */
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;
  private highlightOf: (mention: M) => string = () => '';
  /** Listening for scrolls while elements are left to observe. */
  private scrolling: AbortController | undefined;
  private lookPending = false;

  constructor() {
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), {
      rootMargin: `${PAINT_MARGIN_VIEWPORTS * 100}% 0px`,
    });
  }

  /**
   * Makes these the page's mentions, grouped by the element holding them (in document order),
   * each in the highlight `highlightOf` names: mentions that left are unpainted, new ones painted
   * when near. Only painted mentions are looked at again, so a long page's far mentions cost
   * nothing more. `byElement` must be a new map each time; it is kept.
   */
  replace(byElement: ReadonlyMap<Element, readonly M[]>, highlightOf: (mention: M) => string): void {
    this.highlightOf = highlightOf;
    // A mention that stays may change highlight (the reader picked another colour).
    for (const [mention, { highlight }] of this.painted) {
      if (!byElement.get(mention.element)?.includes(mention) || highlightOf(mention) !== highlight) {
        this.unpaint(mention);
      }
    }
    this.byElement = byElement;
    this.elements = [...byElement.keys()];
    // As far down the page as before (a change of the page or the settings is no reason to stop).
    this.batchEnd = Math.min(this.elements.length, Math.max(this.batchEnd, ELEMENTS_PER_BATCH));
    const observed = new Set(this.elements.slice(0, this.batchEnd));
    for (const element of this.observed) {
      if (observed.has(element)) continue;
      this.observer.unobserve(element);
      this.near.delete(element);
      // Still on the page but now past the batch (blocks were added above it): no longer watched.
      for (const mention of byElement.get(element) ?? []) this.unpaint(mention);
    }
    for (const element of observed) if (!this.observed.has(element)) this.observer.observe(element);
    this.observed = observed;
    // Near already: its intersection will not change, so its new mentions are painted now.
    for (const element of this.near) for (const mention of byElement.get(element) ?? []) this.paint(mention);
    this.watchScrolling();
    // The page may have opened scrolled down, past the first batch.
    this.lookSoon();
  }

  clear(): void {
    this.observer.disconnect();
    this.scrolling?.abort();
    this.scrolling = undefined;
    this.byElement = new Map();
    this.elements = [];
    this.batchEnd = 0;
    this.observed = new Set();
    this.painted.clear();
    this.near.clear();
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
  }

  /**
   * Registers again any of our highlights the page removed from the registry (or replaced);
   * returns whether any was. Cheap: one lookup per highlight of ours.
   */
  restore(): boolean {
    let restored = false;
    for (const [name, highlight] of this.highlights) {
      if (CSS.highlights.get(name) === highlight) continue;
      CSS.highlights.set(name, highlight);
      restored = true;
    }
    return restored;
  }

  /** The last observed element, while there are more to observe after it. */
  private get lastObserved(): Element | undefined {
    return this.batchEnd < this.elements.length ? this.elements[this.batchEnd - 1] : undefined;
  }

  /** While elements are unobserved, listens for scrolls (anywhere: a page may scroll inside an element). */
  private watchScrolling(): void {
    if (this.lastObserved === undefined) {
      this.scrolling?.abort();
      this.scrolling = undefined;
      return;
    }
    if (this.scrolling) return;
    this.scrolling = new AbortController();
    document.addEventListener('scroll', () => this.lookSoon(), {
      capture: true,
      passive: true,
      signal: this.scrolling.signal,
    });
  }

  /**
   * At the next frame, observes more batches while the reader is near or past the last observed
   * element: the one place batches are added.
   */
  private lookSoon(): void {
    if (this.lookPending || this.lastObserved === undefined) return;
    this.lookPending = true;
    requestAnimationFrame(() => {
      this.lookPending = false;
      // A jump (a link to an anchor, the End key) passes the last element without the observer
      // reporting it: it was far below and is now far above. One rectangle per look tells.
      for (let last = this.lastObserved; last; last = this.lastObserved) {
        if (last.getBoundingClientRect().top > (1 + PAINT_MARGIN_VIEWPORTS) * window.innerHeight) break;
        this.observeNextBatch();
      }
    });
  }

  private observeNextBatch(): void {
    const end = Math.min(this.elements.length, this.batchEnd + ELEMENTS_PER_BATCH);
    for (const element of this.elements.slice(this.batchEnd, end)) {
      this.observer.observe(element);
      this.observed.add(element);
    }
    this.batchEnd = end;
    this.watchScrolling();
  }

  private onIntersection(entries: readonly IntersectionObserverEntry[]): void {
    const last = this.lastObserved;
    for (const entry of entries) {
      // An element without a box (display: contents) never intersects: paint its text anyway.
      // The entry's rectangle says so (an empty one) at a third of the cost of asking the
      // element (`offsetParent`), which the first report, covering every element, made add up.
      const isNear = entry.isIntersecting || isEmpty(entry.boundingClientRect);
      // Only a change of side paints or unpaints: the first report covers every element, most
      // of them far away and never painted.
      if (isNear === this.near.has(entry.target)) continue;
      const list = this.byElement.get(entry.target);
      // A report queued before the element was let go.
      if (!list || !this.observed.has(entry.target)) continue;
      if (isNear) this.near.add(entry.target);
      else this.near.delete(entry.target);
      for (const mention of list) {
        if (isNear) this.paint(mention);
        else this.unpaint(mention);
      }
      if (isNear && entry.target === last) this.lookSoon();
    }
  }

  private highlightFor(name: string): Highlight {
    let highlight = this.highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      CSS.highlights.set(name, highlight);
      this.highlights.set(name, highlight);
    }
    return highlight;
  }

  private paint(mention: M): void {
    if (this.painted.has(mention)) return;
    const range = mention.range;
    if (!range) return;
    const highlight = this.highlightOf(mention);
    this.highlightFor(highlight).add(range);
    this.painted.set(mention, { range, highlight });
  }

  private unpaint(mention: M): void {
    const painted = this.painted.get(mention);
    if (!painted) return;
    this.highlights.get(painted.highlight)?.delete(painted.range);
    this.painted.delete(mention);
  }
}
