/**
 * What the popup searches and lists: every entity's and deal's names, aliases, kind and summary,
 * without facts, roles or sources (those come with a card, from the background). About a third
 * of the dataset, so the popup opens without parsing the rest.
 */
import type { CompiledDataset, DealRecord, EntityRecord } from '../dataset/records';

export type SearchEntity = Pick<EntityRecord, 'id' | 'type' | 'kind' | 'country' | 'names' | 'aliases' | 'summary'>;
export type SearchDeal = Pick<DealRecord, 'id' | 'title' | 'summary' | 'date' | 'status' | 'sector'>;

export interface SearchData {
  readonly version: string;
  readonly dataAsOf: string;
  readonly entities: readonly SearchEntity[];
  readonly deals: readonly SearchDeal[];
}

export function searchDataOf(data: CompiledDataset): SearchData {
  return {
    version: data.version,
    dataAsOf: data.dataAsOf,
    entities: data.entities.map(({ id, type, kind, country, names, aliases, summary }) => ({
      id,
      type,
      ...(kind ? { kind } : {}),
      country,
      names,
      aliases,
      summary,
    })),
    deals: data.deals.map(({ id, title, summary, date, status, sector }) => ({
      id,
      title,
      summary,
      date,
      status,
      sector,
    })),
  };
}
