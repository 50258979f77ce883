/**
 * Coalesces the page's changes into rescans, whatever the page does: at most one rescan in
 * flight; changes wait for a quiet moment, but never longer than `maxWaitMs` (a page changing
 * text every millisecond still gets it scanned); and after each rescan the next waits at least
 * `minGapMs`, and at least `costFactor` times as long as the last one took, so rescans the page
 * causes take at most 1 / (1 + costFactor) of the time, however often it changes.
 */

/** What to scan again: the whole page, or these changed nodes. */
export type Work = 'all' | readonly Node[];

export interface CoalesceOptions {
  /** Runs one rescan (resolves when done; a rejection is reported unless the signal aborted). */
  readonly run: (work: Work) => Promise<void>;
  readonly onError: (error: unknown) => void;
  readonly signal: AbortSignal;
  /** Quiet time after the last change before a rescan (ms). */
  readonly quietMs?: number;
  /** Longest a change waits for quiet (ms). */
  readonly maxWaitMs?: number;
  /** Least time between the end of one rescan and the start of the next (ms). */
  readonly minGapMs?: number;
  /** The gap after a rescan is at least this many times its duration. */
  readonly costFactor?: number;
  /** More changed nodes than this are rescanned as the whole page (after `prune`). */
  readonly maxNodes?: number;
  /**
   * Drops pending nodes no longer worth a look (a page that replaces a text node every
   * millisecond leaves thousands of detached ones), before many are taken for a whole page.
   */
  readonly prune?: (nodes: Iterable<Node>) => Node[];
  readonly now?: () => number;
}

const COALESCE_DEFAULTS = { quietMs: 150, maxWaitMs: 600, minGapMs: 250, costFactor: 4, maxNodes: 2000 };

/**
 * Returns `request`: ask for a rescan of `work` (merged with whatever is pending); `now` skips
 * the wait for quiet (the first look at a page), not the gap after the last rescan.
 */
export function coalesceWork(options: CoalesceOptions): (work: Work, now?: boolean) => void {
  const { quietMs, maxWaitMs, minGapMs, costFactor, maxNodes } = { ...COALESCE_DEFAULTS, ...options };
  const now = options.now ?? (() => performance.now());
  let pending: Set<Node> | 'all' | undefined;
  let firstPendingAt = 0;
  let lastChangeAt = 0;
  let running = false;
  let urgent = false;
  /** Earliest the next rescan may start (the gap after the last one). */
  let notBefore = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** When the pending rescan may start. */
  const dueTime = () => {
    const wait = urgent ? Number.NEGATIVE_INFINITY : Math.min(lastChangeAt + quietMs, firstPendingAt + maxWaitMs);
    return Math.max(wait, notBefore);
  };

  /** When the armed timer fires; it is moved only to an earlier time, never put off. */
  let timerDue = Number.POSITIVE_INFINITY;
  const schedule = () => {
    if (running || pending === undefined || options.signal.aborted) return;
    const due = dueTime();
    // Re-arming at every change would starve the timer when a page changes more often than a
    // timer can fire (a 1 ms interval): a later due time is checked when the timer fires instead.
    if (timer !== undefined && timerDue <= due) return;
    clearTimeout(timer);
    timerDue = due;
    timer = setTimeout(fire, Math.max(0, due - now()));
  };

  const fire = async () => {
    timer = undefined;
    timerDue = Number.POSITIVE_INFINITY;
    if (pending === undefined || options.signal.aborted) return;
    // Changes since the timer was armed may have put the rescan off (still no quiet).
    if (dueTime() > now() + 1) {
      schedule();
      return;
    }
    const work: Work = pending === 'all' ? 'all' : [...pending];
    // The first look is ours, not the page's doing: its cost (a long page's whole text) does not
    // hold back the page's first changes.
    const counted = !urgent;
    pending = undefined;
    urgent = false;
    running = true;
    const start = now();
    try {
      await options.run(work);
    } catch (error) {
      if (!options.signal.aborted) options.onError(error);
    }
    const end = now();
    notBefore = end + Math.max(minGapMs, counted ? costFactor * (end - start) : 0);
    running = false;
    schedule();
  };

  options.signal.addEventListener('abort', () => clearTimeout(timer));

  return (work, immediately = false) => {
    if (options.signal.aborted) return;
    const at = now();
    if (immediately) urgent = true;
    if (pending === undefined) firstPendingAt = at;
    lastChangeAt = at;
    if (work === 'all') pending = 'all';
    else if (pending !== 'all') {
      pending ??= new Set();
      for (const node of work) pending.add(node);
      if (pending.size > maxNodes && options.prune) pending = new Set(options.prune(pending));
      if (pending.size > maxNodes) pending = 'all';
    }
    schedule();
  };
}
