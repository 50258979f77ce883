import { describe, expect, it } from 'vitest';
import { isActive, placeholderReason, reviewDataset, yearsBefore } from '../../utils/dataset/review-dataset';
import type { Deal, Source } from '../../utils/dataset/schema';
import type { Dataset } from '../../utils/dataset/validate-dataset';
import { schemaEntity } from './schema-entity';

function source(extra: Partial<Source> = {}): Source {
  return {
    publisher: 'Reuters',
    kind: 'wire',
    title: 'Gazprom signs a deal',
    date: '2020-01-02',
    url: 'https://r.com/a',
    ...extra,
  };
}

const entity = schemaEntity;

function deal(id: string, statuses: Deal['statuses'], sources = ['wire']): Deal {
  return {
    id,
    title: { en: id },
    date: '2015',
    parties: ['gazprom'],
    related: [],
    sector: 'gas',
    statuses,
    summary: { en: id },
    confidence: 'high',
    sources,
  };
}

const CUTOFF = '2024-06-01';

function review(data: Partial<Dataset>) {
  const dataset: Dataset = {
    entities: data.entities ?? [],
    deals: data.deals ?? [],
    sources: data.sources ?? { wire: source(), copy: source({ kind: 'aggregator', publisher: 'UrduPoint (Sputnik)' }) },
  };
  return reviewDataset(dataset, { cutoff: CUTOFF });
}

const groupOf = (findings: ReturnType<typeof review>, group: string) =>
  findings
    .filter((finding) => finding.group === group)
    .map((finding) => `${finding.entry} ${finding.field ?? ''}`.trim());

describe('data:review', () => {
  it('counts a person active while they hold an open role, an event never, anything else always', () => {
    expect(isActive(entity('p', { type: 'person', roles: [{ title: 'CEO', from: '2010' }] }))).toBe(true);
    expect(isActive(entity('p', { type: 'person', roles: [{ title: 'CEO', from: '2010', to: '2012' }] }))).toBe(false);
    expect(isActive(entity('e', { type: 'event' }))).toBe(false);
    expect(isActive(entity('heihe', { type: 'place' }))).toBe(true);
  });

  it('lists active entities with facts older than the cut-off, at the precision they are known', () => {
    const fact = (asOf: string) => ({ text: asOf, asOf, sources: ['wire'] });
    const findings = review({
      entities: [
        entity('gazprom', { facts: [fact('2019'), fact('2024'), fact('2025-01')] }),
        entity('summit', { type: 'event', facts: [fact('2019')] }),
        entity('retired', {
          type: 'person',
          roles: [{ title: 'CEO', from: '2001', to: '2010' }],
          facts: [fact('2009')],
        }),
      ],
    });
    expect(groupOf(findings, 'stale-facts')).toEqual(['gazprom facts']);
    // 2024 may be after June 2024, so only 2019 counts.
    expect(findings.find((f) => f.group === 'stale-facts')?.message).toMatch(
      /^1 of 3 facts .*\(facts 0\); newest 2025-01/,
    );
  });

  it('lists open roles begun before the cut-off, without a start, taken over by someone else, or left for another', () => {
    const findings = review({
      entities: [
        entity('gazprom'),
        entity('rosneft'),
        entity('old-ceo', { type: 'person', roles: [{ title: 'Chief Executive', org: 'gazprom', from: '2001' }] }),
        entity('new-ceo', { type: 'person', roles: [{ title: 'chief executive', org: 'gazprom', from: '2025-02' }] }),
        entity('no-start', { type: 'person', roles: [{ title: 'Adviser' }] }),
        entity('mover', {
          type: 'person',
          roles: [
            { title: 'Chairman', org: 'rosneft', from: '2024-09' },
            { title: 'Minister', from: '2025-01' },
          ],
        }),
      ],
    });
    const rows = findings.filter((f) => f.group === 'open-roles');
    expect(rows.map((f) => `${f.entry} ${f.field}`)).toEqual(['old-ceo roles.0', 'no-start roles.0', 'mover roles.0']);
    expect(rows[0]?.message).toMatch(/open since 2001; new-ceo holds the same title there since 2025-02/);
    expect(rows[1]?.message).toMatch(/no start date/);
    expect(rows[2]?.message).toMatch(/a later role \(Minister\) started 2025-01/);
  });

  it('lists deals whose current status is not final and was last confirmed before the cut-off', () => {
    const findings = review({
      deals: [
        deal('old-signed', [{ status: 'signed', date: '2015', sources: ['wire'] }]),
        deal('old-done', [{ status: 'completed', date: '2016', sources: ['wire'] }]),
        deal('reconfirmed', [
          { status: 'signed', date: '2015', sources: ['wire'] },
          { status: 'in-progress', date: '2025-03', sources: ['wire'] },
        ]),
      ],
    });
    expect(groupOf(findings, 'unconfirmed-deals')).toEqual(['old-signed statuses.0']);
  });

  it('lists facts and deals that cite only copies', () => {
    const findings = review({
      entities: [
        entity('gazprom', {
          facts: [
            { text: 'a', asOf: '2025', sources: ['copy'] },
            { text: 'b', asOf: '2025', sources: ['copy', 'wire'] },
          ],
        }),
      ],
      deals: [deal('copied', [{ status: 'completed', date: '2016', sources: ['copy'] }], ['copy'])],
    });
    expect(groupOf(findings, 'copy-only')).toEqual(['gazprom facts.0', 'copied sources']);
  });

  it('lists sources without a URL and with placeholder titles', () => {
    const findings = review({
      sources: {
        fine: source(),
        bare: source({ url: undefined }),
        lost: source({ title: 'Gazprom signs a deal (headline not preserved)' }),
      },
    });
    expect(groupOf(findings, 'sources-without-url')).toEqual(['bare']);
    expect(groupOf(findings, 'placeholder-titles')).toEqual(['lost title']);
  });

  it('recognises placeholder titles', () => {
    const reason = (title: string, extra: Partial<Source> = {}) =>
      placeholderReason('tass-2020-a', source({ title, ...extra }));
    expect(reason('Putin meets Xi')).toBeUndefined();
    expect(reason('China Development Bank', { publisher: 'Wikipedia' })).toBeUndefined();
    expect(reason('Putin meets Xi (headline not preserved)')).toMatch(/not preserved/);
    expect(reason('Reuters')).toBe('title is the publisher');
    expect(reason('TASS', { publisher: 'TASS (via Rambler)' })).toBe('title is the publisher');
    expect(reason('Untitled')).toBe('generic title');
    expect(reason('https://tass.com/economy/1')).toBe('title is an address or id');
    expect(reason('tass.com/economy/1')).toBe('title is an address or id');
    expect(reason('tass-2020-a')).toBe('title is an address or id');
    expect(reason('russia-china-sign-gas-deal')).toBe('title is an address or id');
    expect(reason('Putin meets Xi', { note: 'Title taken from the page address.' })).toMatch(/page address/);
  });

  it('computes the default cut-off', () => {
    expect(yearsBefore('2026-12-07', 2)).toBe('2024-12-07');
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28');
  });
});
