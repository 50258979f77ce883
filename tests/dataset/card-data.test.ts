import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { cardDataFor, rankDeals } from '../../utils/dataset/card-data';
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

  it('lists the deals an entity is party to or concerned by, newest first, parties before the concerned', () => {
    expect(rankDeals(deals, 'gazprom').map((d) => d.id)).toEqual(['2022-d', '2014-b', '2009-a', '2019-c']);
  });

  it('puts the deals closest to the article’s date first', () => {
    expect(rankDeals(deals, 'gazprom', '2015-01-10').map((d) => d.id)).toEqual([
      '2014-b',
      '2019-c',
      '2009-a',
      '2022-d',
    ]);
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
      ...(card?.deals.flatMap((view) => view.deal.sources) ?? []),
    ]);
    expect(Object.keys(card?.sources ?? {}).sort()).toEqual([...cited].sort());
    expect(card?.deals[0]?.parties.some((party) => party.name === 'Gazprom')).toBe(true);
    expect(cardDataFor(data, 'no-such-entity')).toBeUndefined();
  });
});
