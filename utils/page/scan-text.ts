/**
 * Turns a document or subtree into text segments, one per block, joining the text of inline
 * elements so "Power of <em>Siberia</em>" is one string for the matcher. Each segment keeps its
 * text nodes, so an offset in the segment maps back to a DOM Range. Reads only; never changes
 * the page.
 */

/** Elements whose text is never read: code, form fields, editors, and anything hidden by nature. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'video',
  'audio',
  'head',
  'title',
]);

/**
 * Elements that flow inside a line: their text joins the surrounding block's segment. The most
 * common on real pages come first: the scan's selector tries a `:not()` list in order, and with
 * these first its query took half as long on the benchmark page.
 */
const INLINE_TAGS = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'abbr',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'font',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  'big',
  'nobr',
  'tt',
]);

// Node types spelled out, so the scanner also runs on a DOM without these globals
// (the annotate command parses HTML files with linkedom in Node).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_FRAGMENT_NODE = 11;

const SKIPPED_BY_ATTRIBUTE = `[contenteditable]:not([contenteditable="false"]), [aria-hidden="true"]:not(body)`;

/**
 * Every element that is not inline markup: blocks, line breaks, elements skipped by name. An
 * element with none of these inside (and no element skipped by attribute) holds only text and
 * inline markup, so its `textContent` is exactly its part of a segment. (One `:not()` list
 * alone: with the attribute selectors joined in, the query took half as long again.)
 */
const NOT_INLINE = `:not(${[...INLINE_TAGS].join(', ')})`;

/** A run of a segment: a text node, or an element whose whole text (all inline) belongs to it. */
type Piece = Text | Element;

interface NodeLayout {
  readonly nodes: readonly Text[];
  /** Offset in the segment's text where each node's data starts. */
  readonly offsets: readonly number[];
}

/**
 * The text of one block, inline elements joined. Its text nodes are read from the DOM only when
 * a range is wanted (`spanOf`): the scan takes the text of plain inline runs from `textContent`,
 * one call into the browser instead of one per node, and most mentions on a long page are
 * never painted or hovered.
 */
export class TextSegment {
  private layout: NodeLayout | undefined;

  constructor(
    readonly text: string,
    /** The nearest block holding all of the segment's text. */
    readonly block: Element,
    private readonly pieces: readonly Piece[],
    /** The page's shadow root the text is in, if it is in one. */
    readonly shadowRoot?: ShadowRoot,
  ) {}

  /**
   * The segment's text nodes (non-empty), in order, with where each starts in `text`; none if
   * the text has changed since the scan.
   */
  nodeLayout(): NodeLayout {
    if (this.layout) return this.layout;
    const nodes: Text[] = [];
    const offsets: number[] = [];
    let length = 0;
    const add = (node: Node) => {
      if (node.nodeType === TEXT_NODE) {
        const size = (node as Text).data.length;
        if (size === 0) return;
        nodes.push(node as Text);
        offsets.push(length);
        length += size;
        return;
      }
      for (let child = node.firstChild; child; child = child.nextSibling) add(child);
    };
    for (const piece of this.pieces) add(piece);
    // Read later than the text: if the page changed it meanwhile, offsets would point elsewhere.
    const unchanged = nodes.map((node) => node.data).join('') === this.text;
    this.layout = unchanged ? { nodes, offsets } : { nodes: [], offsets: [] };
    return this.layout;
  }
}

/**
 * Decided from the element alone (its name and attributes), never from computed style:
 * style-dependent reads like `isContentEditable` can force the page to compute its styles. A
 * skipped element's whole subtree is skipped, so an editor's inner elements need no check.
 */
function isSkipped(element: Element): boolean {
  const name = element.localName;
  if (SKIPPED_TAGS.has(name)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return name !== 'body' && element.getAttribute('aria-hidden') === 'true';
}

function isInline(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && INLINE_TAGS.has((node as Element).localName);
}

/** Index of the first element of `list`, from `from` on, that `element` does not contain. */
function indexAfter(element: Element, list: readonly Element[], from: number): number {
  // The elements inside `element` come first and in a row (document order): binary search.
  let low = from;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (element.contains(list[mid] as Element)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Yields the segments under `root` in document order. A generator, so callers can work in
 * slices and yield to the page between them.
 *
 * Each DOM read from a content script is a call into the browser, and a long page has 100,000
 * nodes, so the walk reads as few as it can: one selector query finds every element that is
 * not inline markup (blocks, line breaks, skipped elements), another those skipped by attribute. The walk visits those and
 * the children of blocks that hold other blocks; an element with none of them inside (a
 * paragraph, a link) gives its text with one `textContent` read, and its text nodes are left
 * alone until a range needs them.
 */
export function* scanSegments(root: Node, options: ScanOptions = {}): Generator<TextSegment> {
  const shadowRoot = options.shadowRoot ?? shadowRootHolding(root);
  // A shadow root itself (a change right under it): each of its children is a root of its own.
  if (root.nodeType === DOCUMENT_FRAGMENT_NODE) {
    if (!isShadowRoot(root)) return;
    for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
      yield* scanSegments(child, { ...options, shadowRoot: root });
    }
    return;
  }
  // The root itself may sit inside a skipped element (a mutation inside an editor).
  for (let ancestor = root.parentElement; ancestor; ancestor = ancestor.parentElement) {
    if (isSkipped(ancestor)) return;
  }
  if (root.nodeType === ELEMENT_NODE && isSkipped(root as Element)) return;
  if ((root.ownerDocument as Document | null)?.designMode === 'on') return;
  if (root.nodeType === TEXT_NODE) {
    const text = (root as Text).data;
    const block = root.parentElement;
    if (block && /\S/.test(text)) yield new TextSegment(text, block, [root as Text], shadowRoot);
    return;
  }
  const query = (root as Partial<ParentNode>).querySelectorAll;
  if (root.nodeType !== ELEMENT_NODE || typeof query !== 'function') return;
  // Copied out of the NodeList once: each of its reads is a call into the browser, and the walk
  // looks at the next marked element more than once per element.
  const marked: Element[] = Array.from(query.call(root, NOT_INLINE) as NodeListOf<Element>);
  const skipped = new Set<Node>(query.call(root, SKIPPED_BY_ATTRIBUTE));
  // Elements holding one skipped by attribute (an `aria-hidden` icon in a paragraph) are walked
  // into, not read whole. Few pages have many such elements.
  const holdsSkipped = new Set<Node>();
  for (const element of skipped) {
    for (let parent = element.parentNode; parent && parent !== root && !holdsSkipped.has(parent); ) {
      holdsSkipped.add(parent);
      parent = parent.parentNode;
    }
  }
  let next = 0;
  /** Shadow hosts met on the walk (not inside skipped elements). */
  const hosts: Element[] = root.nodeType === ELEMENT_NODE && shadowRootOf(root as Element) ? [root as Element] : [];

  let pieces: Piece[] = [];
  let parts: string[] = [];
  let segmentBlock: Element | undefined;
  const flush = (): TextSegment | undefined => {
    const text = parts.length === 1 ? (parts[0] as string) : parts.join('');
    const segment =
      segmentBlock !== undefined && /\S/.test(text)
        ? new TextSegment(text, segmentBlock, pieces, shadowRoot)
        : undefined;
    pieces = [];
    parts = [];
    return segment;
  };

  // Text under the same block, inline elements included, forms one segment; text in another
  // block (even one nested inside this one) or after a line break starts a new one.
  const blocks: Element[] = [];
  let block = root as Element;
  let node: Node | null = root.firstChild;
  while (node) {
    let piece: Piece | undefined;
    let pieceText = '';
    let pieceBlock = block;
    /** Set when the walk goes into the element: the block its content belongs to. */
    let innerBlock: Element | undefined;
    const type = node.nodeType;
    if (type === TEXT_NODE) {
      piece = node as Text;
      pieceText = (node as Text).data;
    } else if (type === ELEMENT_NODE) {
      const element = node as Element;
      const isMarked = element === marked[next];
      if (isMarked) next++;
      const name = isMarked ? element.localName : '';
      // A host's open shadow root is scanned after the walk (not one inside a skipped element).
      if (isMarked && !SKIPPED_TAGS.has(name) && !skipped.has(element) && shadowRootOf(element)) hosts.push(element);
      if (name === 'br') {
        const segment = flush();
        if (segment) yield segment;
      } else if (SKIPPED_TAGS.has(name) || skipped.has(element)) {
        next = indexAfter(element, marked, next);
      } else if (holdsSkipped.has(element) || (next < marked.length && element.contains(marked[next] as Element))) {
        // It holds another block or a skipped element. Marked means not inline: a block of its own.
        innerBlock = isMarked ? element : block;
      } else {
        piece = element;
        pieceText = element.textContent ?? '';
        if (isMarked) pieceBlock = element;
      }
    }
    if (piece && pieceText.length > 0) {
      if (segmentBlock !== undefined && pieceBlock !== segmentBlock) {
        const segment = flush();
        if (segment) yield segment;
      }
      segmentBlock = pieceBlock;
      pieces.push(piece);
      parts.push(pieceText);
    }
    if (innerBlock) {
      blocks.push(block);
      block = innerBlock;
      node = node.firstChild;
      continue;
    }
    // Next: the sibling, or the sibling of the nearest ancestor that has one (leaving blocks).
    let after: Node | null = node.nextSibling;
    while (!after) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) break;
      node = parent;
      block = blocks.pop() ?? (root as Element);
      after = node.nextSibling;
    }
    node = after;
  }
  const last = flush();
  if (last) yield last;
  // The page's open shadow roots (a closed one is null here, ours included): their text is the
  // page's too. Each child of the root is scanned as a root of its own.
  for (const host of hosts) {
    const hostRoot = shadowRootOf(host);
    if (!hostRoot) continue;
    options.onShadowRoot?.(hostRoot);
    yield* scanSegments(hostRoot, options);
  }
}

export interface ScanOptions {
  /** The page's shadow root `root` is in (found from `root` when not given). */
  readonly shadowRoot?: ShadowRoot;
  /** Called with each open shadow root the scan reads (with text or not yet), to watch it. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === DOCUMENT_FRAGMENT_NODE && (node as Partial<ShadowRoot>).host !== undefined;
}

/** The shadow root a node is in, if it is in one. */
function shadowRootHolding(node: Node): ShadowRoot | undefined {
  const root = node.getRootNode?.();
  return root && isShadowRoot(root) ? root : undefined;
}

/** An element's open shadow root (null for none or a closed one; undefined where the DOM has none). */
function shadowRootOf(element: Element): ShadowRoot | null | undefined {
  return (element as Partial<Pick<Element, 'shadowRoot'>>).shadowRoot;
}

/** Where [start, end) of a segment's text is in the DOM: its Range. */
export function spanOf(segment: TextSegment, start: number, end: number): Range | undefined {
  const layout = segment.nodeLayout();
  const startAt = locate(layout, start, false);
  const endAt = locate(layout, end, true);
  if (startAt === undefined || endAt === undefined) return undefined;
  const startNode = layout.nodes[startAt] as Text;
  const endNode = layout.nodes[endAt] as Text;
  const range = (startNode.ownerDocument as Document).createRange();
  range.setStart(startNode, start - (layout.offsets[startAt] as number));
  range.setEnd(endNode, end - (layout.offsets[endAt] as number));
  return range;
}

/**
 * Index of the node holding a segment offset; at a node boundary, `preferEnd` picks the earlier
 * node. Undefined when the node's text has since become shorter than the offset.
 */
function locate({ offsets, nodes }: NodeLayout, offset: number, preferEnd: boolean): number | undefined {
  let low = 0;
  let high = offsets.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const midOffset = offsets[mid] as number;
    if (midOffset < offset || (!preferEnd && midOffset === offset)) low = mid;
    else high = mid - 1;
  }
  const node = nodes[low];
  if (!node) return undefined;
  const local = offset - (offsets[low] as number);
  return local < 0 || local > node.data.length ? undefined : low;
}

/**
 * The blocks to rescan for a set of changed nodes: each node's nearest block ancestor (so a
 * name split across inline elements is read whole), without blocks inside other blocks and
 * without nodes that have left the page.
 */
export function blockRootsOf(changed: readonly Node[]): Node[] {
  const blocks = new Set<Node>();
  for (const node of changed) {
    if (!node.isConnected) continue;
    let block: Node | null = node.nodeType === ELEMENT_NODE ? node : node.parentNode;
    while (block && isInline(block) && block.parentNode) {
      block = block.parentNode;
    }
    if (block) blocks.add(block);
  }
  return outermost([...blocks]);
}

/** The nodes that are not inside another of them. */
export function outermost(nodes: readonly Node[]): Node[] {
  return nodes.filter((node) => !nodes.some((other) => other !== node && other.contains(node)));
}
