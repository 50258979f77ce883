/**
 * Scans a page (or the parts of it that changed) and finds its mentions, in slices that yield
 * to the page so no task runs long, and stops when its signal aborts.
 */
import type { Candidate, Matcher, Mention } from '../matcher/matcher';
import { blockRootsOf, rangeOf, scanSegments, type TextSegment } from './scan-text';

export interface PageMention extends Mention {
  readonly range: Range;
}

/** Main-thread time one slice may take before yielding (ms). */
const SLICE_BUDGET_MS = 8;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function findPageMentions(
  roots: Node | readonly Node[],
  matcher: Matcher,
  signal?: AbortSignal,
  alreadyNamed: Iterable<string> = [],
): Promise<PageMention[]> {
  const segments: TextSegment[] = [];
  const candidates: Candidate[][] = [];
  let sliceStart = performance.now();
  for (const root of Array.isArray(roots) ? roots : [roots]) {
    for (const segment of scanSegments(root)) {
      segments.push(segment);
      candidates.push(matcher.findCandidates(segment.text));
      if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
        await yieldToPage();
        if (signal?.aborted) return [];
        sliceStart = performance.now();
      }
    }
  }
  const mentions = matcher.resolve(
    candidates,
    segments.map((segment) => segment.text),
    alreadyNamed,
  );
  const result: PageMention[] = [];
  mentions.forEach((segmentMentions, index) => {
    const segment = segments[index] as TextSegment;
    for (const mention of segmentMentions) {
      const range = rangeOf(segment, mention.start, mention.end);
      if (range) result.push({ ...mention, range });
    }
  });
  return result;
}

/**
 * The page's mentions after some of it changed: mentions inside the changed blocks (or whose
 * text left the page) are dropped, the changed blocks are scanned again, and the result is in
 * document order.
 */
export async function updatePageMentions(
  previous: readonly PageMention[],
  changed: readonly Node[],
  matcher: Matcher,
  signal?: AbortSignal,
): Promise<PageMention[]> {
  const roots = blockRootsOf(changed);
  const kept = previous.filter(
    (mention) =>
      mention.range.startContainer.isConnected &&
      mention.range.endContainer.isConnected &&
      !roots.some((root) => root.contains(mention.range.startContainer)),
  );
  const named = new Set(kept.flatMap((mention) => mention.entities));
  const added = await findPageMentions(roots, matcher, signal, named);
  return [...kept, ...added].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
}
