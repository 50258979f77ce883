/**
 * What the popup searches and lists: every entity's and deal's names, aliases, kind, summary and
 * roles, and the titles of the figures (series) entities publish, without facts, points or
 * sources (those come with a card, from the background). Every name is shipped folded too
 * (`keys`, as `aliasKey` folds it), so the popup builds its index with no normalising at open.
 */
import { type CompiledDataset, type DealRecord, type EntityRecord, nameList } from '../dataset/records';
import type { Role, Series } from '../dataset/schema';
import { aliasKey } from '../text/normalize';

export type SearchRole = Pick<Role, 'title' | 'org'>;

export type SearchEntity = Pick<EntityRecord, 'id' | 'type' | 'kind' | 'country' | 'names' | 'aliases' | 'summary'> & {
  readonly roles: readonly SearchRole[];
  /** `searchNamesOf(entity)` folded, one for one. */
  readonly keys: readonly string[];
};

export type SearchDeal = Pick<DealRecord, 'id' | 'title' | 'summary' | 'date' | 'status' | 'sector'> & {
  /** `searchNamesOf(deal)` folded, one for one. */
  readonly keys: readonly string[];
};

/** A series an entity publishes (China–Russia trade, crude imports): found by its title or terms. */
export interface SearchFigure {
  /** The entity that publishes it, and which of its series it is. */
  readonly entity: string;
  readonly series: number;
  readonly title: Series['title'];
  readonly unit: string;
  readonly terms: readonly string[];
  /** `searchNamesOf(figure)` folded, one for one. */
  readonly keys: readonly string[];
}

export interface SearchData {
  readonly version: string;
  readonly dataAsOf: string;
  readonly entities: readonly SearchEntity[];
  readonly deals: readonly SearchDeal[];
  readonly figures: readonly SearchFigure[];
}

/** The strings a record is found by, in the order of its `keys`: names (or titles), then aliases (or terms). */
export function searchNamesOf(
  item: Pick<SearchEntity, 'names' | 'aliases'> | Pick<SearchDeal, 'title'> | Pick<SearchFigure, 'title' | 'terms'>,
): string[] {
  if ('names' in item) return [...nameList(item.names), ...item.aliases];
  const titles = [item.title.en, item.title.ru, item.title.zh].filter((title): title is string => !!title);
  return 'terms' in item ? [...titles, ...item.terms] : titles;
}

const foldAll = (texts: readonly string[]) => texts.map((text) => aliasKey(text));

export function searchEntityOf(entity: EntityRecord): SearchEntity {
  const { id, type, kind, country, names, aliases, summary, roles } = entity;
  return {
    id,
    type,
    ...(kind ? { kind } : {}),
    country,
    names,
    aliases,
    summary,
    roles: roles.map(({ title, org }) => (org ? { title, org } : { title })),
    keys: foldAll(searchNamesOf(entity)),
  };
}

export function searchDealOf(deal: DealRecord): SearchDeal {
  const { id, title, summary, date, status, sector } = deal;
  return { id, title, summary, date, status, sector, keys: foldAll(searchNamesOf(deal)) };
}

export function searchFiguresOf(entity: EntityRecord): SearchFigure[] {
  return entity.series.map(({ title, unit, terms }, series) => ({
    entity: entity.id,
    series,
    title,
    unit,
    terms,
    keys: foldAll(searchNamesOf({ title, terms })),
  }));
}

export function searchDataOf(data: CompiledDataset): SearchData {
  return {
    version: data.version,
    dataAsOf: data.dataAsOf,
    entities: data.entities.map(searchEntityOf),
    deals: data.deals.map(searchDealOf),
    figures: data.entities.flatMap(searchFiguresOf),
  };
}
