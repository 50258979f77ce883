/**
 * Scans a page (or the parts of it that changed) and finds its mentions, in slices that yield
 * to the page so no task runs long, and stops when its signal aborts.
 */
import type { Candidate, Matcher, Mention } from '../matcher/matcher';
import { runInSlices, type Steps } from '../slices';
import { blockRootsOf, rangeOf, scanSegments, type TextSegment } from './scan-text';

export interface PageMention extends Mention {
  readonly range: Range;
}

/** Main-thread time one slice may take before yielding (ms). */
const SLICE_BUDGET_MS = 8;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs long work in slices that leave the page responsive; rejects if `signal` aborts. Starts in
 * a task of its own, so whatever the caller's task did before does not lengthen the first slice.
 */
export async function runOnPage<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  await yieldToPage();
  signal?.throwIfAborted();
  return runInSlices(steps, { budgetMs: SLICE_BUDGET_MS, now: () => performance.now(), pause: yieldToPage, signal });
}

function* pageMentionSteps(
  roots: readonly Node[],
  matcher: Matcher,
  alreadyNamed: Iterable<string>,
): Steps<PageMention[]> {
  const segments: TextSegment[] = [];
  const candidates: Candidate[][] = [];
  for (const root of roots) {
    for (const segment of scanSegments(root)) {
      segments.push(segment);
      candidates.push(matcher.findCandidates(segment.text));
      yield;
    }
  }
  const mentions = matcher.resolve(
    candidates,
    segments.map((segment) => segment.text),
    alreadyNamed,
  );
  yield;
  const result: PageMention[] = [];
  for (const [index, segmentMentions] of mentions.entries()) {
    const segment = segments[index] as TextSegment;
    for (const mention of segmentMentions) {
      const range = rangeOf(segment, mention.start, mention.end);
      if (range) result.push({ ...mention, range });
    }
    yield;
  }
  return result;
}

export function findPageMentions(
  roots: Node | readonly Node[],
  matcher: Matcher,
  signal?: AbortSignal,
  alreadyNamed: Iterable<string> = [],
): Promise<PageMention[]> {
  return runOnPage(pageMentionSteps(Array.isArray(roots) ? roots : [roots as Node], matcher, alreadyNamed), signal);
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
