/** The matcher and lookups over the compiled dataset, as the background and the maintainer commands use them. */
import { entityInfoOf } from '../matcher/entity-info';
import { Matcher } from '../matcher/matcher';
import { entityById } from './card-data';
import type { CompiledDataset, EntityRecord } from './records';

export interface LensIndex {
  readonly data: CompiledDataset;
  readonly entityById: ReadonlyMap<string, EntityRecord>;
  readonly matcher: Matcher;
}

export function buildLensIndex(data: CompiledDataset): LensIndex {
  // Related ids corroborate a titled ambiguous alias ("President Xi" on a page naming Putin).
  const related = new Map(data.entities.filter((entity) => entity.related.length > 0).map((e) => [e.id, e.related]));
  const info = new Map(data.entities.map((entity) => [entity.id, entityInfoOf(entity)]));
  return { data, entityById: entityById(data), matcher: Matcher.of(data.lexicon, { related, info }) };
}
