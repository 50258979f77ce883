/**
 * What a card shows for one entity, assembled from the compiled dataset: the record, its deals
 * (most relevant first), the entities it links to, and only the sources it cites. The
 * background builds it, so the content script never carries the whole dataset.
 */
import type { DatasetRecords, DealRecord, EntityRecord, SourceRecord } from './records';
import type { EntityType } from './schema';

export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
}

export interface DealView {
  readonly deal: DealRecord;
  readonly parties: readonly EntityRef[];
}

export interface CardData {
  readonly entity: EntityRecord;
  readonly deals: readonly DealView[];
  readonly related: readonly EntityRef[];
  readonly sources: Readonly<Record<string, SourceRecord>>;
}

/** Dates as comparable day numbers; a year or month means its middle, so "2019" sits mid-2019. */
function dayNumber(date: string): number {
  const [year = 0, month, day] = date.split('-').map(Number);
  const monthIndex = month === undefined ? 6 : month - 1;
  const dayOfMonth = day ?? (month === undefined ? 1 : 15);
  return Math.floor(Date.UTC(year, monthIndex, dayOfMonth) / 86_400_000);
}

/**
 * Deals about the entity, most relevant first: where it is a party before where it is only
 * concerned; with a page date, the deals closest to it first (a reader of a 2019 article wants
 * 2019's deals); otherwise the newest first.
 */
export function rankDeals(deals: readonly DealRecord[], entityId: string, pageDate?: string): DealRecord[] {
  const target = pageDate ? dayNumber(pageDate) : undefined;
  const score = (deal: DealRecord) => (deal.parties.includes(entityId) ? 0 : 1);
  return deals
    .filter((deal) => deal.parties.includes(entityId) || deal.related.includes(entityId))
    .sort((a, b) => {
      if (target !== undefined) {
        const distance = Math.abs(dayNumber(a.date) - target) - Math.abs(dayNumber(b.date) - target);
        if (distance !== 0) return distance;
      }
      return score(a) - score(b) || b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
    });
}

function refOf(entity: EntityRecord): EntityRef {
  return { id: entity.id, name: entity.names.en, type: entity.type };
}

/** Entities by id, built once per dataset (the background answers every hover from it). */
const entitiesById = new WeakMap<object, ReadonlyMap<string, { readonly id: string }>>();

export function entityById<T extends { readonly id: string }>(data: {
  readonly entities: readonly T[];
}): ReadonlyMap<string, T> {
  let byId = entitiesById.get(data);
  if (!byId) {
    byId = new Map(data.entities.map((entity) => [entity.id, entity]));
    entitiesById.set(data, byId);
  }
  return byId as ReadonlyMap<string, T>;
}

/** The entities these ids name, as links (unknown ids skipped). */
function refsOf(data: DatasetRecords, ids: readonly string[]): EntityRef[] {
  const byId = entityById(data);
  return ids.flatMap((id) => {
    const entity = byId.get(id);
    return entity ? [refOf(entity)] : [];
  });
}

/** Only the sources these ids cite. */
function sourcesOf(data: DatasetRecords, ids: Iterable<string>): Record<string, SourceRecord> {
  const sources: Record<string, SourceRecord> = {};
  for (const id of ids) {
    const source = data.sources[id];
    if (source) sources[id] = source;
  }
  return sources;
}

export function cardDataFor(data: DatasetRecords, entityId: string, pageDate?: string): CardData | undefined {
  const entity = entityById(data).get(entityId);
  if (!entity) return undefined;
  const deals = rankDeals(data.deals, entityId, pageDate).map((deal) => ({
    deal,
    parties: refsOf(data, deal.parties),
  }));
  const cited = new Set([
    ...entity.facts.flatMap((fact) => fact.sources),
    ...entity.series.flatMap((series) => series.points.flatMap((point) => point.sources)),
    ...entity.sanctions.flatMap((sanction) => sanction.sources),
    ...deals.flatMap(({ deal }) => deal.sources),
  ]);
  return { entity, deals, related: refsOf(data, entity.related), sources: sourcesOf(data, cited) };
}

/** What the popup's deal view shows: the deal, its parties and related entities, its sources. */
export interface DealDetail {
  readonly deal: DealRecord;
  readonly parties: readonly EntityRef[];
  readonly related: readonly EntityRef[];
  readonly sources: Readonly<Record<string, SourceRecord>>;
}

export function dealDetailFor(data: DatasetRecords, dealId: string): DealDetail | undefined {
  const deal = data.deals.find((candidate) => candidate.id === dealId);
  if (!deal) return undefined;
  return {
    deal,
    parties: refsOf(data, deal.parties),
    related: refsOf(data, deal.related),
    sources: sourcesOf(data, deal.sources),
  };
}
