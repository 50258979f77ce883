/** Precision and recall of found mentions against gold labels: a hit is the same span and entity. */
import type { GoldMention } from './labelled-article';

export interface FoundMention {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export function emptyScore(): Score {
  return { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
}

const key = (m: FoundMention) => `${m.start}:${m.end}:${m.entity}`;

export interface Comparison {
  readonly score: Score;
  readonly missed: readonly GoldMention[];
  readonly spurious: readonly FoundMention[];
}

export function compare(gold: readonly GoldMention[], found: readonly FoundMention[]): Comparison {
  const goldKeys = new Set(gold.map(key));
  const foundKeys = new Set(found.map(key));
  const missed = gold.filter((m) => !foundKeys.has(key(m)));
  const spurious = found.filter((m) => !goldKeys.has(key(m)));
  return {
    score: {
      truePositives: found.length - spurious.length,
      falsePositives: spurious.length,
      falseNegatives: missed.length,
    },
    missed,
    spurious,
  };
}

export function addScores(a: Score, b: Score): Score {
  return {
    truePositives: a.truePositives + b.truePositives,
    falsePositives: a.falsePositives + b.falsePositives,
    falseNegatives: a.falseNegatives + b.falseNegatives,
  };
}

export function precision(score: Score): number {
  const predicted = score.truePositives + score.falsePositives;
  return predicted === 0 ? 1 : score.truePositives / predicted;
}

export function recall(score: Score): number {
  const relevant = score.truePositives + score.falseNegatives;
  return relevant === 0 ? 1 : score.truePositives / relevant;
}
