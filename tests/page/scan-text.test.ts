/**
 * The scanner against a plain reference walk, on many generated pages: the scanner skips reading
 * text nodes one by one (it takes `textContent` of elements holding only inline markup), and
 * must still cut exactly the same segments, with text nodes that map back to them.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { scanSegments } from '../../utils/page/scan-text';

const INLINE = new Set(['a', 'b', 'em', 'i', 'span', 'strong']);
const SKIPPED = new Set(['script', 'code', 'textarea', 'template']);

/** The obvious walk: visit every node, a text node's block is its nearest non-inline ancestor. */
function referenceSegments(root: Element): string[] {
  const segments: string[] = [];
  let current = '';
  let currentBlock: Element | undefined;
  const flush = () => {
    if (/\S/.test(current)) segments.push(current);
    current = '';
  };
  const isSkipped = (element: Element) =>
    SKIPPED.has(element.localName) ||
    element.getAttribute('aria-hidden') === 'true' ||
    (element.hasAttribute('contenteditable') && element.getAttribute('contenteditable') !== 'false');
  const visit = (node: Node, block: Element) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const data = (child as Text).data;
        if (data.length === 0) continue;
        if (currentBlock !== undefined && currentBlock !== block) flush();
        currentBlock = block;
        current += data;
      } else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.localName === 'br') flush();
        else if (!isSkipped(element)) visit(element, INLINE.has(element.localName) ? block : element);
      }
    }
  };
  visit(root, root);
  flush();
  return segments;
}

/** A deterministic random page: nested blocks and inline markup, line breaks, skipped regions. */
function randomBody(seed: number): string {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return (state >>> 16) % n;
  };
  const words = ['Gazprom', ' ', 'Power of ', 'Siberia', '普京', 'Газпром', '  ', '', 'bank'];
  const tags = ['p', 'div', 'em', 'a', 'span', 'strong', 'br', 'script', 'code', 'section', 'x-card'];
  const attributes = ['', '', '', ' aria-hidden="true"', ' contenteditable="true"', ' contenteditable="false"'];
  const node = (depth: number): string => {
    if (depth > 4 || random(3) === 0) return words[random(words.length)] as string;
    const tag = tags[random(tags.length)] as string;
    if (tag === 'br') return '<br>';
    const children = Array.from({ length: random(4) }, () => node(depth + 1)).join('');
    return `<${tag}${attributes[random(attributes.length)]}>${children}</${tag}>`;
  };
  return Array.from({ length: 6 }, () => node(0)).join('');
}

describe('scanSegments', () => {
  it('cuts the same segments as a node-by-node walk, on 500 generated pages', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { document } = parseHTML(`<!doctype html><html><body>${randomBody(seed)}</body></html>`);
      const body = document.body as unknown as Element;
      const segments = [...scanSegments(body)];
      expect(
        segments.map((segment) => segment.text),
        `page ${seed}: ${body.innerHTML}`,
      ).toEqual(referenceSegments(body));
      for (const segment of segments) {
        const { nodes, offsets } = segment.nodeLayout();
        expect(nodes.map((node) => node.data).join('')).toBe(segment.text);
        expect(offsets).toEqual(
          nodes.map((_, index) => nodes.slice(0, index).reduce((sum, n) => sum + n.data.length, 0)),
        );
        for (const node of nodes) expect(segment.block.contains(node)).toBe(true);
      }
    }
  });

  it('gives no text nodes for a segment whose text changed after the scan', () => {
    const { document } = parseHTML('<html><body><p>Talks with <em>Gazprom</em> resumed.</p></body></html>');
    const [segment] = [...scanSegments(document.body as unknown as Element)];
    (document.querySelector('em') as unknown as Element).textContent = 'Rosneft';
    expect(segment?.nodeLayout().nodes).toEqual([]);
  });
});
