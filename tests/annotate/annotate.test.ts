import { describe, expect, it } from 'vitest';
import { matchHtml } from '../../scripts/lib/read-article';
import { describeMentions } from '../../utils/annotate/annotate-text';
import { unknownNames } from '../../utils/annotate/unknown-names';
import { buildLensIndex } from '../../utils/dataset/lens-index';
import type { CompiledDataset, EntityRecord } from '../../utils/dataset/records';

function entity(id: string, type: EntityRecord['type'], en: string): EntityRecord {
  return {
    id,
    type,
    country: 'RU',
    names: { en },
    aliases: [],
    summary: { en },
    facts: [],
    roles: [],
    series: [],
    sanctions: [],
    related: [],
  };
}

const data: CompiledDataset = {
  version: 'test',
  dataAsOf: '2025',
  entities: [entity('gazprom', 'company', 'Gazprom'), entity('power-of-siberia', 'project', 'Power of Siberia')],
  deals: [],
  sources: {},
  lexicon: [
    { text: 'Gazprom', entity: 'gazprom' },
    { text: 'Power of Siberia', entity: 'power-of-siberia' },
  ],
};
const index = buildLensIndex(data);

describe('annotate', () => {
  it('maps HTML matches to offsets in the document text content', () => {
    const html =
      '<html><head><title>Gazprom news</title><script>var gazprom = 1;</script></head><body><p>Power of <em>Siberia</em> and Gazprom.</p><pre>Gazprom</pre></body></html>';
    const { text, mentions } = matchHtml(html, index.matcher);
    const rows = describeMentions(text, mentions, index);
    expect(rows.map((row) => [row.id, row.text])).toEqual([
      ['power-of-siberia', 'Power of Siberia'],
      ['gazprom', 'Gazprom'],
    ]);
    for (const row of rows) expect(text.slice(row.start, row.end)).toBe(row.text);
  });

  it('lists capitalised and CJK names the dataset does not know, not the known ones', () => {
    const text = 'Gazprom met Sergei Lavrov and Wang Yi. Then Lavrov left. 中国石化公司与弗拉基米尔·普京。';
    const names = unknownNames(text, index.matcher.matchText(text)).map((name) => name.text);
    expect(names).toEqual(
      expect.arrayContaining(['Sergei Lavrov', 'Wang Yi', 'Lavrov', '中国石化公司', '弗拉基米尔·普京']),
    );
    expect(names).not.toContain('Gazprom');
    expect(names).not.toContain('Then');
  });
});
