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

/** The highlight (a rule in entrypoints/content/highlights.css) for a style and colour. */
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

export interface PaintedMention {
  readonly mention: Paintable;
  /** Its highlight's name (`highlightName`). */
  readonly highlight: string;
}

export class HighlightPainter {
  /**
   * The highlights we registered, kept here because Firefox content scripts cannot iterate the
   * page's registry ("Xray wrapping of iterators not supported").
   */
  private readonly highlights = new Map<string, Highlight>();
  private readonly byElement = new Map<Element, PaintedMention[]>();
  /** Observed elements now within the paint margin of the viewport. */
  private readonly near = new Set<Element>();
  private readonly observer: IntersectionObserver;

  constructor() {
    this.observer = new IntersectionObserver((entries) => this.onIntersection(entries), { rootMargin: PAINT_MARGIN });
  }

  /** Makes these the page's mentions: ranges that left are unpainted, new ones painted when near. */
  replace(mentions: readonly PaintedMention[]): void {
    const next = new Map<Element, PaintedMention[]>();
    const nextHighlight = new Map<Paintable, string>();
    for (const painted of mentions) {
      const { element } = painted.mention;
      const list = next.get(element);
      if (list) list.push(painted);
      else next.set(element, [painted]);
      nextHighlight.set(painted.mention, painted.highlight);
    }
    for (const [element, list] of this.byElement) {
      // Only mentions near the viewport are painted. One that stays may change highlight (the
      // reader picked another colour).
      if (this.near.has(element)) {
        for (const painted of list) {
          if (nextHighlight.get(painted.mention) !== painted.highlight) this.unpaint(painted);
        }
      }
      if (!next.has(element)) {
        this.observer.unobserve(element);
        this.near.delete(element);
      }
    }
    for (const element of next.keys()) if (!this.byElement.has(element)) this.observer.observe(element);
    this.byElement.clear();
    for (const [element, list] of next) {
      this.byElement.set(element, list);
      // Near already: its intersection will not change, so its new ranges are painted now.
      if (this.near.has(element)) for (const mention of list) this.paint(mention);
    }
  }

  clear(): void {
    this.observer.disconnect();
    this.byElement.clear();
    this.near.clear();
    for (const name of this.highlights.keys()) CSS.highlights.delete(name);
    this.highlights.clear();
  }

  private onIntersection(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const list = this.byElement.get(entry.target);
      if (!list) continue;
      // An element without a box (display: contents) never intersects: paint its text anyway.
      const boxless = entry.boundingClientRect.width === 0 && entry.boundingClientRect.height === 0;
      const isNear = entry.isIntersecting || boxless;
      // Only a change of side paints or unpaints: the first report covers every element, most
      // of them far away and never painted.
      if (isNear === this.near.has(entry.target)) continue;
      if (isNear) this.near.add(entry.target);
      else this.near.delete(entry.target);
      for (const painted of list) {
        if (isNear) this.paint(painted);
        else this.unpaint(painted);
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

  private paint({ mention, highlight }: PaintedMention): void {
    const range = mention.range;
    if (range) this.highlightFor(highlight).add(range);
  }

  private unpaint({ mention, highlight }: PaintedMention): void {
    const range = mention.range;
    if (range) this.highlights.get(highlight)?.delete(range);
  }
}
