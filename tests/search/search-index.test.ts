import { describe, expect, it } from 'vitest';
import type { DealRecord, EntityRecord } from '../../utils/dataset/records';
import { searchDealOf, searchEntityOf, searchFiguresOf } from '../../utils/search/search-data';
import { editDistance, type SearchHit, SearchIndex } from '../../utils/search/search-index';

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

const customs = entity('china-customs', 'General Administration of Customs of China', {
  type: 'organization',
  country: 'CN',
  series: [
    {
      title: { en: 'China–Russia trade (China customs)', ru: 'Товарооборот Китая и России', zh: '中俄贸易额' },
      unit: 'USD bn',
      terms: ['trade', 'торговля', '贸易'],
      points: [{ period: '2024', value: 244.8, sources: ['x'] }],
    },
  ],
});

const entities = [
  entity('gazprom', 'Gazprom', { names: { en: 'Gazprom', ru: 'Газпром' }, aliases: ['PJSC Gazprom', '俄气'] }),
  entity('gazprombank', 'Gazprombank', { type: 'bank', aliases: ['Газпромбанк'] }),
  entity('cnpc', 'China National Petroleum Corporation', { country: 'CN', aliases: ['CNPC', '中石油'] }),
  entity('power-of-siberia', 'Power of Siberia', { type: 'project', aliases: ['Сила Сибири'] }),
  entity('power-of-siberia-2', 'Power of Siberia 2', { type: 'project', aliases: ['Сила Сибири 2'] }),
  entity('igor-sechin', 'Igor Sechin', {
    type: 'person',
    aliases: ['Sechin'],
    roles: [{ title: 'Chief executive', org: 'rosneft' }],
  }),
  entity('rosneft', 'Rosneft', { names: { en: 'Rosneft', ru: 'Роснефть' } }),
  entity('theme-years', 'China–Russia theme years', {
    type: 'initiative',
    aliases: ['Year of Russia in China', 'Year of China in Russia'],
  }),
  entity('xi-jinping', 'Xi Jinping', {
    type: 'person',
    country: 'CN',
    names: { en: 'Xi Jinping', ru: 'Си Цзиньпин', zh: '习近平' },
    aliases: ['Xi', 'Си'],
  }),
  entity('vladimir-putin', 'Vladimir Putin', {
    type: 'person',
    names: { en: 'Vladimir Putin', ru: 'Владимир Путин' },
    aliases: ['Putin', 'Путин'],
  }),
  entity('sputnik', 'Sputnik', { type: 'organization', names: { en: 'Sputnik', ru: 'Спутник' } }),
  entity('yuan-yunxia', 'Yuan Yunxia', { type: 'person', country: 'CN' }),
  entity('e-cny', 'e-CNY', { type: 'initiative', country: 'CN', aliases: ['e-yuan', 'digital yuan'] }),
  entity('peng-liyuan', 'Peng Liyuan', { type: 'person', country: 'CN' }),
  entity('guan-jun', 'Guan Jun', { type: 'person', country: 'CN' }),
  entity('anton-siluanov', 'Anton Siluanov', { type: 'person', aliases: ['Siluanov'] }),
  entity('elvira-nabiullina', 'Elvira Nabiullina', {
    type: 'person',
    summary: { en: 'Governor of the Bank of Russia, which holds yuan reserves.' },
  }),
  customs,
  // Many names sharing the two letters of a short query: the pair index alone cannot tell them apart.
  ...Array.from({ length: 120 }, (_, n) =>
    entity(`siberian-${n}`, `Siberian firm ${n}`, { aliases: [`Сибирская ${n}`] }),
  ),
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
const index = new SearchIndex({
  entities: entities.map(searchEntityOf),
  deals: deals.map(searchDealOf),
  figures: entities.flatMap(searchFiguresOf),
});
const idOf = (hit: SearchHit | undefined) =>
  hit?.kind === 'entity' ? hit.entity.id : hit?.kind === 'deal' ? hit.deal.id : hit && `figure:${hit.figure.entity}`;
const top = (query: string) => idOf(index.search(query)[0]);
const ids = (query: string) => index.search(query).map(idOf);

describe('SearchIndex', () => {
  it('ranks an exact name or alias first', () => {
    expect(top('Gazprom')).toBe('gazprom');
    expect(top('Газпромбанк')).toBe('gazprombank');
    expect(top('中石油')).toBe('cnpc');
    expect(top('CNPC')).toBe('cnpc');
  });

  it('finds a short Cyrillic or Chinese name however many names share its letters', () => {
    expect(top('Си')).toBe('xi-jinping');
    expect(top('си')).toBe('xi-jinping');
    expect(top('习')).toBe('xi-jinping');
    // A short query that names nothing exactly: names where it starts a word come before the rest.
    expect(index.search('Сиб', 60).filter((hit) => hit.score < 0.3).length).toBeGreaterThan(50);
  });

  it('tolerates typos and missing words, preferring a typo of a whole word to letters inside another', () => {
    expect(top('gazprm')).toBe('gazprom');
    expect(top('power siberia 2')).toBe('power-of-siberia-2');
    expect(top('putn')).toBe('vladimir-putin');
    expect(top('vladimr putin')).toBe('vladimir-putin');
    const putn = ids('putn');
    expect(putn.indexOf('sputnik')).toBeGreaterThan(putn.indexOf('vladimir-putin'));
    expect(top('Путн')).toBe('vladimir-putin');
  });

  it('ranks fuzzy matches deep inside long names well below the real hit', () => {
    const [first, second] = index.search('sechin');
    expect(first?.kind === 'entity' && first.entity.id).toBe('igor-sechin');
    if (second) expect(second.score).toBeGreaterThan(0.2);
  });

  it('ranks names and aliases above roles and summaries, and says what matched', () => {
    const hits = index.search('yuan');
    const byId = new Map(hits.map((hit) => [idOf(hit), hit]));
    expect(idOf(hits[0])).toBe('yuan-yunxia');
    expect(byId.get('e-cny')?.match).toMatchObject({ field: 'alias', text: 'e-yuan' });
    expect(byId.get('elvira-nabiullina')?.match).toMatchObject({ field: 'summary' });
    const summary = byId.get('elvira-nabiullina')?.match;
    expect(summary?.text.slice(...(summary.at ?? [0, 0]))).toBe('yuan');
    const last = (id: string) => hits.findIndex((hit) => idOf(hit) === id);
    expect(last('elvira-nabiullina')).toBeGreaterThan(last('e-cny'));
    expect(last('elvira-nabiullina')).toBeGreaterThan(last('peng-liyuan'));
    // Names that only look like the query, with none of their words starting as it does, are noise.
    expect(byId.has('guan-jun')).toBe(false);
    expect(byId.has('anton-siluanov')).toBe(false);
    // A firm's people come with it, saying why.
    const sechin = index.search('rosneft').find((hit) => idOf(hit) === 'igor-sechin');
    expect(sechin?.match).toEqual({ field: 'role', text: 'Chief executive', org: 'Rosneft' });
    expect(idOf(index.search('rosneft')[0])).toBe('rosneft');
  });

  it('finds figures by their title or terms in any language', () => {
    for (const query of ['trade', 'торговля', '贸易', 'товарооборот', 'China–Russia trade']) {
      expect(top(query), query).toBe('figure:china-customs');
    }
  });

  it('finds deals by title', () => {
    expect(index.search('Power of Siberia gas contract').some((hit) => hit.kind === 'deal')).toBe(true);
  });

  it('compares the folded names it is given (folded at build time), not its own folding', () => {
    const shipped = searchEntityOf(entity('a', 'Alpha'));
    const only = new SearchIndex({ entities: [{ ...shipped, keys: ['omega'] }], deals: [] });
    expect(only.search('omega').length).toBe(1);
    expect(() => new SearchIndex({ entities: [{ ...shipped, keys: [] }], deals: [] })).toThrow(/folded/);
  });

  it('returns nothing for an empty query or for nonsense', () => {
    expect(index.search('   ')).toEqual([]);
    expect(index.search('zzqxj')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('putn', 'putin', 2)).toBe(1);
    expect(editDistance('gazprom', 'gazprmo', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 3)).toBe(3);
    expect(editDistance('abcdef', 'a', 2)).toBe(3);
  });
});
