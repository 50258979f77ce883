/** Figures about the dataset, for `npm run data:stats` (its `--json` form is a contract). */
import { languageOfAlias } from '../text/normalize';
import { currentStatus } from './deal-status';
import { DEAL_STATUSES, ENTITY_TYPES, LANGUAGES, type Language, SOURCE_KINDS, type SourceKind } from './schema';
import { aliasesOf, type Dataset } from './validate-dataset';

export interface DatasetStats {
  entities: number;
  deals: number;
  facts: number;
  factsWithSource: number;
  /** Facts citing at least one source that is not an aggregator's copy. */
  factsWithOriginalSource: number;
  sources: number;
  sourcesWithUrl: number;
  sourcesByKind: Record<SourceKind, number>;
  byType: Record<string, number>;
  /** By each deal's current (latest) status. */
  dealsByStatus: Record<string, number>;
  /** Entities with at least one name or alias in that language. */
  languages: Record<Language, number>;
  dealsWithValue: number;
  peopleWithRoles: number;
  /** Entities with at least one sanctions listing, current or lifted. */
  entitiesWithSanctions: number;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const byType = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0]));
  const dealsByStatus = Object.fromEntries(DEAL_STATUSES.map((status) => [status, 0]));
  const languages = Object.fromEntries(LANGUAGES.map((language) => [language, 0])) as Record<Language, number>;
  const sourcesByKind = Object.fromEntries(SOURCE_KINDS.map((kind) => [kind, 0])) as Record<SourceKind, number>;
  const sources = Object.values(dataset.sources);
  for (const source of sources) sourcesByKind[source.kind]++;
  const isOriginal = (id: string) => {
    const kind = dataset.sources[id]?.kind;
    return kind !== undefined && kind !== 'aggregator';
  };
  let facts = 0;
  let factsWithSource = 0;
  let factsWithOriginalSource = 0;
  for (const entity of dataset.entities) {
    byType[entity.type] = (byType[entity.type] ?? 0) + 1;
    const present = new Set(aliasesOf(entity).map((alias) => languageOfAlias(alias.text)));
    for (const language of present) languages[language]++;
    for (const fact of entity.facts) {
      facts++;
      if (fact.sources.length > 0 && fact.sources.every((id) => id in dataset.sources)) factsWithSource++;
      if (fact.sources.some(isOriginal)) factsWithOriginalSource++;
    }
  }
  for (const deal of dataset.deals) {
    const { status } = currentStatus(deal);
    dealsByStatus[status] = (dealsByStatus[status] ?? 0) + 1;
  }
  return {
    entities: dataset.entities.length,
    deals: dataset.deals.length,
    facts,
    factsWithSource,
    factsWithOriginalSource,
    sources: sources.length,
    sourcesWithUrl: sources.filter((source) => source.url).length,
    sourcesByKind,
    byType,
    dealsByStatus,
    languages,
    dealsWithValue: dataset.deals.filter((deal) => deal.value).length,
    peopleWithRoles: dataset.entities.filter((entity) => entity.type === 'person' && entity.roles.length > 0).length,
    entitiesWithSanctions: dataset.entities.filter((entity) => entity.sanctions.length > 0).length,
  };
}
