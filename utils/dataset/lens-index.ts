/** The matcher and lookups over the compiled dataset, as the maintainer commands use them. */
import type { Matcher } from '../matcher/matcher';
import { matcherFor } from '../matcher/page-matcher';
import { pageLexiconOf } from './compile-dataset';
import type { CompiledDataset, EntityRecord } from './records';

export interface LensIndex {
  readonly data: CompiledDataset;
  readonly entityById: ReadonlyMap<string, EntityRecord>;
  readonly matcher: Matcher;
}

export function buildLensIndex(data: CompiledDataset): LensIndex {
  const entityById = new Map(data.entities.map((entity) => [entity.id, entity]));
  return { data, entityById, matcher: matcherFor(pageLexiconOf(data)) };
}
