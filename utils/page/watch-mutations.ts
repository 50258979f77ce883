/**
 * Tells the annotator which parts of the page changed: infinite scroll, live blogs, text
 * replaced in place. Batches are debounced (with a maximum wait, so a steady trickle still gets
 * scanned within a second), our own UI is ignored, and a circuit breaker pauses watching when
 * a page mutates in a storm, then asks for one full rescan.
 */

export interface WatchOptions {
  /** Quiet time before a batch is handed over (ms). */
  readonly debounceMs?: number;
  /** Longest a change waits, however busy the page (ms). */
  readonly maxWaitMs?: number;
  /** More batches than this within `stormWindowMs` trips the breaker. */
  readonly stormBatches?: number;
  readonly stormWindowMs?: number;
  /** How long the breaker stays open before one full rescan (ms). */
  readonly pauseMs?: number;
  /** Nodes of our own (the card's host): their changes are not the page's. */
  readonly isOwn: (node: Node) => boolean;
  readonly signal: AbortSignal;
}

/** `changed` gets the roots to rescan; `all` is called after a storm, to rescan everything. */
export function watchMutations(root: Node, onChange: (changed: Node[] | 'all') => void, options: WatchOptions): void {
  const { debounceMs = 150, maxWaitMs = 800, stormBatches = 12, stormWindowMs = 3000, pauseMs = 4000 } = options;
  let pending = new Set<Node>();
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let firstPendingAt = 0;
  let recentBatches: number[] = [];
  let paused = false;

  const flush = () => {
    clearTimeout(debounceTimer);
    debounceTimer = undefined;
    if (pending.size === 0 || options.signal.aborted) return;
    const now = performance.now();
    recentBatches = recentBatches.filter((time) => now - time < stormWindowMs);
    recentBatches.push(now);
    if (recentBatches.length > stormBatches) {
      // A storm: stop listening for a while, then take one fresh look at the whole page.
      paused = true;
      pending = new Set();
      recentBatches = [];
      observer.disconnect();
      setTimeout(() => {
        if (options.signal.aborted) return;
        paused = false;
        observe();
        onChange('all');
      }, pauseMs);
      return;
    }
    const changed = [...pending];
    pending = new Set();
    onChange(changed);
  };

  const observer = new MutationObserver((records) => {
    if (paused) return;
    for (const record of records) {
      if (options.isOwn(record.target)) continue;
      if (record.type === 'characterData') pending.add(record.target);
      for (const node of record.addedNodes) if (!options.isOwn(node)) pending.add(node);
      // Removed nodes take their mentions with them; their parent's text may have re-flowed.
      if (record.removedNodes.length > 0) pending.add(record.target);
    }
    if (pending.size === 0) return;
    const now = performance.now();
    if (debounceTimer === undefined) firstPendingAt = now;
    clearTimeout(debounceTimer);
    const wait = Math.min(debounceMs, Math.max(0, maxWaitMs - (now - firstPendingAt)));
    debounceTimer = setTimeout(flush, wait);
  });
  const observe = () => observer.observe(root, { childList: true, subtree: true, characterData: true });
  observe();
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(debounceTimer);
  });
}
