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

export class SearchIndex {
  private readonly fuse: Fuse<SearchDoc>;

  constructor(data: Pick<CompiledDataset, 'entities' | 'deals'>) {
    const docs = [...data.entities.map(entityDoc), ...data.deals.map(dealDoc)];
    this.fuse = new Fuse(docs, {
      keys: [
        { name: 'names', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'summary', weight: 0.4 },
      ],
      includeScore: true,
      includeMatches: true,
      ignoreLocation: true,
      threshold: 0.35,
      minMatchCharLength: 2,
    });
  }

  search(query: string, limit = 30): SearchHit[] {
    const trimmed = query.trim();
    if (!trimmed) return [];
    const exact = fold(trimmed);
    return this.fuse
      .search(trimmed, { limit: limit * 2 })
      .map((result) => {
        // An exact name or alias beats any fuzzy hit.
        const score = result.item.keys.has(exact) ? -1 : (result.score ?? 1);
        const matches = result.matches ?? [];
        return result.item.ref.kind === 'entity'
          ? { kind: 'entity' as const, entity: result.item.ref.entity, score, matches }
          : { kind: 'deal' as const, deal: result.item.ref.deal, score, matches };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }
}
