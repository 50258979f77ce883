/**
 * Finds mentions of dataset entities in text. Compiled once from the lexicon into one
 * Aho–Corasick automaton over normalised, Russian-stemmed text; a text is matched in one pass,
 * then candidates are filtered (word boundaries, case, URLs) and resolved longest-leftmost.
 * Aliases that need context are kept only where the page corroborates them (`matchTexts`).
 * Phrases marked `notAMention` (Xi'an, Gazprom Neft) take part in longest-leftmost so they
 * swallow the alias inside them, and are then dropped.
 */
import type { PackedArray, Unpacked } from '../binary-pack';
import type { LexiconEntry } from '../dataset/records';
import { aliasKey, type NormalizedText, normalizeForMatch } from '../text/normalize';
import { aliasWordStems } from '../text/russian-endings';
import { AhoCorasick } from './aho-corasick';
import type { EntityInfo } from './entity-info';
import { ABBREVIATION_REACH, abbreviationAfter, bracketWithin, occurrences } from './rules/abbreviations';
import { countryJustBefore, countryNear, hasTitleCue, initialsStart, titleFollows } from './rules/cues';
import { descriptiveEnd, descriptiveStart } from './rules/descriptive';
import { quantifiedBefore } from './rules/generic-plural';
import { misspelledForms, writtenAsName } from './rules/misspellings';
import { isBylineOrCredit, isBylinePlace, isDateline, isOwnSite } from './rules/publisher';
import { insideLongerQuotedName } from './rules/quoted-names';
import { namesAShip } from './rules/ships';
import { editionId, trailingNumber } from './rules/successors';

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
  /** A capitalised Latin name of several words ("New Development Bank"): never matched in all lower case. */
  readonly capitalised?: true;
  /** This entry stands for the alias's one-slip forms (`misspelledForms`): only where written as a name. */
  readonly misspelt?: true;
  /** Found only by `mightMention`: a Russian name as written (see `compileLexicon`). */
  readonly scoutOnly?: true;
  /** A Russian name ending in -ск (Забайкальск), whose adjective (Забайкальский) has the same stem. */
  readonly russianSk?: true;
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
type RejectReason =
  | 'boundary'
  | 'case'
  | 'url'
  | 'overlap'
  | 'notAMention'
  | 'needsContext'
  | 'publisher'
  | 'successor'
  | 'country'
  | 'longer name'
  | 'generic';

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
  /** Entity id → what the page rules need: type, country, initials, an outlet's sites. */
  readonly info?: ReadonlyMap<string, EntityInfo>;
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

const URL_TOKEN =
  /^[a-z][a-z0-9+.-]*:\/\/|^www\.|[\w-]+\.(?:com|ru|cn|org|net|io|gov|info|biz|uk|hk|tw|su)(?:[/:?#]|[.,;:!?)\]'"]*$)|@|\/[\w.~%-]*\//i;
/** A name between slashes, as a dateline writes it: "/TASS/", "/TASS/.". */
const SLASHED_NAME = /^\/[A-Za-z][A-Za-z -]*\/[.,:]?$/;
/** Characters a URL, an e-mail address or a path is written with (RFC 3986, ASCII only). */
const URL_CHAR = /[\w.~:/?#[\]@!$&'()*+,;=%-]/;

function prepare(text: string): NormalizedText {
  return normalizeForMatch(text, { stemRussian: true });
}

/**
 * At most this many compiled forms per alias. A long Russian name's words each have two or three
 * possible stems, and every combination of them would be 124,416 forms for one 18-word title.
 */
const MAX_FORMS_PER_ALIAS = 48;

/**
 * An alias as it is compiled: normalised, and the stem combinations of its Russian words. The
 * words that inflect with the name's case come first («Министерство промышленности…» →
 * «Министерства промышленности…»); the rest of a long name is a fixed genitive, so once the
 * combinations reach the cap, later words keep the stem of the form as written.
 */
export function compiledForms(alias: string): string[] {
  const normalized = aliasKey(alias);
  if (!normalized) return [];
  // Cyrillic words alternate with what lies between them (spaces, quotes, Latin, digits).
  let forms = [''];
  for (const part of normalized.split(/([\u0400-\u045f]+)/)) {
    const stems = /^[\u0400-\u045f]/.test(part) ? aliasWordStems(part) : [part];
    const variants = forms.length * stems.length > MAX_FORMS_PER_ALIAS ? stems.slice(0, 1) : stems;
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
  readonly info: Readonly<Record<string, EntityInfo>>;
}

/** Words a capitalised name leaves in lower case ("Power of Siberia"). */
const LOWER_IN_NAMES = new Set(['of', 'the', 'and', 'for', 'de', 'on', 'in', 'to', 'a']);

/**
 * A Latin name with two capitalised words or more: "New Development Bank", "Joint Sea exercise"
 * (a name and a generic noun), not "joint air patrol".
 */
function isCapitalisedName(text: string): boolean {
  if (!/^[\p{Script=Latin}\p{N}\s'’.,&-]+$/u.test(text)) return false;
  const words = text.split(/[\s-]+/u).filter((word) => /\p{L}/u.test(word) && !LOWER_IN_NAMES.has(word));
  return words.filter((word) => /^\p{Lu}/u.test(word)).length >= 2;
}

/** A Russian name whose last word ends in -ск: Забайкальск, Благовещенск. */
const RUSSIAN_SK = /[\u0400-\u04ff]ск$/iu;

function compiledEntry(entry: LexiconEntry): CompiledEntry {
  const { text, ...meaning } = entry;
  if (entry.caseSensitive) return { ...meaning, exact: aliasKey(text, false) };
  if (RUSSIAN_SK.test(text)) return { ...meaning, russianSk: true };
  return isCapitalisedName(text) ? { ...meaning, capitalised: true } : meaning;
}

/** An adjective made from a name in -ск: «Забайкальский губернатор», «благовещенские власти». */
const SK_ADJECTIVE = /ск(?:ий|ая|ое|ие|ого|ой|ому|им|их|ую|ими)$/iu;
/** Quotation marks around a name are not part of the mention («Авилон» is Авилон). */
const OPENING_QUOTES = '«“„"「『';
const CLOSING_QUOTES = '»”"」』';

/** A candidate resolved to one entry, with its span as the page rules leave it. */
interface Resolved {
  readonly entry: CompiledEntry;
  readonly entity: string;
  readonly start: number;
  readonly end: number;
}

function compileLexicon(lexicon: readonly LexiconEntry[]): CompiledLexicon {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const entriesOf: number[][] = [];
  const relaxed: number[] = [];
  const addPattern = (form: string, entryNumber: number, aliasLength: number) => {
    let index = patternIndex.get(form);
    if (index === undefined) {
      index = patterns.length;
      patternIndex.set(form, index);
      patterns.push(form);
      entriesOf.push([]);
      relaxed.push(0);
    }
    (entriesOf[index] as number[]).push(entryNumber);
    if (form.length >= RELAXED_FORM_LENGTH && aliasLength >= RELAXED_ALIAS_LENGTH) relaxed[index] = 1;
  };
  lexicon.forEach((entry, entryNumber) => {
    for (const form of compiledForms(entry.text)) addPattern(form, entryNumber, entry.text.length);
  });
  // One-slip forms of long names, each pointing at a `misspelt` copy of its entry; a slip that
  // spells another alias is that alias.
  const entries = lexicon.map(compiledEntry);
  const exactPatterns = patterns.length;
  lexicon.forEach((entry, entryNumber) => {
    if (entry.caseSensitive || entry.needsContext || entry.notAMention) return;
    const slips = misspelledForms(entry.text).flatMap(compiledForms);
    const fresh = slips.filter((form) => {
      const index = patternIndex.get(form);
      return index === undefined || index >= exactPatterns;
    });
    if (fresh.length === 0) return;
    const misspelt = entries.length;
    entries.push({ ...(entries[entryNumber] as CompiledEntry), misspelt: true });
    for (const form of new Set(fresh)) addPattern(form, misspelt, entry.text.length);
  });
  // The scout's pre-check reads text whose blocks ran together, and a letter glued to the front
  // of a Russian name can change how its first word is stemmed («аДжей Пи Морган»): such a name
  // is also looked for as written, by `mightMention` only. Added last, so these patterns hold
  // nothing else.
  lexicon.forEach((entry, entryNumber) => {
    if (entry.notAMention || entry.text.length < RELAXED_ALIAS_LENGTH || !/[\u0400-\u04ff]/.test(entry.text)) return;
    const written = aliasKey(entry.text);
    if (patternIndex.has(written)) return;
    const scout = entries.length;
    entries.push({ ...(entries[entryNumber] as CompiledEntry), scoutOnly: true });
    addPattern(written, scout, entry.text.length);
  });
  const entryStart = new Int32Array(patterns.length + 1);
  entriesOf.forEach((list, pattern) => {
    entryStart[pattern + 1] = (entryStart[pattern] as number) + list.length;
  });
  return {
    automaton: AhoCorasick.build(patterns),
    entries,
    entryStart,
    entryIndex: Int32Array.from(entriesOf.flat()),
    boundedStart: Uint8Array.from(patterns, (p) => (isWordCode(p.charCodeAt(0)) ? 1 : 0)),
    boundedEnd: Uint8Array.from(patterns, (p) => (isWordCode(p.charCodeAt(p.length - 1)) ? 1 : 0)),
    relaxed: Uint8Array.from(relaxed),
  };
}

/**
 * Do the characters at `left` and `right` belong to one word? Word characters of one script do;
 * Latin run into Cyrillic does not ("[Gazprom]Рентген", a caption glued to a credit).
 */
function joined(text: string, left: number, right: number): boolean {
  const a = text.charCodeAt(left);
  const b = text.charCodeAt(right);
  if (!isWordCode(a) || !isWordCode(b)) return false;
  return isCyrillicCode(a) === isCyrillicCode(b) || !isLetterCode(a) || !isLetterCode(b);
}
const isCyrillicCode = (code: number) => code >= 0x400 && code <= 0x52f;
const isLetterCode = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0;

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
  /** Per pattern, once its entries are read: does a case rule apply to any of them? */
  private readonly caseRuled: Uint8Array;
  private readonly boundedStart: Uint8Array;
  private readonly boundedEnd: Uint8Array;
  private readonly relaxed: Uint8Array;
  private readonly related: ReadonlyMap<string, readonly string[]>;
  private readonly info: ReadonlyMap<string, EntityInfo>;

  private constructor(compiled: CompiledLexicon, options: MatcherOptions) {
    this.compiled = compiled;
    this.automaton = compiled.automaton;
    this.entriesOf = new Array(compiled.entryStart.length - 1);
    this.caseRuled = new Uint8Array(compiled.entryStart.length - 1);
    this.boundedStart = compiled.boundedStart;
    this.boundedEnd = compiled.boundedEnd;
    this.relaxed = compiled.relaxed;
    this.related = options.related ?? new Map();
    this.info = options.info ?? new Map();
  }

  static of(lexicon: readonly LexiconEntry[], options: MatcherOptions = {}): Matcher {
    return new Matcher(compileLexicon(lexicon), options);
  }

  /** The matcher as a JSON part and typed arrays (`binary-pack`), to be written at build time. */
  toPacked(): { meta: PackedMatcherMeta; arrays: Record<string, PackedArray> } {
    const { automaton, entryStart, boundedStart, boundedEnd, relaxed } = this.compiled;
    const { entries, entryIndex } = distinctEntries(this.compiled.entries, this.compiled.entryIndex);
    return {
      meta: { entries, related: Object.fromEntries(this.related), info: Object.fromEntries(this.info) },
      arrays: { ...automaton.toArrays(), entryStart, entryIndex, boundedStart, boundedEnd, relaxed },
    };
  }

  /** A matcher `toPacked` wrote: no compiling, the arrays are used where they lie. */
  static fromPacked(packed: Unpacked<{ matcher: PackedMatcherMeta }>): Matcher {
    const { int32, uint16, uint8 } = packed;
    const automaton = AhoCorasick.fromArrays({
      rootPairs: int32('rootPairs'),
      childCount: uint16('childCount'),
      nodeCode: uint16('nodeCode'),
      fail: int32('fail'),
      outputCount: uint8('outputCount'),
      outputPatterns: int32('outputPatterns'),
      patternLengths: int32('patternLengths'),
    });
    const { entries, related, info } = packed.meta.matcher;
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
    return new Matcher(compiled, { related: new Map(Object.entries(related)), info: new Map(Object.entries(info)) });
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
      this.caseRuled[pattern] = entries.some((e) => e.caseSensitive || e.capitalised || e.misspelt) ? 1 : 0;
    }
    return entries;
  }

  /** Candidates in one text that pass the local checks, longest-leftmost, without overlaps. */
  private findCandidates(original: string, reject?: RejectSink): Candidate[] {
    const prepared = prepare(original);
    const { text, starts, ends } = prepared;
    const found: Candidate[] = [];
    this.automaton.search(text, (pattern, end) => {
      const all = this.entriesOfPattern(pattern);
      if (all[0]?.scoutOnly) return;
      const start = end - (this.automaton.patternLengths[pattern] as number);
      if (
        (this.boundedStart[pattern] &&
          start > 0 &&
          isWordCode(text.charCodeAt(start - 1)) &&
          joined(text, start - 1, start)) ||
        (this.boundedEnd[pattern] &&
          end < text.length &&
          isWordCode(text.charCodeAt(end)) &&
          joined(text, end - 1, end))
      ) {
        reject?.(starts[start] as number, ends[end - 1] as number, all, 'boundary');
        return;
      }
      const originalStart = starts[start] as number;
      const originalEnd = ends[end - 1] as number;
      let entries = all;
      // Most patterns have no case rule: no slice, no filtering (the hot path).
      if (this.caseRuled[pattern] === 1) {
        const slice = original.slice(originalStart, originalEnd);
        entries = all.filter(
          (entry) =>
            (!entry.caseSensitive || matchesExactly(entry, slice)) &&
            (!entry.capitalised || slice !== slice.toLowerCase()) &&
            (!entry.misspelt || writtenAsName(slice)),
        );
      }
      if (entries.length < all.length) {
        reject?.(
          originalStart,
          originalEnd,
          all.filter((entry) => !entries.includes(entry)),
          'case',
        );
      }
      if (entries.length === 0) return;
      if (
        (this.boundedStart[pattern] && insideUrl(original, originalStart, originalEnd)) ||
        insideFileName(original, originalEnd)
      ) {
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
    page: PageContext,
    explain?: (index: number) => RejectSink,
  ): Mention[][] {
    const sinks = explain ? texts.map((_, index) => explain(index)) : undefined;
    const perText = texts.map((text, index) => this.findCandidates(text, sinks?.[index]));
    this.addPageAbbreviations(texts, perText);
    const confirmed = new Set<string>(alreadyNamed);
    for (const candidates of perText) {
      for (const candidate of candidates) {
        for (const entry of candidate.entries) if (!entry.needsContext) confirmed.add(entry.entity);
      }
    }
    // A cue by an ambiguous alias ("President Xi", «И. Сечин») confirms it for the whole page.
    const early = new Map<Candidate, Resolved>();
    perText.forEach((candidates, index) => {
      for (const candidate of candidates) {
        if (!candidate.entries.every((entry) => entry.needsContext)) continue;
        const resolved = this.resolve(candidate, texts[index] as string, confirmed);
        if (!resolved) continue;
        confirmed.add(resolved.entity);
        early.set(candidate, resolved);
      }
    });
    const publishers = this.publishersOf(texts, perText, page);
    return perText.map((candidates, index) => {
      const text = texts[index] as string;
      const sink = sinks?.[index];
      const mentions: Mention[] = [];
      let reached = 0;
      for (const candidate of candidates) {
        if (candidate.start < reached) continue;
        const resolved = early.get(candidate) ?? this.resolve(candidate, text, confirmed, sink);
        if (!resolved) continue;
        const mention = this.applyPageRules(resolved, text, publishers, sink);
        if (!mention) continue;
        mentions.push(mention);
        reached = mention.end;
      }
      return mentions;
    });
  }

  /**
   * Short forms the page defines ("Russian Direct Investment Fund (RDIF)", 中国投资有限责任公司（中投）)
   * become candidates for that entity wherever they stand on the page, where no other candidate is.
   */
  private addPageAbbreviations(texts: readonly string[], perText: Candidate[][]): void {
    const defined = new Map<string, readonly CompiledEntry[]>();
    perText.forEach((candidates, index) => {
      for (const candidate of candidates) {
        const text = texts[index] as string;
        // Most names have no bracket after them: skip them before any other work.
        if (!bracketWithin(text, candidate.end, ABBREVIATION_REACH)) continue;
        const sure = candidate.entries.filter((entry) => !entry.needsContext);
        if (sure.length === 0) continue;
        const end = descriptiveEnd(text, candidate.end, this.info.get(sure[0]?.entity ?? '')?.type);
        const short = abbreviationAfter(text, candidate.start, end);
        if (!short || defined.has(short)) continue;
        // A short form that is already an alias needs no page rule (and must keep its own checks).
        const known = this.findCandidates(short).some((found) => found.start === 0 && found.end === short.length);
        if (!known) defined.set(short, sure);
      }
    });
    if (defined.size === 0) return;
    perText.forEach((candidates, index) => {
      const added: Candidate[] = [];
      const replaced = new Set<Candidate>();
      for (const [short, entries] of defined) {
        for (const { start, end } of occurrences(texts[index] as string, short)) {
          const overlapping = candidates.filter((candidate) => candidate.start < end && start < candidate.end);
          // The page's own definition outweighs an ambiguous alias inside it (俄中行 holds 中行).
          const yields = (candidate: Candidate) =>
            candidate.start >= start && candidate.end <= end && candidate.entries.every((entry) => entry.needsContext);
          if (!overlapping.every(yields)) continue;
          for (const candidate of overlapping) replaced.add(candidate);
          added.push({ start, end, entries });
        }
      }
      if (added.length === 0) return;
      const kept = candidates.filter((candidate) => !replaced.has(candidate));
      candidates.length = 0;
      candidates.push(...kept, ...added);
      candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    });
  }

  /** Which entry a candidate stands for on this page, if any (see the rules in order below). */
  private resolve(
    candidate: Candidate,
    text: string,
    confirmed: ReadonlySet<string>,
    sink?: RejectSink,
  ): Resolved | undefined {
    const { entries } = candidate;
    for (const entry of entries) {
      if (!entry.needsContext) return { entry, entity: entry.entity, start: candidate.start, end: candidate.end };
    }
    const at = (entry: CompiledEntry, start = candidate.start): Resolved => ({
      entry,
      entity: entry.entity,
      start,
      end: candidate.end,
    });
    // A person's given name or initials before the surname: "I. Sechin", 德·尼·帕特鲁舍夫.
    for (const entry of entries) {
      const initials = this.info.get(entry.entity)?.initials;
      const start = initials ? initialsStart(text, candidate.start, initials) : undefined;
      if (start !== undefined) return at(entry, start);
    }
    // A country word right before an organisation's short form decides, and is never overruled:
    // «китайского Минобороны» is China's, whatever else the page names.
    const organisations = entries.filter((entry) => this.info.get(entry.entity)?.type !== 'person');
    const local = organisations.length > 0 ? countryJustBefore(text, candidate.start) : undefined;
    if (local) {
      const entry = organisations.find((e) => this.info.get(e.entity)?.country === local);
      if (entry) return at(entry);
      sink?.(candidate.start, candidate.end, entries, 'country');
      return undefined;
    }
    const named = entries.find((entry) => confirmed.has(entry.entity));
    if (named) return at(named);
    const relatedNamed = (entry: CompiledEntry) => this.related.get(entry.entity)?.some((id) => confirmed.has(id));
    if (hasTitleCue(text, candidate.start, candidate.end)) {
      const country = countryNear(text, candidate.start);
      const entry = entries.find(
        (e) => relatedNamed(e) || (country !== undefined && this.info.get(e.entity)?.country === country),
      );
      if (entry) return at(entry);
    }
    // A place, project or organisation named ambiguously (北极航道, 克宫, "State Council") is
    // corroborated by a related entity the page names; a surname needs a title too.
    // Only for a name of one entity: between two (Минобороны, 央行) a related name is no evidence.
    const single = new Set(organisations.map((entry) => entry.entity)).size === 1;
    const corroborated = !single || titleFollows(text, candidate.end) ? undefined : organisations.find(relatedNamed);
    if (corroborated) return at(corroborated);
    sink?.(candidate.start, candidate.end, entries, 'needsContext');
    return undefined;
  }

  /** Outlets that published the page: the host's own, and any a dateline names. */
  private publishersOf(texts: readonly string[], perText: readonly Candidate[][], page: PageContext): Set<string> {
    const publishers = new Set<string>();
    perText.forEach((candidates, index) => {
      for (const candidate of candidates) {
        for (const entry of candidate.entries) {
          const sites = this.info.get(entry.entity)?.sites;
          if (!sites || publishers.has(entry.entity)) continue;
          if (isOwnSite(page.host, sites) || isDateline(texts[index] as string, candidate.start, candidate.end)) {
            publishers.add(entry.entity);
          }
        }
      }
    });
    return publishers;
  }

  /** The publisher's own name, a number after a name, a generic noun after it. */
  private applyPageRules(
    resolved: Resolved,
    text: string,
    publishers: ReadonlySet<string>,
    sink?: RejectSink,
  ): Mention | undefined {
    const { entry, start } = resolved;
    let { entity, end } = resolved;
    const info = this.info.get(entity);
    if (info?.sites && (publishers.has(entity) || isBylineOrCredit(text, start, end))) {
      sink?.(start, end, [entry], 'publisher');
      return undefined;
    }
    if (info && info.type !== 'person' && quantifiedBefore(text, start)) {
      sink?.(start, end, [entry], 'generic');
      return undefined;
    }
    if (insideLongerQuotedName(text, start, end)) {
      sink?.(start, end, [entry], 'longer name');
      return undefined;
    }
    if (
      info?.type === 'place' &&
      (namesAShip(text, start, end) ||
        isBylinePlace(text, start) ||
        (entry.russianSk && SK_ADJECTIVE.test(text.slice(start, end))))
    ) {
      sink?.(start, end, [entry], 'generic');
      return undefined;
    }
    if (info && (info.type === 'project' || info.type === 'event')) {
      const number = trailingNumber(text, end);
      if (number?.kind === 'successor') {
        sink?.(start, end, [entry], 'successor');
        return undefined;
      }
      if (number?.kind === 'year' && info.type === 'event') {
        const edition = editionId(entity, number.year);
        if (this.info.has(edition)) entity = edition;
        end = number.end;
      }
    }
    const entityInfo = this.info.get(entity);
    // An outlet takes the generic nouns of an outlet ("RIA-Novosti news agency").
    const type = entityInfo?.sites ? 'outlet' : entityInfo?.type;
    end = descriptiveEnd(text, end, type);
    let from = descriptiveStart(text, start, type);
    // Only quotes the name does not close or open itself: «форум «Один пояс, один путь»» keeps its own.
    const quotes = (chars: string) => [...text.slice(from, end)].filter((char) => chars.includes(char)).length;
    const opens = OPENING_QUOTES.includes(text.charAt(from));
    const closes = CLOSING_QUOTES.includes(text.charAt(end - 1));
    if (opens && closes && quotes(OPENING_QUOTES + CLOSING_QUOTES) <= 2 && end - from > 2) {
      from++;
      end--;
    } else {
      if (opens && quotes(OPENING_QUOTES) > quotes(CLOSING_QUOTES)) from++;
      if (closes && quotes(CLOSING_QUOTES) > quotes(OPENING_QUOTES)) end--;
    }
    return {
      start: from,
      end,
      entities: [entity, ...(entity === entry.entity ? (entry.alsoNames ?? []) : [])],
    };
  }

  matchText(text: string): Mention[] {
    return this.matchTexts([text])[0] as Mention[];
  }
}

/** A case-sensitive alias matches only as written. */
function matchesExactly(entry: CompiledEntry, originalSlice: string): boolean {
  return normalizeForMatch(originalSlice, { foldCase: false }).text.startsWith(entry.exact ?? '');
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
  const token = text.slice(left, right);
  // "/TASS/." is a dateline, not a path.
  if (SLASHED_NAME.test(token)) return false;
  return URL_TOKEN.test(token);
}

/** Is the match part of a file name that ends its line ("2024 RT Banner.gif")? Not a mention. */
function insideFileName(text: string, end: number): boolean {
  const rest = text.slice(end, end + 60);
  const dot = rest.indexOf('.');
  if (dot < 0) return false;
  return /^[^\n.!?,;:]*\.(?:gif|jpe?g|png|webp|svg)\s*(?:\n|$)/iu.test(rest);
}

/**
 * Entries equal in every field written once (most aliases of an entity compile to the same
 * entry): the packed file's JSON part, parsed at every start of the background, is a third
 * the size. Entries are compared by value only, never by identity, so sharing is safe.
 */
function distinctEntries(
  entries: readonly CompiledEntry[],
  entryIndex: Int32Array,
): { entries: CompiledEntry[]; entryIndex: Int32Array } {
  const distinct: CompiledEntry[] = [];
  const indexOfKey = new Map<string, number>();
  const newIndexOf = entries.map((entry) => {
    const key = JSON.stringify(entry);
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = distinct.push(entry) - 1;
      indexOfKey.set(key, index);
    }
    return index;
  });
  return { entries: distinct, entryIndex: entryIndex.map((index) => newIndexOf[index] as number) };
}
