/**
 * Fuzzy search over the whole dataset: entities by names and aliases in every script, deals by
 * title (fuse.js ranks these), and summaries by their words. Built once; exact name hits rank
 * first. fuse.js reads every string it holds on every search (~20 ms per keystroke here, ~130 ms
 * on a dataset ten times larger), so a character-pair index first picks the few records that
 * share enough of the query to be a fuzzy hit at all, and fuse.js ranks only those.
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import { nameList } from '../dataset/records';
import { aliasKey } from '../text/normalize';
import type { SearchData, SearchDeal, SearchEntity } from './search-data';

export type SearchHit =
  | {
      readonly kind: 'entity';
      readonly entity: SearchEntity;
      readonly score: number;
      readonly matches: readonly FuseResultMatch[];
    }
  | {
      readonly kind: 'deal';
      readonly deal: SearchDeal;
      readonly score: number;
      readonly matches: readonly FuseResultMatch[];
    };

interface SearchDoc {
  readonly ref: { kind: 'entity'; entity: SearchEntity } | { kind: 'deal'; deal: SearchDeal };
  readonly names: readonly string[];
  readonly aliases: readonly string[];
  readonly summary: readonly string[];
  /** Every name and alias folded as the matcher folds them, for exact-hit ranking. */
  readonly keys: ReadonlySet<string>;
}

/** One name, alias or title of a doc: what fuse.js ranks. */
interface NameEntry {
  readonly doc: SearchDoc;
  readonly text: string;
  readonly key: 'names' | 'aliases';
}

function nameEntries(docs: readonly SearchDoc[]): NameEntry[] {
  return docs.flatMap((doc) => [
    ...doc.names.map((text): NameEntry => ({ doc, text, key: 'names' })),
    ...doc.aliases.map((text): NameEntry => ({ doc, text, key: 'aliases' })),
  ]);
}

/** Names that share enough character pairs with a query to be worth a fuzzy look. */
class PairIndex {
  private readonly postings = new Map<string, number[]>();
  /** Names with a word starting with a letter: what a one-letter query finds. */
  private readonly initials = new Map<string, number[]>();

  constructor(private readonly entries: readonly NameEntry[]) {
    entries.forEach((entry, index) => {
      const folded = aliasKey(entry.text);
      for (const pair of new Set(pairsOf(folded))) append(this.postings, pair, index);
      for (const initial of new Set(folded.split(' ').map((word) => word[0]))) {
        if (initial) append(this.initials, initial, index);
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

  /** At most `limit` names, those sharing the most pairs first; none that share under 40%. */
  candidates(folded: string, limit: number): NameEntry[] {
    const pairs = new Set(pairsOf(folded));
    const shared = new Map<number, number>();
    for (const pair of pairs) {
      for (const index of this.postings.get(pair) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    }
    const needed = Math.max(1, Math.ceil(pairs.size * MIN_SHARED_PAIRS));
    return [...shared]
      .filter(([, count]) => count >= needed)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([index]) => this.entries[index] as NameEntry);
  }
}

function pairsOf(folded: string): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < folded.length; i++) pairs.push(folded.slice(i, i + 2));
  return pairs;
}

function append(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Share of a query's character pairs a name must have: one typo breaks at most two pairs. */
const MIN_SHARED_PAIRS = 0.4;
/** Names and titles fuse.js ranks per keystroke, at most (it costs ~5 µs a name). */
const CANDIDATES = 60;
/** An alias hit ranks just below the same hit on a display name. */
const ALIAS_PENALTY = 0.02;
/** Where a one-letter query's hits rank: below any real match. */
const INITIAL_SCORE = 0.4;

function entityDoc(entity: SearchEntity): SearchDoc {
  const names = nameList(entity.names);
  return {
    ref: { kind: 'entity', entity },
    names,
    aliases: entity.aliases,
    summary: [entity.summary.en, entity.summary.ru, entity.summary.zh].filter((s): s is string => !!s),
    keys: new Set([...names, ...entity.aliases].map((name) => aliasKey(name))),
  };
}

function dealDoc(deal: SearchDeal): SearchDoc {
  const titles = [deal.title.en, deal.title.ru, deal.title.zh].filter((t): t is string => !!t);
  return { ref: { kind: 'deal', deal }, names: titles, aliases: [], summary: [deal.summary.en], keys: new Set() };
}

/** Summary hits rank below every name hit: they say the thing is mentioned, not named. */
const SUMMARY_PENALTY = 0.5;

const COMMON_OPTIONS = { includeScore: true, includeMatches: true, ignoreLocation: true, minMatchCharLength: 2 };
/** Entity names and aliases are short: where in them the query matches matters. */
const NAME_OPTIONS = { ...COMMON_OPTIONS, ignoreLocation: false, distance: 40, keys: ['text'], threshold: 0.35 };
/** Deal titles are sentences: the query may match anywhere in them. */
const TITLE_OPTIONS = { ...COMMON_OPTIONS, keys: ['text'], threshold: 0.3 };
/** Summaries are long prose: only the query's exact characters count there, or noise floods in. */
const MIN_SUMMARY_QUERY = 3;

export class SearchIndex {
  private readonly entities: PairIndex;
  private readonly deals: PairIndex;
  /** Every doc with its summaries lower-cased (same offsets as the text shown). */
  private readonly summaries: readonly { doc: SearchDoc; lower: readonly string[] }[];

  constructor(data: Pick<SearchData, 'entities' | 'deals'>) {
    const entities = data.entities.map(entityDoc);
    const deals = data.deals.map(dealDoc);
    this.entities = new PairIndex(nameEntries(entities));
    this.deals = new PairIndex(nameEntries(deals));
    this.summaries = [...entities, ...deals].map((doc) => ({
      doc,
      lower: doc.summary.map((summary) => summary.toLowerCase()),
    }));
  }

  search(query: string, limit = 30): SearchHit[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const exact = aliasKey(trimmed);
    const best = new Map<SearchDoc, { score: number; matches: readonly FuseResultMatch[] }>();
    const consider = (doc: SearchDoc, score: number, matches: readonly FuseResultMatch[]) => {
      const previous = best.get(doc);
      if (!previous || score < previous.score) best.set(doc, { score, matches });
    };
    if (exact.length === 1) {
      for (const entry of [...this.entities.withInitial(exact, limit), ...this.deals.withInitial(exact, limit)]) {
        consider(entry.doc, INITIAL_SCORE + entry.text.length / 1000, [
          { key: entry.key, value: entry.text, indices: [] },
        ]);
      }
    }
    const nameHits = [
      ...new Fuse(this.entities.candidates(exact, CANDIDATES), NAME_OPTIONS).search(trimmed, { limit }),
      ...new Fuse(this.deals.candidates(exact, CANDIDATES), TITLE_OPTIONS).search(trimmed, { limit }),
    ];
    for (const { item, score: fuseScore, matches: found = [] } of nameHits) {
      const matches = found.map((match) => ({ ...match, key: item.key }));
      // An exact name or alias beats any fuzzy hit; among fuzzy hits, the closer length wins
      // ("gazprm" is Gazprom before Gazprombank).
      const gap = Math.abs(item.text.length - trimmed.length);
      const score = item.doc.keys.has(exact)
        ? -1
        : (fuseScore ?? 1) + (0.03 * Math.min(gap, 99)) / trimmed.length + (item.key === 'aliases' ? ALIAS_PENALTY : 0);
      consider(item.doc, score, matches);
    }
    if (trimmed.length >= MIN_SUMMARY_QUERY) {
      const needle = trimmed.toLowerCase();
      for (const { doc, lower } of this.summaries) {
        lower.forEach((summary, index) => {
          const at = summary.indexOf(needle);
          if (at < 0) return;
          const value = doc.summary[index] as string;
          consider(doc, SUMMARY_PENALTY, [{ key: 'summary', value, indices: [[at, at + needle.length - 1]] }]);
        });
      }
    }
    return [...best]
      .map(
        ([doc, { score, matches }]): SearchHit =>
          doc.ref.kind === 'entity'
            ? { kind: 'entity', entity: doc.ref.entity, score, matches }
            : { kind: 'deal', deal: doc.ref.deal, score, matches },
      )
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }
}
