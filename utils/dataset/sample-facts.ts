/**
 * A reproducible sample of the dataset's facts for a reread (docs/DATASET.md, "A review
 * routine"): the same seed over the same dataset always draws the same facts, so a reread can be
 * named in a note and repeated by anyone.
 */
import type { Dataset } from './validate-dataset';

export interface SampledFact {
  readonly entity: string;
  /** The fact's place in the entity's `facts`. */
  readonly index: number;
  readonly text: string;
  readonly asOf: string;
  readonly sources: readonly string[];
}

/** mulberry32: a small, well-mixed 32-bit PRNG; enough to draw a sample, not for secrets. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** `count` distinct facts drawn uniformly from every entity's facts (all of them if fewer). */
export function sampleFacts(dataset: Dataset, count: number, seed: number): SampledFact[] {
  const all: SampledFact[] = [];
  const entities = [...dataset.entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entity of entities) {
    entity.facts.forEach((fact, index) => {
      all.push({ entity: entity.id, index, text: fact.text, asOf: fact.asOf, sources: fact.sources });
    });
  }
  // A partial Fisher–Yates shuffle: the first `count` places are the sample.
  const random = seededRandom(seed);
  const size = Math.min(count, all.length);
  for (let place = 0; place < size; place++) {
    const pick = place + Math.floor(random() * (all.length - place));
    [all[place], all[pick]] = [all[pick] as SampledFact, all[place] as SampledFact];
  }
  return all.slice(0, size);
}
