/** The background's warm-up sentences must keep exercising the matcher as the dataset changes. */
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { WARM_UP_TEXTS, warmUp } from '../../utils/matcher/warm-up';

const { matcher } = loadLensIndex();

describe('warmUp', () => {
  it('finds names in every warm-up sentence (English, Russian, simplified and traditional Chinese)', () => {
    const found = matcher.matchTexts(WARM_UP_TEXTS);
    for (const [index, mentions] of found.entries()) {
      expect(mentions.length, WARM_UP_TEXTS[index]).toBeGreaterThanOrEqual(3);
    }
  });

  it('leaves the matcher answering as before', () => {
    const text = 'Gazprom and CNPC signed a deal; «Газпром» и 中石油.';
    const before = matcher.matchText(text);
    warmUp(matcher);
    expect(matcher.matchText(text)).toEqual(before);
  });
});
