import { describe, expect, it } from 'vitest';
import { sampleFacts } from '../../utils/dataset/sample-facts';
import type { Entity } from '../../utils/dataset/schema';
import type { Dataset } from '../../utils/dataset/validate-dataset';
import { schemaEntity } from './schema-entity';

function entity(id: string, factCount: number): Entity {
  const facts = Array.from({ length: factCount }, (_, index) => ({
    text: `${id} fact ${index}`,
    asOf: '2024',
    sources: ['s'],
  }));
  return schemaEntity(id, { facts });
}

const dataset: Dataset = {
  entities: [entity('b', 30), entity('a', 25), entity('c', 0), entity('d', 5)],
  deals: [],
  sources: {},
};

describe('sampleFacts', () => {
  it('draws the same facts for the same seed, whatever the file order', () => {
    const reordered: Dataset = { ...dataset, entities: [...dataset.entities].reverse() };
    expect(sampleFacts(reordered, 10, 7)).toEqual(sampleFacts(dataset, 10, 7));
  });

  it('draws other facts for another seed', () => {
    const texts = (seed: number) => sampleFacts(dataset, 10, seed).map((fact) => fact.text);
    expect(texts(1)).not.toEqual(texts(2));
  });

  it('draws distinct facts, each pointing at its place in its entity', () => {
    const sample = sampleFacts(dataset, 40, 3);
    expect(new Set(sample.map((fact) => fact.text)).size).toBe(40);
    for (const fact of sample) expect(fact.text).toBe(`${fact.entity} fact ${fact.index}`);
  });

  it('returns every fact when asked for more than there are', () => {
    expect(sampleFacts(dataset, 500, 1)).toHaveLength(60);
  });

  it('draws from every entity over many seeds (uniform, not the first file only)', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 50; seed++) for (const fact of sampleFacts(dataset, 3, seed)) seen.add(fact.entity);
    expect([...seen].sort()).toEqual(['a', 'b', 'd']);
  });
});
