/**
 * A small Aho–Corasick automaton over UTF-16 code units: every pattern is found in one pass
 * over the text. (DESIGN.md §3: one pass, never one per alias; the npm packages we tried
 * degrade badly on Cyrillic and CJK.)
 *
 * Layout (compressed sparse rows): nodes are numbered breadth-first with each node's children
 * in order of their code, so the children of node n are the nodes `childStart[n] ..
 * childStart[n + 1]` and the code on the edge into node c is `nodeCode[c]`. That is 6 bytes a
 * node and no separate edge table; the shallow nodes most text passes through lie together at
 * the front. Transitions out of the root are a dense table, since most characters of a page
 * start nothing.
 */

interface Tables {
  readonly root: Int32Array;
  readonly childStart: Int32Array;
  readonly nodeCode: Uint16Array;
  readonly fail: Int32Array;
  /** The patterns ending at node n are `outputPatterns[outputStart[n] .. outputStart[n + 1]]`. */
  readonly outputStart: Int32Array;
  readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;
}

/**
 * The automaton as flat arrays: what `AhoCorasick.fromArrays` takes back. Only what cannot be
 * derived in one linear pass is kept, so the file the background reads at every cold start is
 * small: nodes are numbered breadth-first with each node's children consecutive, so a node's
 * first child follows from the counts before it, and so do its outputs.
 */
export interface AutomatonArrays {
  /** Root transitions as (code, target) pairs: the dense table is mostly empty. */
  readonly rootPairs: Int32Array;
  /** Per node, how many children it has. */
  readonly childCount: Uint16Array;
  readonly nodeCode: Uint16Array;
  readonly fail: Int32Array;
  /** Per node, how many patterns end there. */
  readonly outputCount: Uint8Array;
  readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;
}

/** Above this many children a node's codes are binary-searched, below scanned. */
const SCAN_CHILDREN = 8;

/** The child of `node` on `code`, or 0 (the root is never a child). */
function childOf(childStart: Int32Array, nodeCode: Uint16Array, node: number, code: number): number {
  let low = childStart[node] as number;
  let high = childStart[node + 1] as number;
  if (high - low <= SCAN_CHILDREN) {
    for (; low < high; low++) {
      const edge = nodeCode[low] as number;
      if (edge === code) return low;
      if (edge > code) return 0;
    }
    return 0;
  }
  while (low < high) {
    const middle = (low + high) >>> 1;
    const edge = nodeCode[middle] as number;
    if (edge === code) return middle;
    if (edge < code) low = middle + 1;
    else high = middle;
  }
  return 0;
}

/** The trie of the patterns, numbered as they were inserted (the build's first step). */
function insertionTrie(patterns: readonly string[]) {
  const children: Map<number, number>[] = [new Map()];
  const outputs: (number[] | undefined)[] = [undefined];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) throw new Error('automaton: an empty pattern');
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      const edges = children[node] as Map<number, number>;
      let next = edges.get(code);
      if (next === undefined) {
        next = children.length;
        edges.set(code, next);
        children.push(new Map());
        outputs.push(undefined);
      }
      node = next;
    }
    const ending = outputs[node];
    if (ending) ending.push(index);
    else outputs[node] = [index];
  });
  return { children, outputs };
}

function buildTables(patterns: readonly string[]): Tables {
  const trie = insertionTrie(patterns);
  const nodeCount = trie.children.length;
  // Breadth-first renumbering: `order[n]` is the trie node that becomes node n.
  const order = new Int32Array(nodeCount);
  const childStart = new Int32Array(nodeCount + 1);
  const nodeCode = new Uint16Array(nodeCount);
  let tail = 1;
  for (let node = 0; node < nodeCount; node++) {
    childStart[node] = tail;
    const edges = [...(trie.children[order[node] as number] as Map<number, number>)].sort((a, b) => a[0] - b[0]);
    for (const [code, child] of edges) {
      nodeCode[tail] = code;
      order[tail++] = child;
    }
  }
  childStart[nodeCount] = tail;

  const root = new Int32Array(0x10000);
  for (let child = childStart[0] as number; child < (childStart[1] as number); child++) {
    root[nodeCode[child] as number] = child;
  }
  // In breadth-first order a node's fail link (shallower) is known before its own.
  const fail = new Int32Array(nodeCount);
  const outputStart = new Int32Array(nodeCount + 1);
  const outputPatterns: number[] = [];
  for (let node = 0; node < nodeCount; node++) {
    const ending = trie.outputs[order[node] as number];
    if (ending) outputPatterns.push(...ending);
    outputStart[node + 1] = outputPatterns.length;
    // The root's children fail to the root.
    if (node === 0) continue;
    for (let child = childStart[node] as number; child < (childStart[node + 1] as number); child++) {
      fail[child] = transition(root, childStart, nodeCode, fail, fail[node] as number, nodeCode[child] as number);
    }
  }
  return {
    root,
    childStart,
    nodeCode,
    fail,
    outputStart,
    outputPatterns: Int32Array.from(outputPatterns),
    patternLengths: Int32Array.from(patterns, (pattern) => pattern.length),
  };
}

/** An output link not looked up yet. */
const UNKNOWN = -1;

/**
 * Where each node's children and outputs begin: running sums of the per-node counts, both in one
 * loop over typed arrays of fixed kinds, with the sums in locals. It runs at every cold start in
 * code not yet optimised: one generic function called for both arrays took two to three times as
 * long (docs/BENCHMARKS.md).
 */
function runStarts(
  childCount: Uint16Array,
  outputCount: Uint8Array,
): { childStart: Int32Array; outputStart: Int32Array } {
  const nodes = childCount.length;
  const childStart = new Int32Array(nodes + 1);
  const outputStart = new Int32Array(nodes + 1);
  // The root's children are nodes 1, 2, …; the outputs are listed node by node from 0.
  let child = 1;
  let output = 0;
  childStart[0] = child;
  for (let node = 0; node < nodes; node++) {
    child += childCount[node] as number;
    output += outputCount[node] as number;
    childStart[node + 1] = child;
    outputStart[node + 1] = output;
  }
  return { childStart, outputStart };
}

/** Per-node run lengths of `starts`, each at most `max` (the array type's limit). */
function runLengths<T extends Uint16Array | Uint8Array>(starts: Int32Array, into: T, max: number, what: string): T {
  for (let node = 0; node < into.length; node++) {
    const length = (starts[node + 1] as number) - (starts[node] as number);
    if (length > max) throw new Error(`automaton: a node with ${length} ${what} (at most ${max} can be stored)`);
    into[node] = length;
  }
  return into;
}

/** The state after reading `code` in `state`, following fail links where there is no edge. */
function transition(
  root: Int32Array,
  childStart: Int32Array,
  nodeCode: Uint16Array,
  fail: Int32Array,
  state: number,
  code: number,
): number {
  let current = state;
  while (current !== 0) {
    const next = childOf(childStart, nodeCode, current, code);
    if (next !== 0) return next;
    current = fail[current] as number;
  }
  return root[code] as number;
}

export class AhoCorasick {
  private readonly root: Int32Array;
  private readonly childStart: Int32Array;
  private readonly nodeCode: Uint16Array;
  private readonly fail: Int32Array;
  /**
   * Per node, the nearest node on its fail chain (or itself) that ends a pattern (0 if none),
   * found at the node's first visit: a pass over all 100,000-odd nodes at every cold start cost
   * 7–14 ms (in a cold Node process, docs/BENCHMARKS.md), more than the nodes a page reaches.
   */
  private readonly outputLink: Int32Array;
  private readonly outputStart: Int32Array;
  private readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;

  private constructor(tables: Tables) {
    this.root = tables.root;
    this.childStart = tables.childStart;
    this.nodeCode = tables.nodeCode;
    this.fail = tables.fail;
    this.outputLink = new Int32Array(tables.fail.length).fill(UNKNOWN);
    this.outputLink[0] = 0;
    this.outputStart = tables.outputStart;
    this.outputPatterns = tables.outputPatterns;
    this.patternLengths = tables.patternLengths;
  }

  /** Patterns must be non-empty; their index is what `search` reports. */
  static build(patterns: readonly string[]): AhoCorasick {
    return new AhoCorasick(buildTables(patterns));
  }

  toArrays(): AutomatonArrays {
    const pairs: number[] = [];
    this.root.forEach((target, code) => {
      if (target !== 0) pairs.push(code, target);
    });
    const { childStart, nodeCode, fail, outputStart, outputPatterns, patternLengths } = this;
    const nodes = fail.length;
    return {
      rootPairs: Int32Array.from(pairs),
      childCount: runLengths(childStart, new Uint16Array(nodes), 0xffff, 'children'),
      nodeCode,
      fail,
      outputCount: runLengths(outputStart, new Uint8Array(nodes), 0xff, 'patterns ending'),
      outputPatterns,
      patternLengths,
    };
  }

  /** The automaton `toArrays` wrote: the arrays are used, not copied, and the rest derived. */
  static fromArrays(arrays: AutomatonArrays): AhoCorasick {
    const nodes = arrays.fail.length;
    if (arrays.nodeCode.length !== nodes || arrays.childCount.length !== nodes || arrays.outputCount.length !== nodes) {
      throw new Error('automaton: node arrays of unequal length');
    }
    const { childStart, outputStart } = runStarts(arrays.childCount, arrays.outputCount);
    if (childStart[nodes] !== nodes || outputStart[nodes] !== arrays.outputPatterns.length) {
      throw new Error('automaton: counts that do not add up to the arrays');
    }
    const root = new Int32Array(0x10000);
    for (let i = 0; i + 1 < arrays.rootPairs.length; i += 2) {
      root[arrays.rootPairs[i] as number] = arrays.rootPairs[i + 1] as number;
    }
    return new AhoCorasick({
      root,
      childStart,
      nodeCode: arrays.nodeCode,
      fail: arrays.fail,
      outputStart,
      outputPatterns: arrays.outputPatterns,
      patternLengths: arrays.patternLengths,
    });
  }

  /**
   * Calls `onMatch(patternIndex, end)` for every occurrence, in order of `end` (exclusive); stops
   * when it returns true.
   */
  search(text: string, onMatch: (pattern: number, end: number) => unknown): void {
    const { root, childStart, nodeCode, fail, outputLink, outputStart, outputPatterns } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = transition(root, childStart, nodeCode, fail, state, text.charCodeAt(i));
      let node = outputLink[state] as number;
      if (node === UNKNOWN) node = this.findOutputLink(state);
      while (node !== 0) {
        const last = outputStart[node + 1] as number;
        for (let k = outputStart[node] as number; k < last; k++) {
          if (onMatch(outputPatterns[k] as number, i + 1) === true) return;
        }
        const next = fail[node] as number;
        node = outputLink[next] as number;
        if (node === UNKNOWN) node = this.findOutputLink(next);
      }
    }
  }

  /** Follows `node`'s fail chain to its output link, and notes it for every node passed. */
  private findOutputLink(node: number): number {
    const { fail, outputLink, outputStart } = this;
    const passed: number[] = [];
    let at = node;
    let link = outputLink[at] as number;
    while (link === UNKNOWN) {
      if (outputStart[at + 1] !== outputStart[at]) {
        link = at;
        break;
      }
      passed.push(at);
      at = fail[at] as number;
      link = outputLink[at] as number;
    }
    outputLink[at] = link;
    for (const passedNode of passed) outputLink[passedNode] = link;
    return link;
  }
}
