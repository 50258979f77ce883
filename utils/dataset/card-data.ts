/**
 * What a card shows for one entity, assembled from the compiled dataset in the reader's
 * language: the record, its facts and deals (those that matter most for the article first; the
 * deals it is a party to apart from those only about it), the entities it links to, and only the
 * sources it cites. The background builds it, so the content script never carries the whole
 * dataset.
 */
import type { UiLocale } from '../i18n/locale';
import { byRelevance, rankFacts } from './rank-card';
import type { DatasetRecords, DealRecord, EntityRecord, SourceRecord } from './records';
import type { EntityType, Fact } from './schema';

export interface EntityRef {
  readonly id: string;
  /** The name in the card's language where the dataset has it, else in English. */
  readonly name: string;
  /** Set when `name` is English on a card in another language. */
  readonly english?: true;
  readonly type: EntityType;
}

export interface DealView {
  readonly deal: DealRecord;
  readonly parties: readonly EntityRef[];
}

export interface CardData {
  /** The language the card is written in (the reader's choice, else the page's language). */
  readonly locale: UiLocale;
  readonly entity: EntityRecord;
  /** The entity's facts, those that matter most for the article first. */
  readonly facts: readonly Fact[];
  /** Deals it is a party to (a person: signed or led), most relevant first. */
  readonly dealsAsParty: readonly DealView[];
  /** Deals about it without it being a party, most relevant first. */
  readonly dealsRelated: readonly DealView[];
  readonly related: readonly EntityRef[];
  readonly sources: Readonly<Record<string, SourceRecord>>;
}

/** What a card is asked for with: the article's date (YYYY-MM-DD) and the card's language. */
export interface CardContext {
  readonly pageDate?: string;
  readonly locale?: UiLocale;
}

/**
 * Deals the entity is a party to and deals only about it, each most relevant first: with a page
 * date, those closest to it (a reader of a 2019 article wants 2019's deals); otherwise the newest.
 */
export function splitDeals(
  deals: readonly DealRecord[],
  entityId: string,
  pageDate?: string,
): { asParty: DealRecord[]; related: DealRecord[] } {
  const order = byRelevance((deal: DealRecord) => deal.date, pageDate);
  const sorted = [...deals].sort((a, b) => order(a, b) || a.id.localeCompare(b.id));
  return {
    asParty: sorted.filter((deal) => deal.parties.includes(entityId)),
    related: sorted.filter((deal) => !deal.parties.includes(entityId) && deal.related.includes(entityId)),
  };
}

function refOf(entity: EntityRecord, locale: UiLocale): EntityRef {
  const own = entity.names[locale];
  return own
    ? { id: entity.id, name: own, type: entity.type }
    : { id: entity.id, name: entity.names.en, type: entity.type, ...(locale === 'en' ? {} : { english: true }) };
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
function refsOf(data: DatasetRecords, ids: readonly string[], locale: UiLocale): EntityRef[] {
  const byId = entityById(data);
  return ids.flatMap((id) => {
    const entity = byId.get(id);
    return entity ? [refOf(entity, locale)] : [];
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

export function cardDataFor(
  data: DatasetRecords,
  entityId: string,
  { pageDate, locale = 'en' }: CardContext = {},
): CardData | undefined {
  const entity = entityById(data).get(entityId);
  if (!entity) return undefined;
  const { asParty, related } = splitDeals(data.deals, entityId, pageDate);
  const view = (deal: DealRecord): DealView => ({ deal, parties: refsOf(data, deal.parties, locale) });
  const dealsAsParty = asParty.map(view);
  const dealsRelated = related.map(view);
  const cited = new Set([
    ...entity.facts.flatMap((fact) => fact.sources),
    ...entity.series.flatMap((series) => series.points.flatMap((point) => point.sources)),
    ...entity.sanctions.flatMap((sanction) => sanction.sources),
    ...[...asParty, ...related].flatMap((deal) => deal.sources),
  ]);
  return {
    locale,
    entity,
    facts: rankFacts(entity.facts, pageDate),
    dealsAsParty,
    dealsRelated,
    related: refsOf(data, entity.related, locale),
    sources: sourcesOf(data, cited),
  };
}

/** What the popup's deal view shows: the deal, its parties and related entities, its sources. */
export interface DealDetail {
  readonly locale: UiLocale;
  readonly deal: DealRecord;
  readonly parties: readonly EntityRef[];
  readonly related: readonly EntityRef[];
  readonly sources: Readonly<Record<string, SourceRecord>>;
}

export function dealDetailFor(data: DatasetRecords, dealId: string, locale: UiLocale = 'en'): DealDetail | undefined {
  const deal = data.deals.find((candidate) => candidate.id === dealId);
  if (!deal) return undefined;
  return {
    locale,
    deal,
    parties: refsOf(data, deal.parties, locale),
    related: refsOf(data, deal.related, locale),
    sources: sourcesOf(data, deal.sources),
  };
}
