import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { cardDataFor, splitDeals } from '../../utils/dataset/card-data';
import { rankFacts } from '../../utils/dataset/rank-card';
import type { DealRecord } from '../../utils/dataset/records';

function deal(id: string, date: string, parties: string[], related: string[] = []): DealRecord {
  return {
    id,
    date,
    parties,
    related,
    title: { en: id },
    sector: 'gas',
    status: 'signed',
    statuses: [{ status: 'signed', date, sources: ['s'] }],
    summary: { en: id },
    confidence: 'high',
    sources: ['s'],
  };
}

describe('card data', () => {
  const deals = [
    deal('2009-a', '2009-04', ['gazprom']),
    deal('2014-b', '2014-05-21', ['gazprom', 'cnpc']),
    deal('2019-c', '2019-12-02', ['cnpc'], ['gazprom']),
    deal('2022-d', '2022-02', ['gazprom']),
    deal('2020-x', '2020', ['rosneft']),
  ];

  const ids = (split: ReturnType<typeof splitDeals>) => ({
    asParty: split.asParty.map((d) => d.id),
    related: split.related.map((d) => d.id),
  });

  it('separates the deals an entity is a party to from those only about it, newest first', () => {
    expect(ids(splitDeals(deals, 'gazprom'))).toEqual({ asParty: ['2022-d', '2014-b', '2009-a'], related: ['2019-c'] });
  });

  it('puts the deals closest to the article’s date first', () => {
    expect(ids(splitDeals(deals, 'gazprom', '2015-01-10'))).toEqual({
      asParty: ['2014-b', '2009-a', '2022-d'],
      related: ['2019-c'],
    });
  });

  it('ranks facts nearest the article’s date first, then the newest', () => {
    const fact = (asOf: string) => ({ text: asOf, asOf, sources: ['s'] });
    const facts = [fact('2013-03-22'), fact('2023-10-18'), fact('1989-08'), fact('2025-02'), fact('2021-06-25')];
    expect(rankFacts(facts, '2025-03-01').map((f) => f.asOf)).toEqual([
      '2025-02',
      '2023-10-18',
      '2021-06-25',
      '2013-03-22',
      '1989-08',
    ]);
    expect(rankFacts(facts, '2014-01-01').map((f) => f.asOf)[0]).toBe('2013-03-22');
    expect(rankFacts(facts).map((f) => f.asOf)).toEqual([
      '2025-02',
      '2023-10-18',
      '2021-06-25',
      '2013-03-22',
      '1989-08',
    ]);
    // Equally near: the later first.
    expect(rankFacts([fact('2019'), fact('2021')], '2020-07-01').map((f) => f.asOf)).toEqual(['2021', '2019']);
  });

  // Loads and compiles the whole dataset: seconds, more on a busy machine.
  it('carries only the sources the card cites, and names the parties', { timeout: 30_000 }, () => {
    const { data } = loadLensIndex();
    const card = cardDataFor(data, 'gazprom');
    expect(card?.entity.id).toBe('gazprom');
    const cited = new Set([
      ...(card?.entity.facts.flatMap((fact) => fact.sources) ?? []),
      ...(card?.entity.series.flatMap((series) => series.points.flatMap((point) => point.sources)) ?? []),
      ...(card?.entity.sanctions.flatMap((sanction) => sanction.sources) ?? []),
      ...[...(card?.dealsAsParty ?? []), ...(card?.dealsRelated ?? [])].flatMap((view) => view.deal.sources),
    ]);
    expect(Object.keys(card?.sources ?? {}).sort()).toEqual([...cited].sort());
    expect(card?.dealsAsParty[0]?.parties.some((party) => party.name === 'Gazprom')).toBe(true);
    expect(cardDataFor(data, 'no-such-entity')).toBeUndefined();

    // On a 2025 article, Gazprom's first fact is not the plan for "the end of 2013".
    const in2025 = cardDataFor(data, 'gazprom', { pageDate: '2025-09-02' });
    expect(in2025?.facts[0]?.text).not.toMatch(/end of 2013/);
    expect(in2025?.facts.slice(0, 3).every((fact) => fact.asOf >= '2014')).toBe(true);

    // A person's deals: those the person signed or led apart from those only about them.
    const putin = cardDataFor(data, 'vladimir-putin', { locale: 'ru' });
    for (const view of putin?.dealsAsParty ?? []) expect(view.deal.parties).toContain('vladimir-putin');
    for (const view of putin?.dealsRelated ?? []) {
      expect(view.deal.parties).not.toContain('vladimir-putin');
      expect(view.deal.related).toContain('vladimir-putin');
    }

    // In Russian: names in Russian where the dataset has them, English ones marked.
    expect(putin?.locale).toBe('ru');
    const refs = [...(putin?.related ?? []), ...(putin?.dealsAsParty.flatMap((view) => view.parties) ?? [])];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const names = data.entities.find((entity) => entity.id === ref.id)?.names;
      expect(ref.name).toBe(names?.ru ?? names?.en);
      expect(ref.english).toBe(names?.ru ? undefined : true);
    }
  });
});
