/** Whether text on the page is shown: hidden text is neither counted, revealed nor given a card. */
import type { PageMention } from './annotate-page';

/** Does this range have a box on the page (hidden text has none)? */
export function hasBox(range: Range): boolean {
  return range.getClientRects().length > 0;
}

/**
 * A test of whether a mention's text is shown (not in a `display: none` or `visibility: hidden`
 * subtree), decided once per block.
 */
export function isVisible(): (mention: PageMention) => boolean {
  const seen = new Map<Element, boolean>();
  return (mention) => {
    let visible = seen.get(mention.element);
    if (visible === undefined) {
      const element = mention.element as Element & { checkVisibility?: (options?: object) => boolean };
      visible = element.checkVisibility?.({ visibilityProperty: true }) ?? true;
      seen.set(mention.element, visible);
    }
    return visible;
  };
}
