/**
 * Reads an article file for the annotate and eval commands: plain text as it is, HTML parsed
 * with linkedom and scanned by the extension's own scanner, with every mention's offsets moved
 * into the document's text content (the concatenation of all its text nodes).
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Matcher, Mention } from '../../utils/matcher/matcher';
import { scanSegments, type TextSegment } from '../../utils/page/scan-text';

export interface ReadArticle {
  /** The text offsets refer to. */
  readonly text: string;
  readonly mentions: readonly Mention[];
}

function isHtmlPath(path: string): boolean {
  return /\.x?html?$/i.test(path);
}

export function matchArticle(path: string, matcher: Matcher): ReadArticle {
  const source = readFileSync(path, 'utf8');
  if (!isHtmlPath(path)) return { text: source, mentions: matcher.matchText(source) };
  return matchHtml(source, matcher);
}

export function matchHtml(html: string, matcher: Matcher): ReadArticle {
  const { document } = parseHTML(html);
  const root = document.documentElement as unknown as Node;
  // Offsets of every text node within the document's text content.
  const nodeStart = new Map<Node, number>();
  let offset = 0;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      nodeStart.set(node, offset);
      offset += (node as Text).data.length;
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(root);
  const text = root.textContent ?? '';
  const segments: TextSegment[] = [...scanSegments(root)];
  const perSegment = matcher.matchTexts(segments.map((segment) => segment.text));
  const toDocument = (segment: TextSegment, at: number, isEnd: boolean): number => {
    const { nodes, offsets } = segment.nodeLayout();
    let index = offsets.length - 1;
    while (index > 0 && ((offsets[index] as number) > at || (isEnd && offsets[index] === at))) index--;
    return (nodeStart.get(nodes[index] as Node) ?? 0) + at - (offsets[index] as number);
  };
  const mentions = perSegment.flatMap((list, index) => {
    const segment = segments[index] as TextSegment;
    return list.map((mention) => ({
      ...mention,
      start: toDocument(segment, mention.start, false),
      end: toDocument(segment, mention.end, true),
    }));
  });
  return { text, mentions };
}
