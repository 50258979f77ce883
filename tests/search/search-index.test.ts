import { describe, expect, it } from 'vitest';
import type { DealRecord, EntityRecord } from '../../utils/dataset/records';
import { SearchIndex } from '../../utils/search/search-index';

function entity(id: string, en: string, extra: Partial<EntityRecord> = {}): EntityRecord {
  return {
    id,
    type: 'company',
    country: 'RU',
    names: { en },
    aliases: [],
    summary: { en: `${en} summary.` },
    facts: [],
    roles: [],
    series: [],
    sanctions: [],
    related: [],
    ...extra,
  };
}

const entities = [
  entity('gazprom', 'Gazprom', { names: { en: 'Gazprom', ru: 'Газпром' }, aliases: ['PJSC Gazprom', '俄气'] }),
  entity('gazprombank', 'Gazprombank', { type: 'bank', aliases: ['Газпромбанк'] }),
  entity('cnpc', 'China National Petroleum Corporation', { country: 'CN', aliases: ['CNPC', '中石油'] }),
  entity('power-of-siberia', 'Power of Siberia', { type: 'project', aliases: ['Сила Сибири'] }),
  entity('power-of-siberia-2', 'Power of Siberia 2', { type: 'project', aliases: ['Сила Сибири 2'] }),
  entity('igor-sechin', 'Igor Sechin', { type: 'person', aliases: ['Sechin'] }),
  entity('theme-years', 'China–Russia theme years', {
    type: 'initiative',
    aliases: ['Year of Russia in China', 'Year of China in Russia'],
  }),
];
const deals: DealRecord[] = [
  {
    id: '2014-power-of-siberia-contract',
    title: { en: 'Gazprom and CNPC sign the Power of Siberia gas contract' },
    date: '2014-05-21',
    parties: ['gazprom', 'cnpc'],
    related: [],
    sector: 'gas',
    status: 'in-progress',
    statuses: [{ status: 'in-progress', date: '2014-05-21', sources: ['x'] }],
    summary: { en: 'Thirty years of gas.' },
    confidence: 'high',
    sources: ['x'],
  },
];
const index = new SearchIndex({ entities, deals });
const top = (query: string) => {
  const hit = index.search(query)[0];
  return hit?.kind === 'entity' ? hit.entity.id : hit?.deal.id;
};

describe('SearchIndex', () => {
  it('ranks an exact name or alias first', () => {
    expect(top('Gazprom')).toBe('gazprom');
    expect(top('Газпромбанк')).toBe('gazprombank');
    expect(top('中石油')).toBe('cnpc');
    expect(top('CNPC')).toBe('cnpc');
  });

  it('tolerates typos and missing words', () => {
    expect(top('gazprm')).toBe('gazprom');
    expect(top('power siberia 2')).toBe('power-of-siberia-2');
  });

  it('ranks fuzzy matches deep inside long names well below the real hit', () => {
    const [first, second] = index.search('sechin');
    expect(first?.kind === 'entity' && first.entity.id).toBe('igor-sechin');
    if (second) expect(second.score).toBeGreaterThan(0.2);
  });

  it('finds deals by title', () => {
    expect(index.search('Power of Siberia gas contract').some((hit) => hit.kind === 'deal')).toBe(true);
  });

  it('returns nothing for an empty query or for nonsense', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zzqxj')).toEqual([]);
  });
});
