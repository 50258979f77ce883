/**
 * Tells the annotator which parts of the page's body changed: infinite scroll, live blogs, text
 * replaced in place, and a body swapped for a new one. It only reports; `coalesceWork` decides
 * when to rescan, so a page that mutates without pause cannot make us work without pause.
 */

export interface WatchOptions {
  /** Nodes of our own (the card's host): their changes are not the page's. */
  readonly isOwn: (node: Node) => boolean;
  readonly signal: AbortSignal;
}

/**
 * Watches the whole document (not one body element: a page may replace `document.body`) and
 * calls `onChange` with the changed nodes inside the current body.
 */
export function watchMutations(document: Document, onChange: (changed: Node[]) => void, options: WatchOptions): void {
  const inBody = (node: Node): Node | undefined => {
    const body = document.body;
    if (!body) return undefined;
    // The root or the html element changed (a body swapped in): the body is what to read.
    if (node === document || node === document.documentElement) return body;
    return body === node || body.contains(node) ? node : undefined;
  };
  const observer = new MutationObserver((records) => {
    const changed = new Set<Node>();
    const add = (node: Node) => {
      const inside = inBody(node);
      if (inside && !options.isOwn(inside)) changed.add(inside);
    };
    for (const record of records) {
      if (options.isOwn(record.target)) continue;
      if (record.type === 'characterData') add(record.target);
      for (const node of record.addedNodes) add(node);
      // Removed nodes take their mentions with them; their parent's text may have re-flowed.
      if (record.removedNodes.length > 0) add(record.target);
    }
    if (changed.size > 0) onChange([...changed]);
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  options.signal.addEventListener('abort', () => observer.disconnect());
}
