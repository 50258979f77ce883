/**
 * Scans a page (or the parts of it that changed) and finds its mentions. Reading the text runs
 * in slices that yield to the page, so no task runs long; matching is done by `find` (the
 * background's matcher in the extension), so it never holds the page at all; ranges are built
 * only when a mention is painted or hovered. Stops when its signal aborts.
 */
import type { Mention } from '../matcher/matcher';
import { forEachMention, type PackedMentions } from '../matcher/packed-mentions';
import { runInSlices, type Steps } from '../slices';
import { blockRootsOf, outermost, type ScanOptions, scanSegments, spanOf, type TextSegment } from './scan-text';

/**
 * A mention found on the page. Its Range is built when first asked for (painting near the
 * viewport, hovering): a long page has thousands of mentions, most never seen, and building a
 * range reads the DOM.
 */
export class PageMention implements Mention {
  private cachedRange: Range | null | undefined;
  /**
   * The nearest block holding the mention: known from the scan, so no DOM read finds it. A
   * field, not a getter: it is read for every mention of a long page, once, before any of that
   * code is optimised.
   */
  readonly element: Element;

  constructor(
    readonly start: number,
    readonly end: number,
    readonly entities: readonly string[],
    private readonly segment: TextSegment,
  ) {
    this.element = segment.block;
    this.shadowRoot = segment.shadowRoot;
  }

  /** The page's shadow root holding the mention, if one does (known from the scan). */
  readonly shadowRoot: ShadowRoot | undefined;

  /** Undefined when the text has changed since the scan so that the mention is no longer there. */
  get range(): Range | undefined {
    if (this.cachedRange === undefined) this.cachedRange = spanOf(this.segment, this.start, this.end) ?? null;
    return this.cachedRange ?? undefined;
  }
}

/** Mentions in texts (one text per block), packed; `alreadyNamed` corroborates ambiguous aliases. */
export type FindMentions = (texts: readonly string[], alreadyNamed: readonly string[]) => Promise<PackedMentions>;

/** Main-thread time one slice may take before yielding (ms). */
const SLICE_BUDGET_MS = 8;
/** Characters sent to `find` at once: bounds the message (and its serialising) on huge pages. */
const CHARS_PER_REQUEST = 1_000_000;

function yieldToPage(): Promise<void> {
  // A function of ours as the timer callback, not `resolve` itself: performance traces name a
  // task's script from the function the timer calls, and the benchmark counts our tasks by it.
  return new Promise((resolve) => setTimeout(() => resolve(), 0));
}

/**
 * Runs long work in slices that leave the page responsive; rejects if `signal` aborts. Starts in
 * a task of its own, so whatever the caller's task did before does not lengthen the first slice.
 */
async function runOnPage<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  await yieldToPage();
  signal?.throwIfAborted();
  return runInSlices(steps, { budgetMs: SLICE_BUDGET_MS, now: () => performance.now(), pause: yieldToPage, signal });
}

function* segmentSteps(roots: readonly Node[], options: ScanOptions): Steps<TextSegment[]> {
  const segments: TextSegment[] = [];
  for (const root of roots) {
    for (const segment of scanSegments(root, { onShadowRoot: options.onShadowRoot })) {
      segments.push(segment);
      yield;
    }
  }
  return segments;
}

/**
 * Asks `find` about the segments in batches of at most CHARS_PER_REQUEST characters, and makes
 * page mentions of the answers (no DOM read: ranges come later).
 */
async function findInBatches(
  segments: readonly TextSegment[],
  find: FindMentions,
  alreadyNamed: Iterable<string>,
  signal?: AbortSignal,
): Promise<PageMention[]> {
  const named = new Set(alreadyNamed);
  const found: PageMention[] = [];
  for (let start = 0; start < segments.length; ) {
    let end = start;
    let chars = 0;
    while (
      end < segments.length &&
      (end === start || chars + (segments[end] as TextSegment).text.length <= CHARS_PER_REQUEST)
    ) {
      chars += (segments[end] as TextSegment).text.length;
      end++;
    }
    const texts = segments.slice(start, end).map((segment) => segment.text);
    const batch = await find(texts, [...named]);
    signal?.throwIfAborted();
    forEachMention(batch, (text, from, to, entities) => {
      const segment = text < texts.length ? segments[start + text] : undefined;
      if (!segment) throw new Error(`A mention in text ${text} of ${texts.length}`);
      found.push(new PageMention(from, to, entities, segment));
    });
    // What this batch names corroborates the next one's ambiguous aliases.
    for (const id of batch.entities) named.add(id);
    start = end;
  }
  return found;
}

export interface AnnotateOptions {
  /** Stops the scan (it rejects). */
  readonly signal?: AbortSignal;
  /** Called with each open shadow root the scan reads, to watch it. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
}

export async function findPageMentions(
  roots: Node | readonly Node[],
  find: FindMentions,
  options: AnnotateOptions = {},
  alreadyNamed: Iterable<string> = [],
): Promise<PageMention[]> {
  const { signal } = options;
  const segments = await runOnPage(segmentSteps(Array.isArray(roots) ? roots : [roots as Node], options), signal);
  if (segments.length === 0) return [];
  // The page may have changed while the matcher worked: a mention in text that changed has no
  // range, and the rescan that change triggers replaces it.
  return findInBatches(segments, find, alreadyNamed, signal);
}

/**
 * The page's mentions after some of it changed: mentions inside the changed blocks (or whose
 * text left the page) are dropped, the changed blocks are scanned again, and the result is in
 * document order.
 */
export async function updatePageMentions(
  previous: readonly PageMention[],
  changed: readonly Node[],
  find: FindMentions,
  options: AnnotateOptions = {},
): Promise<PageMention[]> {
  const changedBlocks = blockRootsOf(changed);
  // Decided once per block, not per mention. A block with mentions that holds a changed block
  // is read again too: its own text may now be split around the change.
  const keepsItsMentions = new Map<Element, boolean>();
  const rescanned = new Set<Node>(changedBlocks);
  for (const mention of previous) {
    const block = mention.element;
    if (keepsItsMentions.has(block)) continue;
    const keep =
      block.isConnected &&
      !changedBlocks.some((changedBlock) => changedBlock.contains(block) || block.contains(changedBlock));
    keepsItsMentions.set(block, keep);
    if (!keep && block.isConnected) rescanned.add(block);
  }
  const kept = previous.filter((mention) => keepsItsMentions.get(mention.element));
  const named = new Set(kept.flatMap((mention) => mention.entities));
  const added = await findPageMentions(outermost([...rescanned]), find, options, named);
  return insertInDocumentOrder(kept, added);
}

/** Document order of two mentions, decided by their blocks first (no range needed when they differ). */
function isBefore(a: PageMention, b: PageMention): boolean {
  if (a.element !== b.element) {
    const position = a.element.compareDocumentPosition(b.element);
    // Nested blocks: the outer block's text may come before or after the inner one's.
    if (!(position & (Node.DOCUMENT_POSITION_CONTAINS | Node.DOCUMENT_POSITION_CONTAINED_BY)))
      return (position & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  const aRange = a.range;
  const bRange = b.range;
  if (!aRange || !bRange) return a.element === b.element && a.start < b.start;
  return aRange.compareBoundaryPoints(Range.START_TO_START, bRange) < 0;
}

/** `kept` and `added` are each in document order; a binary search places each added mention. */
function insertInDocumentOrder(kept: readonly PageMention[], added: readonly PageMention[]): PageMention[] {
  const result = [...kept];
  for (const mention of added) {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (isBefore(result[mid] as PageMention, mention)) low = mid + 1;
      else high = mid;
    }
    result.splice(low, 0, mention);
  }
  return result;
}
