/**
 * Scans a page (or subtree) and finds its mentions, in slices that yield to the page so no
 * task runs long, and stops when its signal aborts.
 */
import type { Candidate, Matcher, Mention } from '../matcher/matcher';
import { rangeOf, scanSegments, type TextSegment } from './scan-text';

export interface PageMention extends Mention {
  readonly range: Range;
}

/** Main-thread time one slice may take before yielding (ms). */
const SLICE_BUDGET_MS = 8;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function findPageMentions(root: Node, matcher: Matcher, signal?: AbortSignal): Promise<PageMention[]> {
  const segments: TextSegment[] = [];
  const candidates: Candidate[][] = [];
  let sliceStart = performance.now();
  for (const segment of scanSegments(root)) {
    segments.push(segment);
    candidates.push(matcher.findCandidates(segment.text));
    if (performance.now() - sliceStart > SLICE_BUDGET_MS) {
      await yieldToPage();
      if (signal?.aborted) return [];
      sliceStart = performance.now();
    }
  }
  const mentions = matcher.resolve(
    candidates,
    segments.map((segment) => segment.text),
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
