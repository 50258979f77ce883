/**
 * Which mention is under the pointer. The caret position at the point names a text node; only
 * the mentions touching that node are candidates, and one counts only if one of its client
 * rects contains the point (a caret snaps to the nearest text even past the end of a line).
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

function rectsContain(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

export class MentionTable {
  private readonly byNode = new Map<Node, PageMention[]>();
  private ordered: PageMention[] = [];

  /** All mentions, in document order. */
  get all(): readonly PageMention[] {
    return this.ordered;
  }

  replace(mentions: readonly PageMention[]): void {
    this.byNode.clear();
    this.ordered = [...mentions];
    for (const mention of this.ordered) {
      for (const node of mention.nodes) {
        const list = this.byNode.get(node);
        if (list) list.push(mention);
        else this.byNode.set(node, [mention]);
      }
    }
  }

  at(doc: Document, x: number, y: number): PageMention | undefined {
    const node = caretNodeAt(doc, x, y);
    const candidates = node && this.byNode.get(node);
    return candidates?.find((mention) => rectsContain(mention.range, x, y));
  }
}
