/** Lookups over the compiled dataset that the content script and popup share. */
import { Matcher } from '../matcher/matcher';
import type { CompiledDataset, EntityRecord } from './records';

export interface LensIndex {
  readonly data: CompiledDataset;
  readonly entityById: ReadonlyMap<string, EntityRecord>;
  readonly matcher: Matcher;
}

export function buildLensIndex(data: CompiledDataset): LensIndex {
  const entityById = new Map(data.entities.map((entity) => [entity.id, entity]));
  const related = new Map(data.entities.map((entity) => [entity.id, entity.related]));
  return { data, entityById, matcher: new Matcher(data.lexicon, { related }) };
}
