/**
 * Mention detection measured on the labelled articles (tests/fixtures/articles/). The floors are
 * set from what `npm run eval` measures; raise them as the matcher and data improve, never lower
 * them to make a change pass.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../scripts/lib/evaluate';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { precision, recall } from '../../utils/eval/score';

const FLOORS: Record<string, { precision: number; recall: number; minLabels: number }> = {
  en: { precision: 0.98, recall: 0.97, minLabels: 180 },
  ru: { precision: 0.98, recall: 0.97, minLabels: 200 },
  zh: { precision: 0.98, recall: 0.97, minLabels: 200 },
};

describe('evaluation on labelled articles', () => {
  const results = evaluate(loadLensIndex());
  for (const { language, score, articles } of results) {
    const floor = FLOORS[language] as (typeof FLOORS)[string];
    it(`${language}: precision ≥ ${floor.precision}, recall ≥ ${floor.recall} over ≥ ${floor.minLabels} labels`, () => {
      expect(articles.length).toBeGreaterThanOrEqual(5);
      expect(score.truePositives + score.falseNegatives).toBeGreaterThanOrEqual(floor.minLabels);
      expect(precision(score)).toBeGreaterThanOrEqual(floor.precision);
      expect(recall(score)).toBeGreaterThanOrEqual(floor.recall);
    });
  }
});
