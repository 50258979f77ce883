/**
 * A small Aho–Corasick automaton over UTF-16 code units: every pattern is found in one pass
 * over the text. (DESIGN.md §3: one pass, never one per alias; the npm packages we tried
 * degrade badly on Cyrillic and CJK.) Transitions out of the root are a dense table, since
 * most characters of a page start nothing; the rest live in one open-addressing hash table.
 */

const EMPTY = -1;

class EdgeTable {
  private mask: number;
  fromNodes: Int32Array;
  codes: Int32Array;
  targets: Int32Array;
  private size = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.mask = size - 1;
    this.fromNodes = new Int32Array(size).fill(EMPTY);
    this.codes = new Int32Array(size);
    this.targets = new Int32Array(size);
  }

  /** A finished table, as `fromNodes`, `codes` and `targets` held it (read-only from then on). */
  static of(fromNodes: Int32Array, codes: Int32Array, targets: Int32Array): EdgeTable {
    const size = fromNodes.length;
    if (size < 16 || size & (size - 1) || codes.length !== size || targets.length !== size) {
      throw new Error('edge table: arrays of unequal or non-power-of-two length');
    }
    const table = new EdgeTable(16);
    table.mask = size - 1;
    table.fromNodes = fromNodes;
    table.codes = codes;
    table.targets = targets;
    table.size = fromNodes.reduce((count, from) => count + (from === EMPTY ? 0 : 1), 0);
    return table;
  }

  private slot(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77)) & this.mask;
  }

  /** The same edges in the smallest table that holds them (the build sizes it generously). */
  compacted(): EdgeTable {
    const table = new EdgeTable(this.size * 2);
    for (let i = 0; i < this.fromNodes.length; i++) {
      const from = this.fromNodes[i] as number;
      if (from !== EMPTY) table.set(from, this.codes[i] as number, this.targets[i] as number);
    }
    return table;
  }

  get(node: number, code: number): number {
    let slot = this.slot(node, code);
    for (;;) {
      const from = this.fromNodes[slot] as number;
      if (from === EMPTY) return 0;
      if (from === node && this.codes[slot] === code) return this.targets[slot] as number;
      slot = (slot + 1) & this.mask;
    }
  }

  set(node: number, code: number, target: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    let slot = this.slot(node, code);
    while (this.fromNodes[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.fromNodes[slot] = node;
    this.codes[slot] = code;
    this.targets[slot] = target;
    this.size++;
  }

  private grow(): void {
    const { fromNodes, codes, targets } = this;
    const size = (this.mask + 1) * 2;
    this.mask = size - 1;
    this.fromNodes = new Int32Array(size).fill(EMPTY);
    this.codes = new Int32Array(size);
    this.targets = new Int32Array(size);
    this.size = 0;
    for (let i = 0; i < fromNodes.length; i++) {
      if (fromNodes[i] !== EMPTY) this.set(fromNodes[i] as number, codes[i] as number, targets[i] as number);
    }
  }
}

interface Tables {
  readonly root: Int32Array;
  readonly edges: EdgeTable;
  readonly fail: Int32Array;
  readonly outputLink: Int32Array;
  /** The patterns ending at node n are `outputPatterns[outputStart[n] .. outputStart[n + 1]]`. */
  readonly outputStart: Int32Array;
  readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;
}

/** The automaton as flat arrays: what `AhoCorasick.fromArrays` takes back. */
export interface AutomatonArrays {
  /** Root transitions as (code, target) pairs: the dense table is mostly empty. */
  readonly rootPairs: Int32Array;
  readonly edgeFrom: Int32Array;
  readonly edgeCode: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly fail: Int32Array;
  readonly outputLink: Int32Array;
  readonly outputStart: Int32Array;
  readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;
}

/** The state after reading `code` in `state`, following fail links where there is no edge. */
function transition(root: Int32Array, edges: EdgeTable, fail: Int32Array, state: number, code: number): number {
  let current = state;
  for (;;) {
    const next = current === 0 ? (root[code] as number) : edges.get(current, code);
    if (next !== 0 || current === 0) return next;
    current = fail[current] as number;
  }
}

function buildTables(patterns: readonly string[]): Tables {
  const root = new Int32Array(0x10000);
  const totalLength = patterns.reduce((sum, pattern) => sum + pattern.length, 0);
  const edges = new EdgeTable(totalLength * 2);
  const patternLengths = Int32Array.from(patterns, (pattern) => pattern.length);
  const children: number[][] = [[]];
  const outputs: (number[] | undefined)[] = [undefined];
  let nodeCount = 1;

  for (let index = 0; index < patterns.length; index++) {
    const pattern = patterns[index] as string;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = node === 0 ? (root[code] as number) : edges.get(node, code);
      if (next === 0) {
        next = nodeCount++;
        children.push([]);
        outputs.push(undefined);
        if (node === 0) root[code] = next;
        else edges.set(node, code, next);
        (children[node] as number[]).push(code);
      }
      node = next;
    }
    const ending = outputs[node];
    if (ending) ending.push(index);
    else outputs[node] = [index];
  }

  const fail = new Int32Array(nodeCount);
  const outputLink = new Int32Array(nodeCount);
  // Breadth-first: a node's fail link is known before its children's.
  const queue = new Int32Array(nodeCount);
  let head = 0;
  let tail = 0;
  for (const code of children[0] as number[]) queue[tail++] = root[code] as number;
  for (let q = 0; q < tail; q++) {
    const node = queue[q] as number;
    outputLink[node] = outputs[node] ? node : (outputLink[fail[node] as number] as number);
  }
  while (head < tail) {
    const node = queue[head++] as number;
    for (const code of children[node] as number[]) {
      const child = edges.get(node, code);
      fail[child] = transition(root, edges, fail, fail[node] as number, code);
      outputLink[child] = outputs[child] ? child : (outputLink[fail[child] as number] as number);
      queue[tail++] = child;
    }
  }
  const outputStart = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) {
    outputStart[node + 1] = (outputStart[node] as number) + (outputs[node]?.length ?? 0);
  }
  const outputPatterns = Int32Array.from(outputs.flatMap((list) => list ?? []));
  return { root, edges, fail, outputLink, outputStart, outputPatterns, patternLengths };
}

export class AhoCorasick {
  private readonly root: Int32Array;
  private readonly edges: EdgeTable;
  private readonly fail: Int32Array;
  /** Nearest node on the fail chain (or itself) that ends a pattern; 0 if none. */
  private readonly outputLink: Int32Array;
  private readonly outputStart: Int32Array;
  private readonly outputPatterns: Int32Array;
  readonly patternLengths: Int32Array;

  private constructor(tables: Tables) {
    this.root = tables.root;
    this.edges = tables.edges;
    this.fail = tables.fail;
    this.outputLink = tables.outputLink;
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
    const edges = this.edges.compacted();
    return {
      rootPairs: Int32Array.from(pairs),
      edgeFrom: edges.fromNodes,
      edgeCode: edges.codes,
      edgeTarget: edges.targets,
      fail: this.fail,
      outputLink: this.outputLink,
      outputStart: this.outputStart,
      outputPatterns: this.outputPatterns,
      patternLengths: this.patternLengths,
    };
  }

  /** The automaton `toArrays` wrote, ready at once (the arrays are used, not copied). */
  static fromArrays(arrays: AutomatonArrays): AhoCorasick {
    const nodes = arrays.fail.length;
    if (arrays.outputLink.length !== nodes || arrays.outputStart.length !== nodes + 1) {
      throw new Error('automaton: node arrays of unequal length');
    }
    const root = new Int32Array(0x10000);
    for (let i = 0; i + 1 < arrays.rootPairs.length; i += 2) {
      root[arrays.rootPairs[i] as number] = arrays.rootPairs[i + 1] as number;
    }
    return new AhoCorasick({
      root,
      edges: EdgeTable.of(arrays.edgeFrom, arrays.edgeCode, arrays.edgeTarget),
      fail: arrays.fail,
      outputLink: arrays.outputLink,
      outputStart: arrays.outputStart,
      outputPatterns: arrays.outputPatterns,
      patternLengths: arrays.patternLengths,
    });
  }

  private step(state: number, code: number): number {
    return transition(this.root, this.edges, this.fail, state, code);
  }

  /**
   * Calls `onMatch(patternIndex, end)` for every occurrence, in order of `end` (exclusive); stops
   * when it returns true.
   */
  search(text: string, onMatch: (pattern: number, end: number) => unknown): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      let node = this.outputLink[state] as number;
      while (node !== 0) {
        const last = this.outputStart[node + 1] as number;
        for (let k = this.outputStart[node] as number; k < last; k++) {
          if (onMatch(this.outputPatterns[k] as number, i + 1) === true) return;
        }
        node = this.outputLink[this.fail[node] as number] as number;
      }
    }
  }
}
