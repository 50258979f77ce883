/**
 * Why a gold mention was missed: the entity is not in the dataset; a candidate for it was found
 * and dropped by a precision rule (the matcher's `explainTexts` says which); or no alias of the
 * entity matched there at all (a form the dataset or the rules do not know).
 */
import type { GoldMention } from './labelled-article';
import type { FoundMention } from './score';

export type MissCause = 'not-in-dataset' | 'alias-not-recognised' | 'precision-rule';
export const MISS_CAUSES: readonly MissCause[] = ['not-in-dataset', 'alias-not-recognised', 'precision-rule'];

export interface ExplainedMiss {
  readonly mention: GoldMention;
  readonly cause: MissCause;
  /** The rule that dropped it, or "span differs" when the entity was found over another span. */
  readonly detail?: string;
}

export interface DroppedCandidate extends FoundMention {
  readonly reason: string;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export function explainMiss(
  mention: GoldMention,
  isKnown: (entity: string) => boolean,
  found: readonly FoundMention[],
  dropped: readonly DroppedCandidate[],
): ExplainedMiss {
  if (!isKnown(mention.entity)) return { mention, cause: 'not-in-dataset' };
  const rule = dropped.find((candidate) => candidate.entity === mention.entity && overlaps(candidate, mention));
  // A candidate that lost only to a longer overlapping one is a form problem, not a precision rule.
  if (rule && rule.reason !== 'overlap') return { mention, cause: 'precision-rule', detail: rule.reason };
  const near = found.find((hit) => hit.entity === mention.entity && overlaps(hit, mention));
  if (near) return { mention, cause: 'alias-not-recognised', detail: 'span differs' };
  return { mention, cause: 'alias-not-recognised', ...(rule ? { detail: 'inside a longer match' } : {}) };
}
