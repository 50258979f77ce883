/**
 * Tells the annotator which parts of the page's body changed: infinite scroll, live blogs, text
 * replaced in place, a body swapped for a new one, and changes inside the page's open shadow
 * roots. It only reports; `coalesceWork` decides when to rescan, so a page that mutates without
 * pause cannot make us work without pause.
 */

export interface WatchOptions {
  /** Nodes of our own (the card's host, also once removed): their changes are not the page's. */
  readonly isOwn: (node: Node) => boolean;
  readonly signal: AbortSignal;
}

export interface MutationWatch {
  /**
   * Watches an open shadow root too (a document's observer does not see into shadow trees):
   * its changes are reported like the body's, while its host is in the body.
   */
  watchShadowRoot(root: ShadowRoot): void;
}

// Spelled out, so this also runs where the DOM's constants are not globals.
const DOCUMENT_FRAGMENT_NODE = 11;
const OBSERVED = { childList: true, subtree: true, characterData: true } as const;

/** The element a node hangs from in the document's own tree: the outermost shadow host above it, or itself. */
function inDocumentTree(node: Node): Node {
  let at = node;
  for (
    let root = at.getRootNode();
    root.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in root;
    root = at.getRootNode()
  ) {
    at = (root as ShadowRoot).host;
  }
  return at;
}

/**
 * Watches the whole document (not one body element: a page may replace `document.body`) and
 * calls `onChange` with the changed nodes inside the current body (or in shadow roots under it).
 */
export function watchMutations(
  document: Document,
  onChange: (changed: Node[]) => void,
  options: WatchOptions,
): MutationWatch {
  const inBody = (node: Node): Node | undefined => {
    const body = document.body;
    if (!body) return undefined;
    // The root or the html element changed (a body swapped in): the body is what to read.
    if (node === document || node === document.documentElement) return body;
    const anchor = inDocumentTree(node);
    return body === anchor || body.contains(anchor) ? node : undefined;
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
      // (Our card's host leaving `<html>` is no change of the page's: read as one, it was a
      // whole-body rescan at every close of a card.)
      if ([...record.removedNodes].some((node) => !options.isOwn(node))) add(record.target);
    }
    if (changed.size > 0) onChange([...changed]);
  });
  observer.observe(document, OBSERVED);
  options.signal.addEventListener('abort', () => observer.disconnect());
  const watched = new WeakSet<ShadowRoot>();
  return {
    watchShadowRoot(root) {
      if (options.signal.aborted || watched.has(root)) return;
      watched.add(root);
      observer.observe(root, OBSERVED);
    },
  };
}
