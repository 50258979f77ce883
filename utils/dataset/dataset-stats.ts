/** Figures about the dataset, for `npm run data:stats` (its `--json` form is a contract). */
import { languageOfAlias } from '../text/normalize';
import { DEAL_STATUSES, ENTITY_TYPES, LANGUAGES, type Language } from './schema';
import { aliasesOf, type Dataset } from './validate-dataset';

export interface DatasetStats {
  entities: number;
  deals: number;
  facts: number;
  factsWithSource: number;
  sources: number;
  byType: Record<string, number>;
  dealsByStatus: Record<string, number>;
  /** Entities with at least one name or alias in that language. */
  languages: Record<Language, number>;
  dealsWithValue: number;
  peopleWithRoles: number;
}

export function datasetStats(dataset: Dataset): DatasetStats {
  const byType = Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0]));
  const dealsByStatus = Object.fromEntries(DEAL_STATUSES.map((status) => [status, 0]));
  const languages = Object.fromEntries(LANGUAGES.map((language) => [language, 0])) as Record<Language, number>;
  let facts = 0;
  let factsWithSource = 0;
  for (const entity of dataset.entities) {
    byType[entity.type] = (byType[entity.type] ?? 0) + 1;
    const present = new Set(aliasesOf(entity).map((alias) => languageOfAlias(alias.text)));
    for (const language of present) languages[language]++;
    for (const fact of entity.facts) {
      facts++;
      if (fact.sources.length > 0 && fact.sources.every((id) => id in dataset.sources)) factsWithSource++;
    }
  }
  for (const deal of dataset.deals) dealsByStatus[deal.status] = (dealsByStatus[deal.status] ?? 0) + 1;
  return {
    entities: dataset.entities.length,
    deals: dataset.deals.length,
    facts,
    factsWithSource,
    sources: Object.keys(dataset.sources).length,
    byType,
    dealsByStatus,
    languages,
    dealsWithValue: dataset.deals.filter((deal) => deal.value).length,
    peopleWithRoles: dataset.entities.filter((entity) => entity.type === 'person' && entity.roles.length > 0).length,
  };
}
