/**
 * Finds mentions of dataset entities in text. Compiled once from the lexicon into one
 * Aho–Corasick automaton over normalised, Russian-stemmed text; a text is matched in one pass,
 * then candidates are filtered (word boundaries, case, URLs) and resolved longest-leftmost.
 * Aliases that need context are kept only where the page corroborates them (`matchTexts`).
 * Phrases marked `notAMention` (Xi'an, Gazprom Neft) take part in longest-leftmost so they
 * swallow the alias inside them, and are then dropped.
 */
import type { Unpacked } from '../binary-pack';
import type { LexiconEntry } from '../dataset/records';
import { aliasKey, type NormalizedText, normalizeForMatch } from '../text/normalize';
import { aliasWordStems, stripRussianEndings } from '../text/russian-endings';
import { AhoCorasick } from './aho-corasick';

export interface Mention {
  /** UTF-16 offsets into the original text; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
  /** The entity named; more than one only for contracted forms (习普 → Xi and Putin). */
  readonly entities: readonly string[];
}

/** A lexicon entry as the matcher keeps it: what a match means, not the alias's text. */
export interface CompiledEntry {
  readonly entity: string;
  readonly caseSensitive?: true;
  readonly needsContext?: true;
  readonly alsoNames?: readonly string[];
  readonly notAMention?: true;
  /** A case-sensitive alias as it must be written (normalised, case kept). */
  readonly exact?: string;
}

export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Lexicon entries this pattern stands for that passed the checks here. */
  readonly entries: readonly CompiledEntry[];
}

/** What the page a text comes from says about itself; everything optional. */
export interface PageContext {
  /** The page's host ("tass.com"): the publisher's own name there is a byline, not a mention. */
  readonly host?: string;
}

/** Why a candidate was dropped: for `explainTexts`, never computed while matching. */
export type RejectReason = 'boundary' | 'case' | 'url' | 'overlap' | 'notAMention' | 'needsContext';

export interface Rejection {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
  readonly reason: RejectReason;
}

type RejectSink = (start: number, end: number, entries: readonly CompiledEntry[], reason: RejectReason) => void;

export interface MatcherOptions {
  /** Entity id → related entity ids, to corroborate a titled ambiguous alias ("President Xi"). */
  readonly related?: ReadonlyMap<string, readonly string[]>;
}

/** Latin, Greek and Cyrillic letters, digits, combining marks and "_": what makes a word longer. */
export function isWordCode(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x300 && code <= 0x52f) ||
    (code >= 0x1e00 && code <= 0x1eff)
  );
}

/** Titles that, right before an ambiguous alias, say a person is meant. */
const TITLE_CUES = new Set([
  'president',
  'premier',
  'minister',
  'mr',
  'ms',
  'mrs',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'chief',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'secretary',
  'envoy',
  'leader',
  'deputy',
  'vice',
  'presidents',
  // Russian, stemmed as the text is (президент, министр, глава, посол, председатель, господин)
  'президент',
  'министр',
  'глав',
  'посол',
  'председател',
  'господин',
  'премьер',
  'лидер',
]);
/** Chinese titles that come before a name (商务部新闻发言人高峰, 国务院副总理汪洋). */
const CJK_TITLES_BEFORE = [
  '发言人',
  '發言人',
  '总理',
  '總理',
  '主席',
  '部长',
  '部長',
  '外长',
  '外長',
  '大使',
  '董事长',
  '董事長',
  '总裁',
  '總裁',
  '总经理',
  '總經理',
  '书记',
  '書記',
];
/** Chinese titles that follow a name (普京总统, 习近平主席). */
const CJK_TITLE_CUES = [
  '主席',
  '总统',
  '總統',
  '总理',
  '總理',
  '部长',
  '部長',
  '大使',
  '先生',
  '总裁',
  '總裁',
  '董事长',
  '董事長',
];

const URL_TOKEN =
  /^[a-z][a-z0-9+.-]*:\/\/|^www\.|[\w-]+\.(?:com|ru|cn|org|net|io|gov|info|biz|uk|hk|tw|su)(?:[/:?#]|[.,;:!?)\]'"]*$)|@|\/[\w.~%-]*\//i;
/** Characters a URL, an e-mail address or a path is written with (RFC 3986, ASCII only). */
const URL_CHAR = /[\w.~:/?#[\]@!$&'()*+,;=%-]/;

function prepare(text: string): NormalizedText {
  return stripRussianEndings(normalizeForMatch(text));
}

/** An alias as it is compiled: normalised, and every stem combination of its Russian words. */
export function compiledForms(alias: string): string[] {
  const normalized = aliasKey(alias);
  if (!normalized) return [];
  // Cyrillic words alternate with what lies between them (spaces, quotes, Latin, digits).
  let forms = [''];
  for (const part of normalized.split(/([\u0400-\u045f]+)/)) {
    const variants = /^[\u0400-\u045f]/.test(part) ? aliasWordStems(part) : [part];
    forms = forms.flatMap((prefix) => variants.map((variant) => prefix + variant));
  }
  return [...new Set(forms)];
}

/**
 * An alias this long, whose compiled form (a Russian stem, say) keeps four characters or more,
 * hides inside no ordinary word: see `mightMention`.
 */
const RELAXED_ALIAS_LENGTH = 5;
const RELAXED_FORM_LENGTH = 4;

/** What the matcher compiles from a lexicon: flat arrays, so it can be written at build time. */
interface CompiledLexicon {
  readonly automaton: AhoCorasick;
  readonly entries: readonly CompiledEntry[];
  /** Pattern p stands for `entries[entryIndex[entryStart[p] .. entryStart[p + 1]]]`. */
  readonly entryStart: Int32Array;
  readonly entryIndex: Int32Array;
  /** Per pattern: does it need a word boundary before / after it? */
  readonly boundedStart: Uint8Array;
  readonly boundedEnd: Uint8Array;
  /** Per pattern: `mightMention` may find it inside a longer word. */
  readonly relaxed: Uint8Array;
}

/** The JSON part of a packed matcher (the rest is typed arrays). */
export interface PackedMatcherMeta {
  readonly entries: readonly CompiledEntry[];
  readonly related: Readonly<Record<string, readonly string[]>>;
}

function compiledEntry(entry: LexiconEntry): CompiledEntry {
  const { text, ...meaning } = entry;
  return entry.caseSensitive ? { ...meaning, exact: aliasKey(text, false) } : meaning;
}

function compileLexicon(lexicon: readonly LexiconEntry[]): CompiledLexicon {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const entriesOf: number[][] = [];
  const relaxed: number[] = [];
  lexicon.forEach((entry, entryNumber) => {
    for (const form of compiledForms(entry.text)) {
      let index = patternIndex.get(form);
      if (index === undefined) {
        index = patterns.length;
        patternIndex.set(form, index);
        patterns.push(form);
        entriesOf.push([]);
        relaxed.push(0);
      }
      (entriesOf[index] as number[]).push(entryNumber);
      if (form.length >= RELAXED_FORM_LENGTH && entry.text.length >= RELAXED_ALIAS_LENGTH) relaxed[index] = 1;
    }
  });
  const entryStart = new Int32Array(patterns.length + 1);
  entriesOf.forEach((list, pattern) => {
    entryStart[pattern + 1] = (entryStart[pattern] as number) + list.length;
  });
  return {
    automaton: AhoCorasick.build(patterns),
    entries: lexicon.map(compiledEntry),
    entryStart,
    entryIndex: Int32Array.from(entriesOf.flat()),
    boundedStart: Uint8Array.from(patterns, (p) => (isWordCode(p.charCodeAt(0)) ? 1 : 0)),
    boundedEnd: Uint8Array.from(patterns, (p) => (isWordCode(p.charCodeAt(p.length - 1)) ? 1 : 0)),
    relaxed: Uint8Array.from(relaxed),
  };
}

/** Whether a block may start at `at`: a lower-case letter before an upper-case one ("MoscowXi"). */
function startsWord(text: string, at: number): boolean {
  const previous = text.charAt(at - 1);
  const next = text.charAt(at);
  return previous !== previous.toUpperCase() && next !== next.toLowerCase();
}

export class Matcher {
  private readonly compiled: CompiledLexicon;
  private readonly automaton: AhoCorasick;
  /** Per pattern: the entries it stands for (built on first use from the flat arrays). */
  private readonly entriesOf: (readonly CompiledEntry[] | undefined)[];
  private readonly boundedStart: Uint8Array;
  private readonly boundedEnd: Uint8Array;
  private readonly relaxed: Uint8Array;
  private readonly related: ReadonlyMap<string, readonly string[]>;

  private constructor(compiled: CompiledLexicon, options: MatcherOptions) {
    this.compiled = compiled;
    this.automaton = compiled.automaton;
    this.entriesOf = new Array(compiled.entryStart.length - 1);
    this.boundedStart = compiled.boundedStart;
    this.boundedEnd = compiled.boundedEnd;
    this.relaxed = compiled.relaxed;
    this.related = options.related ?? new Map();
  }

  static of(lexicon: readonly LexiconEntry[], options: MatcherOptions = {}): Matcher {
    return new Matcher(compileLexicon(lexicon), options);
  }

  /** The matcher as a JSON part and typed arrays (`binary-pack`), to be written at build time. */
  toPacked(): { meta: PackedMatcherMeta; arrays: Record<string, Int32Array | Uint8Array> } {
    const { automaton, entries, entryStart, entryIndex, boundedStart, boundedEnd, relaxed } = this.compiled;
    return {
      meta: { entries, related: Object.fromEntries(this.related) },
      arrays: { ...automaton.toArrays(), entryStart, entryIndex, boundedStart, boundedEnd, relaxed },
    };
  }

  /** A matcher `toPacked` wrote: no compiling, the arrays are used where they lie. */
  static fromPacked(packed: Unpacked<{ matcher: PackedMatcherMeta }>): Matcher {
    const { int32, uint8 } = packed;
    const automaton = AhoCorasick.fromArrays({
      rootPairs: int32('rootPairs'),
      edgeFrom: int32('edgeFrom'),
      edgeCode: int32('edgeCode'),
      edgeTarget: int32('edgeTarget'),
      fail: int32('fail'),
      outputLink: int32('outputLink'),
      outputStart: int32('outputStart'),
      outputPatterns: int32('outputPatterns'),
      patternLengths: int32('patternLengths'),
    });
    const { entries, related } = packed.meta.matcher;
    const compiled: CompiledLexicon = {
      automaton,
      entries,
      entryStart: int32('entryStart'),
      entryIndex: int32('entryIndex'),
      boundedStart: uint8('boundedStart'),
      boundedEnd: uint8('boundedEnd'),
      relaxed: uint8('relaxed'),
    };
    if (compiled.entryStart.length !== automaton.patternLengths.length + 1) {
      throw new Error('packed matcher: pattern arrays of unequal length');
    }
    return new Matcher(compiled, { related: new Map(Object.entries(related)) });
  }

  private entriesOfPattern(pattern: number): readonly CompiledEntry[] {
    let entries = this.entriesOf[pattern];
    if (!entries) {
      const { entries: all, entryStart, entryIndex } = this.compiled;
      entries = [];
      for (let k = entryStart[pattern] as number; k < (entryStart[pattern + 1] as number); k++) {
        (entries as CompiledEntry[]).push(all[entryIndex[k] as number] as CompiledEntry);
      }
      this.entriesOf[pattern] = entries;
    }
    return entries;
  }

  /** Candidates in one text that pass the local checks, longest-leftmost, without overlaps. */
  private findCandidates(original: string, reject?: RejectSink): Candidate[] {
    const prepared = prepare(original);
    const { text, starts, ends } = prepared;
    const found: Candidate[] = [];
    this.automaton.search(text, (pattern, end) => {
      const start = end - (this.automaton.patternLengths[pattern] as number);
      if (
        (this.boundedStart[pattern] && start > 0 && isWordCode(text.charCodeAt(start - 1))) ||
        (this.boundedEnd[pattern] && end < text.length && isWordCode(text.charCodeAt(end)))
      ) {
        reject?.(starts[start] as number, ends[end - 1] as number, this.entriesOfPattern(pattern), 'boundary');
        return;
      }
      const originalStart = starts[start] as number;
      const originalEnd = ends[end - 1] as number;
      const all = this.entriesOfPattern(pattern);
      const entries = all.filter(
        (entry) => !entry.caseSensitive || matchesExactly(entry, original.slice(originalStart, originalEnd)),
      );
      if (entries.length < all.length) {
        reject?.(
          originalStart,
          originalEnd,
          all.filter((entry) => !entries.includes(entry)),
          'case',
        );
      }
      if (entries.length === 0) return;
      if (this.boundedStart[pattern] && insideUrl(original, originalStart, originalEnd)) {
        reject?.(originalStart, originalEnd, entries, 'url');
        return;
      }
      found.push({ start: originalStart, end: originalEnd, entries });
    });
    found.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: Candidate[] = [];
    let reached = 0;
    for (const candidate of found) {
      if (candidate.start < reached) {
        reject?.(candidate.start, candidate.end, candidate.entries, 'overlap');
        continue;
      }
      reached = candidate.end;
      const entries = candidate.entries.filter((entry) => !entry.notAMention);
      if (entries.length === 0) {
        reject?.(candidate.start, candidate.end, candidate.entries, 'notAMention');
        continue;
      }
      chosen.push(entries.length === candidate.entries.length ? candidate : { ...candidate, entries });
    }
    return chosen;
  }

  /**
   * Whether a text may hold a mention: never false for a text that holds one, even when the text
   * of blocks ran together with nothing between them (an element's `textContent`), so a page can
   * be cleared from one read of its text. Running together defeats the word-boundary checks at
   * block edges ("…Gazprom" + "Shares…"), so an alias of five characters or more counts even
   * inside a longer word; a shorter one (PLA, Xi) would then be everywhere (PLAte, taXi), so it
   * still needs its boundaries, or a change of case where blocks may meet ("MoscowXi").
   * Case-sensitive aliases keep their case.
   */
  mightMention(original: string): boolean {
    // Russian endings are taken off whole words, and a word that ran into the one before is a
    // different word (Дай → аДай loses "ай"): so also look in the text as written.
    return (
      this.mightMentionIn(original, prepare(original)) || this.mightMentionIn(original, normalizeForMatch(original))
    );
  }

  private mightMentionIn(original: string, { text, starts, ends }: NormalizedText): boolean {
    let found = false;
    this.automaton.search(text, (pattern, end) => {
      const start = end - (this.automaton.patternLengths[pattern] as number);
      if (!this.relaxed[pattern]) {
        const before = start > 0 && isWordCode(text.charCodeAt(start - 1));
        const after = end < text.length && isWordCode(text.charCodeAt(end));
        if (this.boundedStart[pattern] && before && !startsWord(original, starts[start] as number)) return false;
        if (this.boundedEnd[pattern] && after && !startsWord(original, ends[end - 1] as number)) return false;
      }
      const slice = original.slice(starts[start] as number, ends[end - 1] as number);
      found = this.entriesOfPattern(pattern).some(
        (entry) => !entry.notAMention && (!entry.caseSensitive || matchesExactly(entry, slice)),
      );
      return found;
    });
    return found;
  }

  /**
   * The mentions in a page's texts (one per block), matched together: an ambiguous alias counts
   * only if the same page names its entity unambiguously, or a title stands right by it and the
   * page names a related entity. `alreadyNamed`: entities the page was already found to name,
   * which corroborate ambiguous aliases in texts added later. `page`: what the page says about
   * itself (its host).
   */
  matchTexts(texts: readonly string[], alreadyNamed: Iterable<string> = [], page: PageContext = {}): Mention[][] {
    return this.run(texts, alreadyNamed, page);
  }

  /**
   * `matchTexts`, and every candidate the checks dropped, with the reason: for the eval's
   * account of misses. Slower; never used by the extension.
   */
  explainTexts(
    texts: readonly string[],
    alreadyNamed: Iterable<string> = [],
    page: PageContext = {},
  ): { mentions: Mention[][]; rejected: Rejection[][] } {
    const rejected: Rejection[][] = texts.map(() => []);
    const mentions = this.run(texts, alreadyNamed, page, (index) => (start, end, entries, reason) => {
      for (const entry of entries) (rejected[index] as Rejection[]).push({ start, end, entity: entry.entity, reason });
    });
    return { mentions, rejected };
  }

  private run(
    texts: readonly string[],
    alreadyNamed: Iterable<string>,
    _page: PageContext,
    explain?: (index: number) => RejectSink,
  ): Mention[][] {
    const sinks = explain ? texts.map((_, index) => explain(index)) : undefined;
    const perText = texts.map((text, index) => this.findCandidates(text, sinks?.[index]));
    const confirmed = new Set<string>(alreadyNamed);
    for (const candidates of perText) {
      for (const candidate of candidates) {
        for (const entry of candidate.entries) if (!entry.needsContext) confirmed.add(entry.entity);
      }
    }
    // A title by an ambiguous alias ("President Xi") confirms it for the whole page.
    perText.forEach((candidates, index) => {
      for (const candidate of candidates) {
        const entry = this.pick(candidate, texts[index] as string, confirmed);
        if (entry) confirmed.add(entry.entity);
      }
    });
    return perText.map((candidates, index) =>
      candidates.flatMap((candidate): Mention[] => {
        const entry = this.pick(candidate, texts[index] as string, confirmed);
        if (!entry) {
          sinks?.[index]?.(candidate.start, candidate.end, candidate.entries, 'needsContext');
          return [];
        }
        return [{ start: candidate.start, end: candidate.end, entities: [entry.entity, ...(entry.alsoNames ?? [])] }];
      }),
    );
  }

  matchText(text: string): Mention[] {
    return this.matchTexts([text])[0] as Mention[];
  }

  private pick(candidate: Candidate, text: string, confirmed: ReadonlySet<string>): CompiledEntry | undefined {
    const sure = candidate.entries.find((entry) => !entry.needsContext);
    if (sure) return sure;
    const named = candidate.entries.find((entry) => confirmed.has(entry.entity));
    if (named) return named;
    if (!hasTitleCue(text, candidate.start, candidate.end)) return undefined;
    return candidate.entries.find((entry) => this.related.get(entry.entity)?.some((id) => confirmed.has(id)));
  }
}

/** A case-sensitive alias matches only as written. */
function matchesExactly(entry: CompiledEntry, originalSlice: string): boolean {
  return normalizeForMatch(originalSlice, { foldCase: false }).text.startsWith(entry.exact ?? '');
}

function hasTitleCue(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 3);
  if (CJK_TITLE_CUES.some((cue) => after.startsWith(cue))) return true;
  const justBefore = text.slice(Math.max(0, start - 3), start);
  if (CJK_TITLES_BEFORE.some((cue) => justBefore.endsWith(cue))) return true;
  const before = prepare(text.slice(Math.max(0, start - 40), start)).text.trimEnd();
  const lastWord = before.slice(before.lastIndexOf(' ') + 1).replace(/[.,]$/, '');
  return TITLE_CUES.has(lastWord);
}

/**
 * Is the match part of a URL, an e-mail address or a path (a slug is not a mention)? Only
 * ASCII is looked at: a dateline like "/ТАСС/" or a Chinese sentence around "www.rosneft.ru"
 * is not a URL.
 */
function insideUrl(text: string, start: number, end: number): boolean {
  let left = start;
  while (left > 0 && start - left < 300 && URL_CHAR.test(text[left - 1] as string)) left--;
  let right = end;
  while (right < text.length && right - end < 300 && URL_CHAR.test(text[right] as string)) right++;
  if (left === start && right === end) return false;
  return URL_TOKEN.test(text.slice(left, right));
}
