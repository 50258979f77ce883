import { describe, expect, it } from 'vitest';
import type { Mention } from '../../utils/matcher/matcher';
import { forEachMention, packMentions } from '../../utils/matcher/packed-mentions';

describe('packed mentions', () => {
  it('round-trips mentions per text, contracted forms included', () => {
    const perText: Mention[][] = [
      [
        { start: 0, end: 7, entities: ['gazprom'] },
        { start: 10, end: 12, entities: ['xi-jinping', 'vladimir-putin'] },
      ],
      [],
      [{ start: 3, end: 10, entities: ['gazprom'] }],
    ];
    const packed = packMentions(perText);
    expect(packed.entities).toEqual(['gazprom', 'xi-jinping', 'vladimir-putin']);
    const unpacked: Mention[][] = [[], [], []];
    forEachMention(packed, (text, start, end, entities) => unpacked[text]?.push({ start, end, entities }));
    expect(unpacked).toEqual(perText);
  });
});
