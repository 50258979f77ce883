import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../utils/dataset/compile-dataset';
import type { Deal, Entity, Source } from '../../utils/dataset/schema';

const source = (url?: string): Source => ({
  publisher: 'Reuters',
  kind: 'wire',
  title: 'A headline',
  date: '2019',
  ...(url ? { url } : {}),
});

const entity: Entity = {
  id: 'alpha',
  type: 'bank',
  country: 'RU',
  names: { en: 'Alpha' },
  aliases: [],
  notMentionedBy: [],
  summary: { en: 'A bank.' },
  facts: [],
  roles: [],
  series: [],
  sanctions: [{ by: 'US', programme: 'SDN (EO 14024)', since: '2022-02-24', sources: ['secure'] }],
  related: [],
};

const deal: Deal = {
  id: '2015-alpha',
  title: { en: 'A deal' },
  date: '2015',
  parties: ['alpha'],
  related: [],
  sector: 'finance',
  statuses: [
    { status: 'signed', date: '2015', sources: ['secure'] },
    { status: 'completed', date: '2019-01', sources: ['plain'] },
  ],
  summary: { en: 'A deal.' },
  confidence: 'high',
  sources: ['secure'],
};

describe('compileDataset', () => {
  const compiled = compileDataset({
    entities: [entity],
    deals: [deal],
    sources: { secure: source('https://r.com/a'), plain: source('http://r.com/b'), none: source() },
  });

  it('ships sanctions, source kinds and the status history with the current status spelled out', () => {
    expect(compiled.entities[0]?.sanctions).toEqual(entity.sanctions);
    expect(compiled.deals[0]).toMatchObject({ status: 'completed', statuses: deal.statuses });
    expect(compiled.sources.secure?.kind).toBe('wire');
  });

  it('marks http:// sources insecure, and only those', () => {
    expect(compiled.sources.plain?.insecure).toBe(true);
    expect(compiled.sources.secure).not.toHaveProperty('insecure');
    expect(compiled.sources.none).not.toHaveProperty('insecure');
  });
});
