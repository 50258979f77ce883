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

/** Elements that flow inside a line: their text joins the surrounding block's segment. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'span',
  'strong',
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

/** Our own UI is marked with this attribute and never scanned. */
const OWN_UI_ATTRIBUTE = 'data-china-russia-lens';

export interface TextSegment {
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Offset in `text` where each node's data starts. */
  readonly offsets: readonly number[];
}

/**
 * Decided from the element alone (its name and attributes), never from computed style: the scan
 * reads each element once, and style-dependent reads like `isContentEditable` can force the page
 * to compute its styles. A skipped element's whole subtree is skipped, so an editor's inner
 * elements need no check of their own.
 */
function isSkipped(element: Element): boolean {
  const name = element.localName;
  if (SKIPPED_TAGS.has(name)) return true;
  if (element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return name !== 'body' && element.getAttribute('aria-hidden') === 'true';
}

/** Elements under `root` skipped for their attributes, found by one selector query (not node by node). */
function skippedWithin(root: Node): Set<Node> {
  const query = (root as Partial<ParentNode>).querySelectorAll;
  if (typeof query !== 'function') return new Set();
  return new Set(query.call(root, SKIPPED_BY_ATTRIBUTE));
}

const SKIPPED_BY_ATTRIBUTE = `[contenteditable]:not([contenteditable="false"]), [aria-hidden="true"]:not(body), [${OWN_UI_ATTRIBUTE}]`;

function isInline(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && INLINE_TAGS.has((node as Element).localName);
}

/**
 * Yields the segments under `root` in document order. A generator, so callers can work in
 * slices and yield to the page between them.
 */
export function* scanSegments(root: Node): Generator<TextSegment> {
  // The root itself may sit inside a skipped element (a mutation inside an editor).
  for (let ancestor = root.parentElement; ancestor; ancestor = ancestor.parentElement) {
    if (isSkipped(ancestor)) return;
  }
  if (root.nodeType === ELEMENT_NODE && isSkipped(root as Element)) return;
  if ((root.ownerDocument as Document | null)?.designMode === 'on') return;
  let nodes: Text[] = [];
  let offsets: number[] = [];
  let parts: string[] = [];
  let length = 0;
  let segmentBlock: Node | undefined;
  const flush = (): TextSegment | undefined => {
    const text = parts.join('');
    const segment = /\S/.test(text) ? { text, nodes, offsets } : undefined;
    nodes = [];
    offsets = [];
    parts = [];
    length = 0;
    return segment;
  };
  // A plain depth-first walk (linkedom's TreeWalker ignores filters, and the annotate command
  // scans with it), keeping the block each level belongs to: text under the same block, inline
  // elements included, forms one segment. Each node is read as few times as possible: every DOM
  // read from a content script is a call into the browser, and the page may have 100,000 nodes.
  const skipped = skippedWithin(root);
  const blocks: Node[] = [];
  let block: Node = root;
  let node: Node | null = root.nodeType === TEXT_NODE ? root : root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === ELEMENT_NODE) {
      const name = (node as Element).localName;
      // A line break ends the run of text: "Gazprom<br>bank" is not "Gazprom bank".
      if (name === 'br') {
        const segment = flush();
        if (segment) yield segment;
      } else if (!SKIPPED_TAGS.has(name) && !skipped.has(node)) {
        const child = node.firstChild;
        if (child) {
          blocks.push(block);
          if (!INLINE_TAGS.has(name)) block = node;
          node = child;
          continue;
        }
      }
    } else if (type === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        if (segmentBlock !== undefined && block !== segmentBlock) {
          const segment = flush();
          if (segment) yield segment;
        }
        segmentBlock = block;
        nodes.push(node as Text);
        offsets.push(length);
        parts.push(data);
        length += data.length;
      }
    }
    // Next: the sibling, or the sibling of the nearest ancestor that has one (leaving blocks).
    let next: Node | null = node === root ? null : node.nextSibling;
    while (!next && node !== root) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) break;
      node = parent;
      block = blocks.pop() ?? root;
      next = node.nextSibling;
    }
    node = next;
  }
  const last = flush();
  if (last) yield last;
}

/** Where [start, end) of a segment's text is in the DOM: its Range and the text nodes it covers. */
export interface TextSpan {
  readonly range: Range;
  readonly nodes: readonly Text[];
}

export function spanOf(segment: TextSegment, start: number, end: number): TextSpan | undefined {
  const startAt = locate(segment, start, false);
  const endAt = locate(segment, end, true);
  if (startAt === undefined || endAt === undefined) return undefined;
  const startNode = segment.nodes[startAt] as Text;
  const endNode = segment.nodes[endAt] as Text;
  const range = (startNode.ownerDocument as Document).createRange();
  range.setStart(startNode, start - (segment.offsets[startAt] as number));
  range.setEnd(endNode, end - (segment.offsets[endAt] as number));
  return { range, nodes: segment.nodes.slice(startAt, endAt + 1) };
}

/**
 * Index of the node holding a segment offset; at a node boundary, `preferEnd` picks the earlier
 * node. Undefined when the node's text has since become shorter than the offset.
 */
function locate(segment: TextSegment, offset: number, preferEnd: boolean): number | undefined {
  const { offsets, nodes } = segment;
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
  return [...blocks].filter((block) => ![...blocks].some((other) => other !== block && other.contains(block)));
}
