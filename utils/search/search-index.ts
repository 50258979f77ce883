/**
 * Search over the whole dataset: entities by names and aliases in every script, deals by title,
 * figures (series) by title and terms, then people by their roles and everything by its summary.
 * Built once, from names folded at build time (`search-data.ts`). Every hit says why it was
 * found (`SearchMatch`), and ranks by how it matched, in this order: the whole name; the start of
 * a name; every query word starting a word of the name; the same within a typo or two; the query
 * inside a word; a looser fuzzy match (fuse.js); a role; a summary. fuse.js reads every string it
 * holds on every search, so a character-pair index first picks the few names that share enough
 * of the query to be a hit at all, and only those are compared.
 */
import Fuse from 'fuse.js';
import { aliasKey } from '../text/normalize';
import type { SearchData, SearchDeal, SearchEntity, SearchFigure, SearchRole } from './search-data';
import { searchNamesOf } from './search-data';

/** Why a record was found: the string of it that matched, and where, when the query is in it. */
export interface SearchMatch {
  readonly field: 'name' | 'alias' | 'role' | 'summary';
  /** The name, alias, title or term; the role's title; the summary. */
  readonly text: string;
  /** For a role at an organisation the dataset has: that organisation's name. */
  readonly org?: string;
  /** `[start, end)` of the query in `text`, when it is there as typed. */
  readonly at?: readonly [number, number];
}

export type SearchHit = { readonly score: number; readonly match: SearchMatch } & (
  | { readonly kind: 'entity'; readonly entity: SearchEntity }
  | { readonly kind: 'deal'; readonly deal: SearchDeal }
  | { readonly kind: 'figure'; readonly figure: SearchFigure }
);

type Ref =
  | Pick<Extract<SearchHit, { kind: 'entity' }>, 'kind' | 'entity'>
  | Pick<Extract<SearchHit, { kind: 'deal' }>, 'kind' | 'deal'>
  | Pick<Extract<SearchHit, { kind: 'figure' }>, 'kind' | 'figure'>;

interface SearchDoc {
  readonly ref: Ref;
  readonly summary: readonly string[];
  readonly roles: readonly SearchRole[];
}

/** One name, alias, title or term of a doc, with its folded form. */
interface NameEntry {
  readonly doc: SearchDoc;
  readonly text: string;
  readonly folded: string;
  readonly field: 'name' | 'alias';
}

/** Ranks by kind of match (lower is better); within one, a closer length and a name before an alias. */
const RANK = {
  exact: -1,
  prefix: 0,
  words: 0.1,
  typo: 0.2,
  inside: 0.3,
  fuzzy: 0.4,
  role: 0.6,
  summary: 0.7,
} as const;
/** The most a length difference or an alias adds within a rank: less than the gap to the next. */
const MAX_GAP_PENALTY = 0.06;
const ALIAS_PENALTY = 0.02;
/** A one-letter query finds names with a word starting with it, below any real match. */
const INITIAL_SCORE = 0.5;
/** Share of a query's character pairs a name must have: one typo breaks at most two pairs. */
const MIN_SHARED_PAIRS = 0.4;
/** Names compared per keystroke, at most (fuse.js costs ~5 µs a name). */
const CANDIDATES = 60;
/** Roles and summaries are prose: only a query this long, starting a word, is looked for there. */
const MIN_PROSE_QUERY = 3;

const NOT_A_WORD = /[^\p{L}\p{N}]+/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

const COMMON_OPTIONS = { includeScore: true, ignoreLocation: true, minMatchCharLength: 2, keys: ['folded'] };
/** Entity names and aliases are short: where in them the query matches matters. */
const NAME_OPTIONS = { ...COMMON_OPTIONS, ignoreLocation: false, distance: 40, threshold: 0.35 };
/** Deal titles are sentences: the query may match anywhere in them. */
const TITLE_OPTIONS = { ...COMMON_OPTIONS, threshold: 0.3 };

/** Typos a query word of this length may hold: none under four letters, two from eight. */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Optimal-string-alignment distance (a swap of neighbours is one edit), stopping above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Does a query word start this word (0), or do so within its allowed typos (1)? */
function wordCloseness(queryWord: string, word: string): 0 | 1 | undefined {
  if (word.startsWith(queryWord)) return 0;
  const edits = allowedEdits(queryWord.length);
  // A slip in the first letter is rare, and allowing it finds unrelated names ("yuan", "guan").
  if (edits === 0 || word[0] !== queryWord[0]) return undefined;
  const longest = Math.min(word.length, queryWord.length + edits);
  for (let length = Math.max(1, queryWord.length - edits); length <= longest; length++) {
    if (editDistance(queryWord, word.slice(0, length), edits) <= edits) return 1;
  }
  return undefined;
}

function isWordChar(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHAR.test(text[at] as string);
}

/** Where `query` occurs in `text` at the start of a word, or -1. */
function wordStartIndex(text: string, query: string): number {
  for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1)) {
    if (at === 0 || !isWordChar(text, at - 1)) return at;
  }
  return -1;
}

interface Query {
  readonly folded: string;
  readonly words: readonly string[];
  readonly han: boolean;
}

/** How a name matches the query, by the ranks above; undefined when only fuzzily or not at all. */
function nameRank(query: Query, folded: string): number | undefined {
  if (folded.startsWith(query.folded)) return RANK.prefix;
  // Chinese writes no spaces between words: a query anywhere in a name is a word match.
  if (query.han && folded.includes(query.folded)) return RANK.words;
  const words = folded.split(NOT_A_WORD);
  let next = 0;
  let typos = false;
  for (const queryWord of query.words) {
    let closeness: 0 | 1 | undefined;
    while (next < words.length && closeness === undefined)
      closeness = wordCloseness(queryWord, words[next++] as string);
    if (closeness === undefined) {
      next = -1;
      break;
    }
    typos ||= closeness === 1;
  }
  if (next >= 0 && query.words.length > 0) return typos ? RANK.typo : RANK.words;
  if (query.folded.length >= 2 && folded.includes(query.folded)) return RANK.inside;
  return undefined;
}

/** Names that share enough character pairs with a query to be worth a closer look. */
class PairIndex {
  /** Names by each pair of characters they hold (the pair as a number: `pairKey`). */
  private readonly postings = new Map<number, number[]>();
  /** Names with a word starting with a letter: what a one-letter query finds. */
  private readonly initials = new Map<string, number[]>();

  constructor(private readonly entries: readonly NameEntry[]) {
    // Built as the popup opens, over every name: no per-name set, since a list whose last index
    // is this name's already holds it.
    entries.forEach((entry, index) => {
      const { folded } = entry;
      for (let i = 0; i < folded.length; i++) {
        if (i === 0 || folded[i - 1] === ' ') appendOnce(this.initials, folded[i] as string, index);
        if (i + 1 < folded.length) appendOnce(this.postings, pairKey(folded, i), index);
      }
    });
  }

  /** Names starting a word with this letter, shortest first. */
  withInitial(letter: string, limit: number): NameEntry[] {
    return (this.initials.get(letter) ?? [])
      .map((index) => this.entries[index] as NameEntry)
      .sort((a, b) => a.text.length - b.text.length)
      .slice(0, limit);
  }

  /**
   * At most `limit` names, those sharing the most pairs first; none that share under 40%. A short
   * query has one or two pairs that hundreds of names share: those where it starts a word, then
   * the shortest, come first.
   */
  candidates(folded: string, limit: number): NameEntry[] {
    const pairs = new Set(pairsOf(folded));
    const shared = new Map<number, number>();
    for (const pair of pairs) {
      for (const index of this.postings.get(pair) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const needed = Math.max(1, Math.ceil(pairs.size * MIN_SHARED_PAIRS));
    // Buckets by (shared pairs, starts a word), best first; only the bucket the limit cuts is sorted.
    const buckets: NameEntry[][] = [];
    for (const [index, count] of shared) {
      if (count < needed) continue;
      const entry = this.entries[index] as NameEntry;
      // Folded names separate words with single spaces: a cheap test, and this runs on hundreds.
      const wordStart = entry.folded.startsWith(folded) || entry.folded.includes(` ${folded}`);
      const bucket = count * 2 + (wordStart ? 1 : 0);
      const list = buckets[bucket];
      if (list) list.push(entry);
      else buckets[bucket] = [entry];
    }
    const chosen: NameEntry[] = [];
    for (let bucket = buckets.length - 1; bucket >= 0 && chosen.length < limit; bucket--) {
      const entries = buckets[bucket];
      if (!entries) continue;
      if (chosen.length + entries.length > limit) entries.sort((a, b) => a.folded.length - b.folded.length);
      chosen.push(...entries.slice(0, limit - chosen.length));
    }
    return chosen;
  }
}

/** The two characters at `i` as one number: no string to allocate and hash, ~2× faster to index. */
function pairKey(folded: string, i: number): number {
  return folded.charCodeAt(i) * 0x10000 + folded.charCodeAt(i + 1);
}

function pairsOf(folded: string): number[] {
  const pairs: number[] = [];
  for (let i = 0; i + 1 < folded.length; i++) pairs.push(pairKey(folded, i));
  return pairs;
}

/** Adds `index` to the key's list unless it is already the last there (indices come in order). */
function appendOnce<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/** A doc's names and aliases with their shipped folded forms. */
function entriesOf(doc: SearchDoc, texts: readonly string[], keys: readonly string[], names: number): NameEntry[] {
  if (texts.length !== keys.length) throw new Error('Search data: every name needs its folded key');
  return texts.map((text, index) => ({
    doc,
    text,
    folded: keys[index] as string,
    field: index < names ? 'name' : 'alias',
  }));
}

function entityEntries(entity: SearchEntity): NameEntry[] {
  const doc: SearchDoc = {
    ref: { kind: 'entity', entity },
    summary: [entity.summary.en, entity.summary.ru, entity.summary.zh].filter((s): s is string => !!s),
    roles: entity.roles,
  };
  const texts = searchNamesOf(entity);
  return entriesOf(doc, texts, entity.keys, texts.length - entity.aliases.length);
}

function dealEntries(deal: SearchDeal): NameEntry[] {
  const doc: SearchDoc = { ref: { kind: 'deal', deal }, summary: [deal.summary.en], roles: [] };
  const texts = searchNamesOf(deal);
  return entriesOf(doc, texts, deal.keys, texts.length);
}

function figureEntries(figure: SearchFigure): NameEntry[] {
  const doc: SearchDoc = { ref: { kind: 'figure', figure }, summary: [], roles: [] };
  const texts = searchNamesOf(figure);
  return entriesOf(doc, texts, figure.keys, texts.length - figure.terms.length);
}

export class SearchIndex {
  private readonly entities: PairIndex;
  private readonly deals: PairIndex;
  /** Few: compared in full on every search. */
  private readonly figures: readonly NameEntry[];
  /** Every name by its folded form: an exact hit is found however many names share its pairs. */
  private readonly exact = new Map<string, NameEntry[]>();
  /** Entity docs by id, and who holds a role at each organisation. */
  private readonly entityDocs = new Map<string, SearchDoc>();
  private readonly roleHolders = new Map<string, { doc: SearchDoc; role: SearchRole }[]>();
  /** Every doc with its summaries lower-cased (same offsets as the text shown). */
  private readonly prose: readonly { doc: SearchDoc; summaries: readonly string[]; roles: readonly string[] }[];

  constructor(data: Pick<SearchData, 'entities' | 'deals'> & Partial<Pick<SearchData, 'figures'>>) {
    const entities = data.entities.flatMap(entityEntries);
    const deals = data.deals.flatMap(dealEntries);
    this.figures = (data.figures ?? []).flatMap(figureEntries);
    this.entities = new PairIndex(entities);
    this.deals = new PairIndex(deals);
    const docs = new Set<SearchDoc>();
    for (const entry of [...entities, ...deals, ...this.figures]) {
      const same = this.exact.get(entry.folded);
      if (same) same.push(entry);
      else this.exact.set(entry.folded, [entry]);
      docs.add(entry.doc);
      if (entry.doc.ref.kind === 'entity') this.entityDocs.set(entry.doc.ref.entity.id, entry.doc);
    }
    for (const doc of docs) {
      for (const role of doc.roles) {
        if (!role.org) continue;
        const holders = this.roleHolders.get(role.org);
        if (holders) holders.push({ doc, role });
        else this.roleHolders.set(role.org, [{ doc, role }]);
      }
    }
    this.prose = [...docs].map((doc) => ({
      doc,
      summaries: doc.summary.map((summary) => summary.toLowerCase()),
      roles: doc.roles.map((role) => role.title.toLowerCase()),
    }));
  }

  search(text: string, limit = 30): SearchHit[] {
    const trimmed = text.trim();
    if (!trimmed) return [];
    const folded = aliasKey(trimmed);
    if (!folded) return [];
    const query: Query = { folded, words: folded.split(NOT_A_WORD).filter(Boolean), han: HAN.test(folded) };
    const best = new Map<SearchDoc, { score: number; match: SearchMatch }>();
    const consider = (doc: SearchDoc, score: number, match: SearchMatch) => {
      const previous = best.get(doc);
      if (!previous || score < previous.score) best.set(doc, { score, match });
    };
    const nameMatch = (entry: NameEntry): SearchMatch => {
      const at = entry.text.toLowerCase().indexOf(trimmed.toLowerCase());
      return { field: entry.field, text: entry.text, ...(at >= 0 ? { at: [at, at + trimmed.length] as const } : {}) };
    };
    const penalty = (entry: NameEntry) =>
      Math.min(MAX_GAP_PENALTY, (0.03 * Math.abs(entry.folded.length - folded.length)) / folded.length) +
      (entry.field === 'alias' ? ALIAS_PENALTY : 0);

    for (const entry of this.exact.get(folded) ?? []) consider(entry.doc, RANK.exact, nameMatch(entry));
    if (folded.length === 1) {
      for (const entry of [...this.entities.withInitial(folded, limit), ...this.deals.withInitial(folded, limit)]) {
        consider(entry.doc, INITIAL_SCORE + entry.text.length / 1000, nameMatch(entry));
      }
    }
    /** Ranks names by how they match; fuse.js looks only at those that match in no plainer way. */
    const rankAll = (entries: readonly NameEntry[], fuzzyOptions?: typeof TITLE_OPTIONS) => {
      const unmatched: NameEntry[] = [];
      for (const entry of entries) {
        const rank = nameRank(query, entry.folded);
        if (rank !== undefined) consider(entry.doc, rank + penalty(entry), nameMatch(entry));
        else unmatched.push(entry);
      }
      if (!fuzzyOptions || unmatched.length === 0) return;
      // As for typos: a name none of whose words starts with the query's first letter is noise
      // ("yuan" is not Guan Jun or Siluanov), except in Chinese, which has no words to start.
      const plausible = query.han
        ? unmatched
        : unmatched.filter((entry) => wordStartIndex(entry.folded, folded[0] as string) >= 0);
      for (const { item, score = 1 } of new Fuse(plausible, fuzzyOptions).search(folded)) {
        consider(item.doc, RANK.fuzzy + score * 0.15 + penalty(item), nameMatch(item));
      }
    };
    rankAll(this.entities.candidates(folded, CANDIDATES), NAME_OPTIONS);
    rankAll(this.deals.candidates(folded, CANDIDATES), TITLE_OPTIONS);
    rankAll(this.figures);

    // People by the organisations they work at: a search for a firm lists its people, saying so.
    for (const [doc, { score }] of [...best]) {
      if (doc.ref.kind !== 'entity' || score >= RANK.inside) continue;
      const org = doc.ref.entity;
      for (const { doc: holder, role } of this.roleHolders.get(org.id) ?? []) {
        consider(holder, RANK.role + Math.max(0, score) / 10, { field: 'role', text: role.title, org: org.names.en });
      }
    }
    if (trimmed.length >= MIN_PROSE_QUERY) this.searchProse(trimmed.toLowerCase(), query.han, consider);

    return [...best]
      .map(([doc, { score, match }]): SearchHit => ({ ...doc.ref, score, match }))
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }

  /** Roles and summaries that hold the query at the start of a word (anywhere, in Chinese). */
  private searchProse(
    needle: string,
    han: boolean,
    consider: (doc: SearchDoc, score: number, match: SearchMatch) => void,
  ): void {
    const find = (text: string) => (han ? text.indexOf(needle) : wordStartIndex(text, needle));
    for (const { doc, summaries, roles } of this.prose) {
      roles.forEach((role, index) => {
        const at = find(role);
        if (at < 0) return;
        const { title, org } = doc.roles[index] as SearchRole;
        const orgName = org ? this.orgName(org) : undefined;
        consider(doc, RANK.role, {
          field: 'role',
          text: title,
          ...(orgName ? { org: orgName } : {}),
          at: [at, at + needle.length],
        });
      });
      summaries.forEach((summary, index) => {
        const at = find(summary);
        if (at >= 0) {
          consider(doc, RANK.summary, {
            field: 'summary',
            text: doc.summary[index] as string,
            at: [at, at + needle.length],
          });
        }
      });
    }
  }

  private orgName(id: string): string | undefined {
    const ref = this.entityDocs.get(id)?.ref;
    return ref?.kind === 'entity' ? ref.entity.names.en : undefined;
  }
}
