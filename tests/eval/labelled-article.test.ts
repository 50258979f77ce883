import { describe, expect, it } from 'vitest';
import { LabelError, parseLabelledArticle } from '../../utils/eval/labelled-article';
import { compare, precision, recall } from '../../utils/eval/score';

describe('parseLabelledArticle', () => {
  it('strips the labels and records gold offsets into the clean text', () => {
    const { text, gold } = parseLabelledArticle(
      'Shares of «[[Газпрома|gazprom]]» rose; [[习普|xi-jinping+vladimir-putin]] met.',
    );
    expect(text).toBe('Shares of «Газпрома» rose; 习普 met.');
    expect(gold).toEqual([
      { start: 11, end: 19, entity: 'gazprom', text: 'Газпрома' },
      { start: 27, end: 29, entity: 'xi-jinping', text: '习普' },
      { start: 27, end: 29, entity: 'vladimir-putin', text: '习普' },
    ]);
    for (const mention of gold) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('rejects malformed labels with where they are', () => {
    expect(() => parseLabelledArticle('A [[Gazprom gazprom]] b')).toThrow(LabelError);
    expect(() => parseLabelledArticle('A [[Gazprom|]] b')).toThrow(/malformed label near/);
  });
});

describe('score', () => {
  it('counts a hit only for the same span and entity', () => {
    const gold = [
      { start: 0, end: 7, entity: 'gazprom', text: 'Gazprom' },
      { start: 10, end: 15, entity: 'vladimir-putin', text: 'Putin' },
    ];
    const found = [
      { start: 0, end: 7, entity: 'gazprom' },
      { start: 10, end: 14, entity: 'vladimir-putin' },
      { start: 20, end: 25, entity: 'rosneft' },
    ];
    const { score, missed, spurious } = compare(gold, found);
    expect(score).toEqual({ truePositives: 1, falsePositives: 2, falseNegatives: 1 });
    expect(missed.map((m) => m.entity)).toEqual(['vladimir-putin']);
    expect(spurious.map((m) => m.entity)).toEqual(['vladimir-putin', 'rosneft']);
    expect(precision(score)).toBeCloseTo(1 / 3);
    expect(recall(score)).toBeCloseTo(1 / 2);
  });
});
