/**
 * Paints mentions with the CSS Custom Highlight API: one named highlight per style and colour,
 * styled by the manifest-declared stylesheet (a <style> we inject would be blocked by a strict CSP in
 * Firefox: w3c/webextensions#337). The page's DOM is never touched.
 *
 * Only mentions near the viewport are in the highlights: an IntersectionObserver watches the
 * elements that hold mentions and adds or removes their ranges as they come within a screen of
 * view. Browsers repaint every range of a highlight when it changes, so a page with thousands
 * of mentions would otherwise cost hundreds of milliseconds per paint (Firefox most).
 */
import type { HighlightColor, Settings } from '../settings';

const HIGHLIGHT_PREFIX = 'china-russia-lens-';

/** How far outside the viewport mentions are already painted, so scrolling shows them at once. */
const PAINT_MARGIN = '100% 0px';

/** The highlight (a rule in entrypoints/highlights.content.css) for a style and colour. */
export function highlightName(style: Settings['style'], color: HighlightColor): string {
  return `${HIGHLIGHT_PREFIX}${style}-${color}`;
}

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
  /** The mentions painted now (those near the viewport), with their range and highlight. */
  private readonly painted = new Map<M, { readonly range: Range; readonly highlight: string }>();
  /** Observed elements now within the paint margin of the viewport. */
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;
  private highlightOf: (mention: M) => string = () => '';

  constructor() {
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: PAINT_MARGIN });
  }

  /**
   * Makes these the page's mentions, grouped by the element holding them, each in the highlight
   * `highlightOf` names: mentions that left are unpainted, new ones painted when near. Only
   * painted mentions are looked at again, so a long page's far mentions cost nothing more.
   * `byElement` must be a new map each time; it is kept.
   */
  replace(byElement: ReadonlyMap<Element, readonly M[]>, highlightOf: (mention: M) => string): void {
    this.highlightOf = highlightOf;
    // A mention that stays may change highlight (the reader picked another colour).
    for (const [mention, { highlight }] of this.painted) {
      if (!byElement.get(mention.element)?.includes(mention) || highlightOf(mention) !== highlight) {
        this.unpaint(mention);
      }
    }
    for (const element of this.byElement.keys()) {
      if (byElement.has(element)) continue;
      this.observer.unobserve(element);
      this.near.delete(element);
    }
    for (const element of byElement.keys()) if (!this.byElement.has(element)) this.observer.observe(element);
    this.byElement = byElement;
    // Near already: its intersection will not change, so its new mentions are painted now.
    for (const element of this.near) for (const mention of byElement.get(element) ?? []) this.paint(mention);
  }

  clear(): void {
    this.observer.disconnect();
    this.byElement = new Map();
    this.painted.clear();
    this.near.clear();
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
  }

  private onIntersection(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const list = this.byElement.get(entry.target);
      if (!list) continue;
      // An element without a box (display: contents) never intersects: paint its text anyway.
      // The entry's rectangle says so (an empty one) at a third of the cost of asking the
      // element (`offsetParent`), which the first report, covering every element, made add up.
      const isNear = entry.isIntersecting || isEmpty(entry.boundingClientRect);
      // Only a change of side paints or unpaints: the first report covers every element, most
      // of them far away and never painted.
      if (isNear === this.near.has(entry.target)) continue;
      if (isNear) this.near.add(entry.target);
      else this.near.delete(entry.target);
      for (const mention of list) {
        if (isNear) this.paint(mention);
        else this.unpaint(mention);
      }
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
