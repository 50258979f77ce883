import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../utils/page/annotate-page';
import { MentionTable } from '../../utils/page/hit-test';

/** Only what the table reads: the block and the entities. */
function mention(block: Element, id: string): PageMention {
  return { element: block, entities: [id] } as unknown as PageMention;
}

describe('MentionTable.replace', () => {
  // Stand-ins for elements: the table only compares them and keys a map by them.
  const first = {} as Element;
  const second = {} as Element;
  // A block's mentions are not always in a row: an inner block's text can sit between them.
  const mentions = [mention(first, 'a'), mention(first, 'b'), mention(second, 'a'), mention(first, 'c')];

  it('keeps every mention, grouped by block, without a filter', () => {
    const table = new MentionTable();
    table.replace(mentions);
    expect(table.all).toEqual(mentions);
    expect([...table.byBlock.keys()]).toEqual([first, second]);
    expect(table.byBlock.get(first)).toEqual([mentions[0], mentions[1], mentions[3]]);
    expect(table.byBlock.get(second)).toEqual([mentions[2]]);
  });

  it('keeps only what the filter keeps, in order', () => {
    const table = new MentionTable();
    table.replace(mentions, (each) => each.entities[0] !== 'a');
    expect(table.all).toEqual([mentions[1], mentions[3]]);
    expect([...table.byBlock.keys()]).toEqual([first]);
    expect(table.byBlock.get(first)).toEqual([mentions[1], mentions[3]]);
  });

  it('forgets the previous mentions', () => {
    const table = new MentionTable();
    table.replace(mentions);
    table.replace([mentions[2] as PageMention]);
    expect(table.all).toEqual([mentions[2]]);
    expect([...table.byBlock.keys()]).toEqual([second]);
  });
});
