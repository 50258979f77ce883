/**
 * Normalisation for matching, with a map back to the original offsets (the idea of 10ten
 * Reader's normalize.ts). Every UTF-16 unit of the output records the [start, end) span of
 * the input it came from, so a match in normalised text maps to the exact original characters.
 *
 * What it folds: NFKC (full-width forms, ligatures), case (unless told not to), ё → е,
 * every dash and hyphen to a space, every kind of space to one space (runs collapse), curly
 * apostrophes to ', every kind of quotation mark (« » “ ” „ 「 」 『 』) to ", every dot that
 * separates the parts of a transliterated name (· ・ ‧ • ∙ ⋅, writers use any of them) to ·, and it
 * drops soft hyphens and zero-width characters.
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
const QUOTES = /[\u00AB\u00BB\u201C-\u201F\u2033\u300C-\u300F\u301D-\u301F\uFF02]/u;
const NAME_SEPARATORS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\uFF65]/u;
const NAME_SEPARATOR = '\u00B7';
const COMBINING_MARK = /\p{M}/u;
const SPACE = 0x20;

/** What each ASCII character becomes (the hot path: most page text is ASCII). */
function asciiTable(foldCase: boolean): Uint16Array {
  const table = new Uint16Array(128);
  for (let code = 0; code < 128; code++) {
    if (code === 0x2d || SPACES.test(String.fromCharCode(code))) table[code] = SPACE;
    else if (foldCase && code >= 0x41 && code <= 0x5a) table[code] = code + 0x20;
    else table[code] = code;
  }
  return table;
}
const ASCII_FOLDED = asciiTable(true);
const ASCII_CASED = asciiTable(false);

const foldedCache = new Map<number, string>();
const casedCache = new Map<number, string>();

/** What one code point (or base + combining marks) becomes. */
function mapCluster(cluster: string, foldCase: boolean): string {
  if (DROPPED.test(cluster)) return '';
  if (SPACES.test(cluster) || DASHES.test(cluster)) return ' ';
  if (APOSTROPHES.test(cluster)) return "'";
  if (QUOTES.test(cluster)) return '"';
  if (NAME_SEPARATORS.test(cluster)) return NAME_SEPARATOR;
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

/** Combining marks live above U+02FF; only there is the (slower) Unicode test needed. */
function isCombining(code: number): boolean {
  return code >= 0x300 && COMBINING_MARK.test(String.fromCharCode(code));
}

const decoder = new TextDecoder('utf-16le');

export function normalizeForMatch(input: string, options: NormalizeOptions = {}): NormalizedText {
  const foldCase = options.foldCase ?? true;
  const ascii = foldCase ? ASCII_FOLDED : ASCII_CASED;
  let capacity = input.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let length = 0;

  const grow = () => {
    capacity *= 2;
    const grownUnits = new Uint16Array(capacity);
    grownUnits.set(units);
    units = grownUnits;
    const grownStarts = new Int32Array(capacity);
    grownStarts.set(starts);
    starts = grownStarts;
    const grownEnds = new Int32Array(capacity);
    grownEnds.set(ends);
    ends = grownEnds;
  };
  const pushUnit = (unit: number, start: number, end: number) => {
    // Runs of spaces collapse to one.
    if (unit === SPACE && length > 0 && units[length - 1] === SPACE) return;
    if (length === capacity) grow();
    units[length] = unit;
    starts[length] = start;
    ends[length] = end;
    length++;
  };
  const pushString = (mapped: string, start: number, end: number) => {
    for (let k = 0; k < mapped.length; k++) pushUnit(mapped.charCodeAt(k), start, end);
  };

  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    const nextCode = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    if (code < 0x80 && !isCombining(nextCode)) {
      pushUnit(ascii[code] as number, i, i + 1);
      i++;
      continue;
    }
    const codePoint = input.codePointAt(i) as number;
    let end = i + (codePoint > 0xffff ? 2 : 1);
    // A base followed by combining marks normalises as one cluster (и + ◌̆ → й).
    if (end < input.length && isCombining(input.charCodeAt(end))) {
      while (end < input.length && isCombining(input.charCodeAt(end))) end++;
      pushString(mapCluster(input.slice(i, end), foldCase), i, end);
    } else {
      pushString(mapCodePoint(codePoint, foldCase), i, end);
    }
    i = end;
  }
  return {
    text: decoder.decode(units.subarray(0, length)),
    starts: starts.subarray(0, length),
    ends: ends.subarray(0, length),
  };
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
