/**
 * Normalisation for matching, with a map back to the original offsets (the idea of 10ten
 * Reader's normalize.ts). Every UTF-16 unit of the output records the [start, end) span of
 * the input it came from, so a match in normalised text maps to the exact original characters.
 *
 * What it folds: NFKC (full-width forms, ligatures), case (unless told not to), ё → е,
 * every dash and hyphen to a space, every kind of space to one space (runs collapse), curly
 * apostrophes to ', and it drops soft hyphens and zero-width characters.
 */

export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** For each unit of `text`, where its source starts in the input (UTF-16 offset). */
  readonly starts: Int32Array;
  /** For each unit of `text`, where its source ends in the input (exclusive). */
  readonly ends: Int32Array;
}

export interface NormalizeOptions {
  /** Fold case (default). Off to compare case-sensitive aliases as written. */
  readonly foldCase?: boolean;
}

const DROPPED = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]/u;
const DASHES = /[-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const SPACES = /\s/u;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\uFF07]/u;
const COMBINING_MARK = /\p{M}/u;

const foldedCache = new Map<number, string>();
const casedCache = new Map<number, string>();

/** What one code point (or base + combining marks) becomes. */
function mapCluster(cluster: string, foldCase: boolean): string {
  if (DROPPED.test(cluster)) return '';
  if (SPACES.test(cluster) || DASHES.test(cluster)) return ' ';
  if (APOSTROPHES.test(cluster)) return "'";
  let out = cluster.normalize('NFKC');
  if (foldCase) out = out.toLowerCase();
  // ё and е are interchangeable in ordinary Russian writing.
  return out.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
}

function mapCodePoint(codePoint: number, foldCase: boolean): string {
  const cache = foldCase ? foldedCache : casedCache;
  let mapped = cache.get(codePoint);
  if (mapped === undefined) {
    mapped = mapCluster(String.fromCodePoint(codePoint), foldCase);
    cache.set(codePoint, mapped);
  }
  return mapped;
}

export function normalizeForMatch(input: string, options: NormalizeOptions = {}): NormalizedText {
  const foldCase = options.foldCase ?? true;
  let capacity = input.length + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  const parts: string[] = [];
  let length = 0;
  let lastWasSpace = false;

  const push = (mapped: string, start: number, end: number) => {
    for (let k = 0; k < mapped.length; k++) {
      const unit = mapped[k] as string;
      if (unit === ' ') {
        if (lastWasSpace) {
          continue;
        }
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      if (length === capacity) {
        capacity *= 2;
        const grownStarts = new Int32Array(capacity);
        grownStarts.set(starts);
        starts = grownStarts;
        const grownEnds = new Int32Array(capacity);
        grownEnds.set(ends);
        ends = grownEnds;
      }
      starts[length] = start;
      ends[length] = end;
      parts.push(unit);
      length++;
    }
  };

  let i = 0;
  while (i < input.length) {
    const codePoint = input.codePointAt(i) as number;
    let end = i + (codePoint > 0xffff ? 2 : 1);
    // A base followed by combining marks normalises as one cluster (и + ◌̆ → й).
    if (end < input.length && COMBINING_MARK.test(input[end] as string)) {
      while (end < input.length && COMBINING_MARK.test(input[end] as string)) end++;
      push(mapCluster(input.slice(i, end), foldCase), i, end);
    } else {
      push(mapCodePoint(codePoint, foldCase), i, end);
    }
    i = end;
  }
  return { text: parts.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The form an alias is compiled and compared in: normalised and trimmed. */
export function aliasKey(alias: string, foldCase = true): string {
  return normalizeForMatch(alias, { foldCase }).text.trim();
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const HAN = /\p{Script=Han}/u;

/** An alias's language follows from its script: Han → zh, Cyrillic → ru, otherwise en. */
export function languageOfAlias(alias: string): 'en' | 'ru' | 'zh' {
  if (HAN.test(alias)) return 'zh';
  if (CYRILLIC.test(alias)) return 'ru';
  return 'en';
}
