/**
 * Reading the start of a page's text cheaply: the scout asks about a long page in parts, from
 * the top, and most pages that mention something do so early.
 */

// Node types spelled out, so this also runs on a DOM without these globals (linkedom in tests).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
/** `NodeFilter.SHOW_ELEMENT`. */
const SHOW_ELEMENT = 0x1;

/** An element with more children than this is read a child at a time. */
const READ_THROUGH_CHILDREN = 16;
/**
 * A root with at most this many elements is read in one call: its text is short enough to copy
 * whole, and reading it a child at a time costs a call per child (the cost of a content script's
 * DOM calls is in the calls, not in the characters).
 */
export const READ_WHOLE_ELEMENTS = 3_000;

/**
 * Every element under a root, as the browser's live collection, kept per root: the browser keeps
 * its count until the tree under the root changes, so the scout's second look (for shadow roots,
 * after the text) does not count the page again.
 */
const elementsUnder = new WeakMap<Element, HTMLCollectionOf<Element>>();

/** How many elements `root` holds (natively counted; again only after the tree changed). */
function elementCount(root: Element): number {
  let elements = elementsUnder.get(root);
  if (!elements) {
    elements = root.getElementsByTagName('*');
    elementsUnder.set(root, elements);
  }
  return elements.length;
}

export interface PageText {
  readonly text: string;
  /** `text` is all of it. */
  readonly complete: boolean;
}

/**
 * The start of `root`'s text content, at least `atLeast` characters of it (all of it if shorter):
 * the same text as `root.textContent`. A large root is read a child at a time, and through any
 * child with many children of its own (an article's paragraphs), so a long page is not read to
 * its end.
 */
export function textOf(root: Element, atLeast: number): PageText {
  if (atLeast === Number.POSITIVE_INFINITY || elementCount(root) <= READ_WHOLE_ELEMENTS) {
    return { text: root.textContent ?? '', complete: true };
  }
  const parts: string[] = [];
  let length = 0;
  const read = (parent: Node): boolean => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (length >= atLeast) return false;
      const type = child.nodeType;
      if (type === ELEMENT_NODE && (child as Element).childElementCount > READ_THROUGH_CHILDREN) {
        if (!read(child)) return false;
      } else if (type === ELEMENT_NODE || type === TEXT_NODE || type === CDATA_SECTION_NODE) {
        const text = child.textContent ?? '';
        parts.push(text);
        length += text.length;
      }
    }
    return true;
  };
  const complete = read(root);
  return { text: parts.join(''), complete };
}

/**
 * Paragraphs in a page's own tree that show its prose is there: an article rendered in shadow
 * roots leaves few of them outside (a footer's, a banner's).
 */
export const LIGHT_PROSE_PARAGRAPHS = 10;

/**
 * The page's open shadow roots under `root` (and inside them), for a page that may render its
 * text in them: one whose own tree is small (at most `READ_WHOLE_ELEMENTS` elements in all) and
 * holds fewer than `LIGHT_PROSE_PARAGRAPHS` paragraphs. On any other page `textContent` has the
 * text, and looking would cost every page that names nothing a visit to each of its elements
 * (~2 ms for 1,200 elements from a content script, docs/BENCHMARKS.md).
 */
export function openShadowRoots(root: Element): ShadowRoot[] {
  // Counting is native and cheap; visiting each element from a content script is not.
  if (elementCount(root) > READ_WHOLE_ELEMENTS) return [];
  if (root.getElementsByTagName('p').length >= LIGHT_PROSE_PARAGRAPHS) return [];
  const found: ShadowRoot[] = [];
  let budget = READ_WHOLE_ELEMENTS;
  // A tree walker visits every element at about half the cost of iterating
  // `querySelectorAll('*')` in a page's first run of this code (docs/BENCHMARKS.md).
  const look = (scope: Element | ShadowRoot): boolean => {
    const walker = (scope.ownerDocument ?? document).createTreeWalker(scope, SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (--budget < 0) return false;
      const shadow = (node as Partial<Pick<Element, 'shadowRoot'>>).shadowRoot;
      if (!shadow) continue;
      found.push(shadow);
      if (!look(shadow)) return false;
    }
    return true;
  };
  return look(root) ? found : [];
}
