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

export class AhoCorasick {
  private readonly root = new Int32Array(0x10000);
  private readonly edges: EdgeTable;
  private readonly fail: Int32Array;
  /** Nearest node on the fail chain (or itself) that ends a pattern; 0 if none. */
  private readonly outputLink: Int32Array;
  private readonly outputs: (number[] | undefined)[];
  readonly patternLengths: Int32Array;

  /** Patterns must be non-empty; their index is what `search` reports. */
  constructor(patterns: readonly string[]) {
    const totalLength = patterns.reduce((sum, pattern) => sum + pattern.length, 0);
    this.edges = new EdgeTable(totalLength * 2);
    this.patternLengths = Int32Array.from(patterns, (pattern) => pattern.length);
    const children: number[][] = [[]];
    const outputs: (number[] | undefined)[] = [undefined];
    let nodeCount = 1;

    patterns.forEach((pattern, index) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let next = node === 0 ? (this.root[code] as number) : this.edges.get(node, code);
        if (next === 0) {
          next = nodeCount++;
          children.push([]);
          outputs.push(undefined);
          if (node === 0) this.root[code] = next;
          else this.edges.set(node, code, next);
          (children[node] as number[]).push(code);
        }
        node = next;
      }
      const ending = outputs[node];
      if (ending) ending.push(index);
      else outputs[node] = [index];
    });

    this.outputs = outputs;
    this.fail = new Int32Array(nodeCount);
    this.outputLink = new Int32Array(nodeCount);
    // Breadth-first: a node's fail link is known before its children's.
    const queue = new Int32Array(nodeCount);
    let head = 0;
    let tail = 0;
    for (const code of children[0] as number[]) queue[tail++] = this.root[code] as number;
    for (let q = 0; q < tail; q++) {
      const node = queue[q] as number;
      this.outputLink[node] = outputs[node] ? node : (this.outputLink[this.fail[node] as number] as number);
    }
    while (head < tail) {
      const node = queue[head++] as number;
      for (const code of children[node] as number[]) {
        const child = this.edges.get(node, code);
        this.fail[child] = this.step(this.fail[node] as number, code);
        this.outputLink[child] = outputs[child] ? child : (this.outputLink[this.fail[child] as number] as number);
        queue[tail++] = child;
      }
    }
  }

  private step(state: number, code: number): number {
    let current = state;
    for (;;) {
      const next = current === 0 ? (this.root[code] as number) : this.edges.get(current, code);
      if (next !== 0 || current === 0) return next;
      current = this.fail[current] as number;
    }
  }

  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is exclusive. */
  search(text: string, onMatch: (pattern: number, end: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charCodeAt(i));
      let node = this.outputLink[state] as number;
      while (node !== 0) {
        for (const pattern of this.outputs[node] as number[]) onMatch(pattern, i + 1);
        node = this.outputLink[this.fail[node] as number] as number;
      }
    }
  }
}
