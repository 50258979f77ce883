/**
 * Paints mentions with the CSS Custom Highlight API: one named highlight per category, styled
 * by the manifest-declared stylesheet (a <style> we inject would be blocked by a strict CSP in
 * Firefox: w3c/webextensions#337). The page's DOM is never touched.
 */
import type { EntityType } from '../dataset/schema';

const HIGHLIGHT_PREFIX = 'china-russia-lens-';

function highlightName(type: EntityType): string {
  return `${HIGHLIGHT_PREFIX}${type}`;
}

export function canPaint(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

/**
 * The names we set, kept here because Firefox content scripts cannot iterate the page's
 * registry ("Xray wrapping of iterators not supported").
 */
const painted = new Set<string>();

/** Replaces our highlights with the given ranges, grouped by category. */
export function paintHighlights(rangesByType: ReadonlyMap<EntityType, readonly Range[]>): void {
  clearHighlights();
  for (const [type, ranges] of rangesByType) {
    if (ranges.length === 0) continue;
    const name = highlightName(type);
    CSS.highlights.set(name, new Highlight(...ranges));
    painted.add(name);
  }
}

export function clearHighlights(): void {
  for (const name of painted) CSS.highlights.delete(name);
  painted.clear();
}
