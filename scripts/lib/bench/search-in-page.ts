/**
 * Runs in a browser page (bundled by the benchmark): builds the popup's search index over the
 * dataset, or over a copy `factor` times larger, and times every keystroke of typed queries.
 */
import type { SearchData, SearchDeal, SearchEntity } from '../../../utils/search/search-data';
import { SearchIndex } from '../../../utils/search/search-index';

/** The dataset `factor` times over: each copy renames every entity and deal ("Gazprom 3"). */
function scaledDataset(data: SearchData, factor: number): Pick<SearchData, 'entities' | 'deals'> {
  const entities: SearchEntity[] = [];
  const deals: SearchDeal[] = [];
  for (let copy = 0; copy < factor; copy++) {
    const suffix = copy === 0 ? '' : ` ${copy + 1}`;
    const rename = (text: string | undefined) => (text === undefined ? undefined : `${text}${suffix}`);
    for (const entity of data.entities) {
      entities.push({
        ...entity,
        id: `${entity.id}${suffix}`,
        names: {
          en: `${entity.names.en}${suffix}`,
          ru: rename(entity.names.ru),
          zh: rename(entity.names.zh),
          zhHant: rename(entity.names.zhHant),
        },
        aliases: entity.aliases.map((alias) => `${alias}${suffix}`),
        // Folded as the build folds them: the suffix is a space and digits, which fold to themselves.
        keys: entity.keys.map((key) => `${key}${suffix}`),
      });
    }
    for (const deal of data.deals) {
      deals.push({
        ...deal,
        id: `${deal.id}${suffix}`,
        title: { ...deal.title, en: `${deal.title.en}${suffix}` },
        keys: deal.keys.map((key, index) => (index === 0 ? `${key}${suffix}` : key)),
      });
    }
  }
  return { entities, deals };
}

export interface SearchTimings {
  readonly records: number;
  readonly buildMs: number;
  /** One entry per keystroke (each prefix of each query), over all repeats (ms). */
  readonly keystrokeMs: number[];
}

export function measureSearch(
  data: SearchData,
  factor: number,
  queries: readonly string[],
  repeats: number,
): SearchTimings {
  const scaled = scaledDataset(data, factor);
  const buildStart = performance.now();
  const index = new SearchIndex(scaled);
  const buildMs = performance.now() - buildStart;
  const keystrokeMs: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    for (const query of queries) {
      for (let length = 1; length <= query.length; length++) {
        const start = performance.now();
        index.search(query.slice(0, length));
        keystrokeMs.push(performance.now() - start);
      }
    }
  }
  return { records: scaled.entities.length + scaled.deals.length, buildMs, keystrokeMs };
}
