/**
 * Which mention is under the pointer. The caret position at the point names a text node; only
 * the mentions of the blocks holding that node are candidates, and one counts only if one of
 * its client rects contains the point (a caret snaps to the nearest text even past the end of
 * a line). In the page's open shadow roots that hold mentions, the element at the point is
 * looked up root by root (a caret in the document stops at their host in Chromium).
 */
import type { PageMention } from './annotate-page';

/**
 * The node the caret would sit in at a point: `caretPositionFromPoint` (Firefox, Chromium 128+)
 * or the older WebKit `caretRangeFromPoint`.
 */
function caretNodeAt(doc: Document, x: number, y: number): Node | undefined {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    return withPosition.caretPositionFromPoint(x, y)?.offsetNode;
  }
  return doc.caretRangeFromPoint?.(x, y)?.startContainer;
}

function rectsContain(range: Range | undefined, x: number, y: number): boolean {
  if (!range) return false;
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

const DOCUMENT_FRAGMENT_NODE = 11;
/** How deep shadow roots inside shadow roots are looked into. */
const MAX_SHADOW_DEPTH = 8;

export class MentionTable {
  private blocks = new Map<Element, PageMention[]>();
  private ordered: readonly PageMention[] = [];
  /** The page's shadow roots holding shown mentions. */
  private shadowRoots = new Set<ShadowRoot>();

  /** All mentions, in document order. */
  get all(): readonly PageMention[] {
    return this.ordered;
  }

  /** The mentions of each block that holds any (a new map at every `replace`; the painter's too). */
  get byBlock(): ReadonlyMap<Element, readonly PageMention[]> {
    return this.blocks;
  }

  /**
   * The mentions `isShown` keeps (all without it), in one pass: a long page has thousands, and
   * this code runs before it is optimised. An indexed loop: `for…of` took two to four times as
   * long in a content script (9,901 mentions: 3–11 ms against 1.7–3).
   */
  replace(mentions: readonly PageMention[], isShown?: (mention: PageMention) => boolean): void {
    const kept: PageMention[] = [];
    this.blocks = new Map();
    this.shadowRoots = new Set();
    // Mentions come in document order, so a block's mentions are usually in a row: the map is
    // looked up once per run, not once per mention.
    let block: Element | undefined;
    let list: PageMention[] = [];
    for (let index = 0; index < mentions.length; index++) {
      const mention = mentions[index] as PageMention;
      if (isShown) {
        if (!isShown(mention)) continue;
        kept.push(mention);
      }
      if (mention.element !== block) {
        block = mention.element;
        // Its root, and the roots around that one's host, are looked into.
        for (let root = mention.shadowRoot; root && !this.shadowRoots.has(root); ) {
          this.shadowRoots.add(root);
          const outer = root.host.getRootNode();
          root = outer.nodeType === DOCUMENT_FRAGMENT_NODE ? (outer as ShadowRoot) : undefined;
        }
        const known = this.blocks.get(block);
        list = known ?? [];
        if (!known) this.blocks.set(block, list);
      }
      list.push(mention);
    }
    this.ordered = isShown ? kept : mentions;
  }

  at(doc: Document, x: number, y: number): PageMention | undefined {
    const found = this.around(caretNodeAt(doc, x, y), x, y);
    if (found || this.shadowRoots.size === 0) return found;
    let root: Document | ShadowRoot = doc;
    for (let depth = 0; depth < MAX_SHADOW_DEPTH; depth++) {
      const element: Element | null = root.elementFromPoint(x, y);
      const inner: ShadowRoot | null | undefined = element?.shadowRoot;
      if (!element || !inner || !this.shadowRoots.has(inner))
        return root === doc ? undefined : this.around(element, x, y);
      root = inner;
    }
    return undefined;
  }

  /** The mention at the point in the blocks holding `node`. */
  private around(node: Node | null | undefined, x: number, y: number): PageMention | undefined {
    // Blocks nest: the text's own block may hold none of the mentions, an outer one may.
    for (let at = node; at; at = at.parentNode) {
      const found = this.blocks.get(at as Element)?.find((mention) => rectsContain(mention.range, x, y));
      if (found) return found;
    }
    return undefined;
  }
}
