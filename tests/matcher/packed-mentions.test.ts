import { describe, expect, it } from 'vitest';
import { packMentions, unpackMentions } from '../../utils/matcher/packed-mentions';

describe('packed mentions', () => {
  it('round-trips mentions per text, contracted forms included', () => {
    const perText = [
      [
        { start: 0, end: 7, entities: ['gazprom'] },
        { start: 10, end: 12, entities: ['xi-jinping', 'vladimir-putin'] },
      ],
      [],
      [{ start: 3, end: 10, entities: ['gazprom'] }],
    ];
    const packed = packMentions(perText);
    expect(packed.entities).toEqual(['gazprom', 'xi-jinping', 'vladimir-putin']);
    expect(unpackMentions(packed, 3)).toEqual(perText);
  });

  it('refuses numbers that point past the texts asked about', () => {
    expect(() => unpackMentions({ numbers: [5, 0, 1, 1, 0], entities: ['a'] }, 2)).toThrow(/text 5 of 2/);
  });
});
