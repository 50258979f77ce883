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
import { endingLength, isCyrillicLetter } from './russian-endings';

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
  /**
   * Take the case ending off every Cyrillic word (`russian-endings.ts`), as text is matched. A
   * removed ending is folded into the span of the stem's last unit, so a match of the stem maps
   * to the whole inflected word in the input.
   */
  readonly stemRussian?: boolean;
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

/**
 * What code points become, remembered as they are met. A code unit of the BMP that becomes one
 * unit (nearly all of them: Cyrillic, Han) is kept in a flat table, the rest in a map.
 */
class CodePointMap {
  /** Per BMP code unit: 0 not yet seen, -1 not one unit, else the unit it becomes + 1. */
  private single: Int32Array | undefined;
  private readonly other = new Map<number, string>();

  constructor(private readonly foldCase: boolean) {}

  /** The one unit `code` (of the BMP) becomes, or -1 if it becomes none or several. */
  unitOf(code: number): number {
    this.single ??= new Int32Array(0x10000);
    let known = this.single[code] as number;
    if (known === 0) {
      const mapped = this.stringOf(code);
      known = mapped.length === 1 ? mapped.charCodeAt(0) + 1 : -1;
      this.single[code] = known;
    }
    return known < 0 ? -1 : known - 1;
  }

  stringOf(codePoint: number): string {
    let mapped = this.other.get(codePoint);
    if (mapped === undefined) {
      mapped = mapCluster(String.fromCodePoint(codePoint), this.foldCase);
      this.other.set(codePoint, mapped);
    }
    return mapped;
  }
}
const FOLDED = new CodePointMap(true);
const CASED = new CodePointMap(false);

/** Per code unit from U+0300: 0 not yet seen, 1 a combining mark, 2 not one. */
const combiningKnown = new Uint8Array(0x10000);

/** Combining marks live above U+02FF; only there is the (slower) Unicode test needed, once a unit. */
function isCombining(code: number): boolean {
  if (code < 0x300) return false;
  let known = combiningKnown[code] as number;
  if (known === 0) {
    known = COMBINING_MARK.test(String.fromCharCode(code)) ? 1 : 2;
    combiningKnown[code] = known;
  }
  return known === 1;
}

const decoder = new TextDecoder('utf-16le');

/** The normalised units being written, with their spans in the input; grows as needed. */
class Output {
  private units: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  /** Where the Cyrillic word being written began, or -1 (only when stemming). */
  private wordStart = -1;

  constructor(
    capacity: number,
    private readonly stemRussian: boolean,
  ) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(unit: number, start: number, end: number): void {
    if (this.stemRussian) {
      if (isCyrillicLetter(unit)) {
        if (this.wordStart < 0) this.wordStart = this.length;
      } else if (this.wordStart >= 0) {
        this.endWord();
      }
    }
    // Runs of spaces collapse to one.
    if (unit === SPACE && this.length > 0 && this.units[this.length - 1] === SPACE) return;
    if (this.length === this.units.length) this.grow();
    this.units[this.length] = unit;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  pushString(mapped: string, start: number, end: number): void {
    for (let k = 0; k < mapped.length; k++) this.push(mapped.charCodeAt(k), start, end);
  }

  finish(): NormalizedText {
    if (this.wordStart >= 0) this.endWord();
    return {
      text: decoder.decode(this.units.subarray(0, this.length)),
      starts: this.starts.subarray(0, this.length),
      ends: this.ends.subarray(0, this.length),
    };
  }

  /** The word just written loses its case ending; its last kept unit covers the ending too. */
  private endWord(): void {
    const removed = endingLength(this.units, this.wordStart, this.length);
    this.wordStart = -1;
    if (removed === 0) return;
    const end = this.ends[this.length - 1] as number;
    this.length -= removed;
    this.ends[this.length - 1] = end;
  }

  private grow(): void {
    const capacity = this.units.length * 2;
    const units = new Uint16Array(capacity);
    units.set(this.units);
    this.units = units;
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.ends = ends;
  }
}

export function normalizeForMatch(input: string, options: NormalizeOptions = {}): NormalizedText {
  const foldCase = options.foldCase ?? true;
  const ascii = foldCase ? ASCII_FOLDED : ASCII_CASED;
  const codePoints = foldCase ? FOLDED : CASED;
  const output = new Output(input.length + 16, options.stemRussian ?? false);
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    const nextCode = i + 1 < input.length ? input.charCodeAt(i + 1) : 0;
    if (code < 0x80 && !isCombining(nextCode)) {
      output.push(ascii[code] as number, i, i + 1);
      i++;
      continue;
    }
    const codePoint = input.codePointAt(i) as number;
    let end = i + (codePoint > 0xffff ? 2 : 1);
    // A base followed by combining marks normalises as one cluster (и + ◌̆ → й).
    if (end < input.length && isCombining(input.charCodeAt(end))) {
      while (end < input.length && isCombining(input.charCodeAt(end))) end++;
      output.pushString(mapCluster(input.slice(i, end), foldCase), i, end);
    } else {
      const unit = codePoint > 0xffff ? -1 : codePoints.unitOf(codePoint);
      if (unit >= 0) output.push(unit, i, end);
      else output.pushString(codePoints.stringOf(codePoint), i, end);
    }
    i = end;
  }
  return output.finish();
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
