/**
 * A small Aho–Corasick automaton over UTF-16 code units: every pattern is found in one pass
 * over the text. (DESIGN.md §3: one pass, never one per alias; the npm packages we tried
 * degrade badly on Cyrillic and CJK.) Transitions out of the root are a dense table, since
 * most characters of a page start nothing; the rest live in one open-addressing hash table.
 */

const EMPTY = -1;

class EdgeTable {
  private mask: number;
  private fromNodes: Int32Array;
  private codes: Int32Array;
  private targets: Int32Array;
  private size = 0;

  constructor(capacity = 1024) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(capacity, 16)));
    this.mask = size - 1;
    this.fromNodes = new Int32Array(size).fill(EMPTY);
    this.codes = new Int32Array(size);
    this.targets = new Int32Array(size);
  }

  private slot(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77)) & this.mask;
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
  readonly outputs: (number[] | undefined)[];
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
  return { root, edges, fail, outputLink, outputs, patternLengths };
}

export class AhoCorasick {
  private readonly root: Int32Array;
  private readonly edges: EdgeTable;
  private readonly fail: Int32Array;
  /** Nearest node on the fail chain (or itself) that ends a pattern; 0 if none. */
  private readonly outputLink: Int32Array;
  private readonly outputs: (number[] | undefined)[];
  readonly patternLengths: Int32Array;

  private constructor(tables: Tables) {
    this.root = tables.root;
    this.edges = tables.edges;
    this.fail = tables.fail;
    this.outputLink = tables.outputLink;
    this.outputs = tables.outputs;
    this.patternLengths = tables.patternLengths;
  }

  /** Patterns must be non-empty; their index is what `search` reports. */
  static build(patterns: readonly string[]): AhoCorasick {
    return new AhoCorasick(buildTables(patterns));
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
        for (const pattern of this.outputs[node] as number[]) if (onMatch(pattern, i + 1) === true) return;
        node = this.outputLink[this.fail[node] as number] as number;
      }
    }
  }
}
