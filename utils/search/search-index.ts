/**
 * Fuzzy search over the whole dataset (fuse.js): entities by names and aliases in every script,
 * summaries, and deals by title. Built once; exact name hits rank first.
 */
import Fuse, { type FuseResultMatch } from 'fuse.js';
import type { CompiledDataset, DealRecord, EntityRecord } from '../dataset/records';
import { normalizeForMatch } from '../text/normalize';

export type SearchHit =
  | {
      readonly kind: 'entity';
      readonly entity: EntityRecord;
      readonly score: number;
      readonly matches: readonly FuseResultMatch[];
    }
  | {
      readonly kind: 'deal';
      readonly deal: DealRecord;
      readonly score: number;
      readonly matches: readonly FuseResultMatch[];
    };

interface SearchDoc {
  readonly ref: { kind: 'entity'; entity: EntityRecord } | { kind: 'deal'; deal: DealRecord };
  readonly names: readonly string[];
  readonly aliases: readonly string[];
  readonly summary: readonly string[];
  /** Every name and alias folded as the matcher folds them, for exact-hit ranking. */
  readonly keys: ReadonlySet<string>;
}

function fold(text: string): string {
  return normalizeForMatch(text).text.trim();
}

function entityDoc(entity: EntityRecord): SearchDoc {
  const names = [entity.names.en, entity.names.ru, entity.names.zh, entity.names.zhHant].filter(
    (n): n is string => !!n,
  );
  return {
    ref: { kind: 'entity', entity },
    names,
    aliases: entity.aliases,
    summary: [entity.summary.en, entity.summary.ru, entity.summary.zh].filter((s): s is string => !!s),
    keys: new Set([...names, ...entity.aliases].map(fold)),
  };
}

function dealDoc(deal: DealRecord): SearchDoc {
  const titles = [deal.title.en, deal.title.ru, deal.title.zh].filter((t): t is string => !!t);
  return { ref: { kind: 'deal', deal }, names: titles, aliases: [], summary: [deal.summary.en], keys: new Set() };
}

const NAME_KEYS = [
  { name: 'names', weight: 3 },
  { name: 'aliases', weight: 2 },
];
/** Summary hits rank below every name hit: they say the thing is mentioned, not named. */
const SUMMARY_PENALTY = 0.5;

export class SearchIndex {
  /** Entity names and aliases are short: where in them the query matches matters. */
  private readonly byName: Fuse<SearchDoc>;
  /** Deal titles are sentences: the query may match anywhere in them. */
  private readonly byTitle: Fuse<SearchDoc>;
  /** Summaries are long prose: only near-exact words count there, or fuzzy noise floods in. */
  private readonly bySummary: Fuse<SearchDoc>;

  constructor(data: Pick<CompiledDataset, 'entities' | 'deals'>) {
    const entities = data.entities.map(entityDoc);
    const deals = data.deals.map(dealDoc);
    const common = { includeScore: true, includeMatches: true, ignoreLocation: true, minMatchCharLength: 2 };
    this.byName = new Fuse(entities, {
      ...common,
      ignoreLocation: false,
      distance: 40,
      keys: NAME_KEYS,
      threshold: 0.35,
    });
    this.byTitle = new Fuse(deals, { ...common, keys: ['names'], threshold: 0.3 });
    this.bySummary = new Fuse([...entities, ...deals], { ...common, keys: ['summary'], threshold: 0.05 });
  }

  search(query: string, limit = 30): SearchHit[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const exact = fold(trimmed);
    const best = new Map<SearchDoc, { score: number; matches: readonly FuseResultMatch[] }>();
    const consider = (doc: SearchDoc, score: number, matches: readonly FuseResultMatch[]) => {
      const previous = best.get(doc);
      if (!previous || score < previous.score) best.set(doc, { score, matches });
    };
    const nameHits = [...this.byName.search(trimmed, { limit }), ...this.byTitle.search(trimmed, { limit })];
    for (const result of nameHits) {
      const matches = result.matches ?? [];
      // An exact name or alias beats any fuzzy hit; among fuzzy hits, the closer length wins
      // ("gazprm" is Gazprom before Gazprombank).
      const gap = Math.min(...matches.map((match) => Math.abs((match.value?.length ?? 0) - trimmed.length)), 99);
      const score = result.item.keys.has(exact) ? -1 : (result.score ?? 1) + (0.03 * gap) / trimmed.length;
      consider(result.item, score, matches);
    }
    for (const result of this.bySummary.search(trimmed, { limit })) {
      consider(result.item, (result.score ?? 1) + SUMMARY_PENALTY, result.matches ?? []);
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
