/**
 * The automaton finds every occurrence of every pattern, as a naive search does, built or
 * read back from its arrays; alphabets small enough that patterns share prefixes and suffixes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../utils/binary-pack';
import { AhoCorasick, type AutomatonArrays } from '../../utils/matcher/aho-corasick';

/** Every (pattern, end) a naive search finds, in the order `search` reports them. */
function naive(patterns: readonly string[], text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let end = 1; end <= text.length; end++) {
    patterns.forEach((pattern, index) => {
      if (end >= pattern.length && text.startsWith(pattern, end - pattern.length)) found.push([index, end]);
    });
  }
  return found;
}

function found(automaton: AhoCorasick, text: string): [number, number][] {
  const all: [number, number][] = [];
  automaton.search(text, (pattern, end) => {
    all.push([pattern, end]);
  });
  return all;
}

/** Sorted by end, then pattern: the order within one end is the automaton's own. */
const byEnd = (list: [number, number][]) => [...list].sort((a, b) => a[1] - b[1] || a[0] - b[0]);

// A few ordinary letters, and units from both ends of the range (a surrogate, U+FFFF).
const unit = fc.constantFrom('a', 'b', 'c', 'а', 'б', '中', '\ud83d', '\uffff');
const word = fc.array(unit, { minLength: 1, maxLength: 6 }).map((units) => units.join(''));
// Many children under one node, so that nodes take both the scan and the binary search.
const WIDE = Array.from({ length: 40 }, (_, i) => `x${String.fromCharCode(0x61 + i)}`);
const wide = fc.constantFrom(...WIDE);

describe('AhoCorasick', () => {
  it('finds what a naive search finds', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, wide), { minLength: 1, maxLength: 30 }),
        fc.array(fc.oneof(unit, wide), { maxLength: 60 }),
        (patterns, parts) => {
          const text = parts.join('');
          const automaton = AhoCorasick.build(patterns);
          expect(byEnd(found(automaton, text))).toEqual(byEnd(naive(patterns, text)));
        },
      ),
    );
  });

  it('finds the same in every text once output links found in earlier ones are kept', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 30 }),
        fc.array(fc.array(unit, { maxLength: 40 }), { minLength: 2, maxLength: 5 }),
        (patterns, texts) => {
          const automaton = AhoCorasick.build(patterns);
          for (const text of texts.map((units) => units.join(''))) {
            expect(byEnd(found(automaton, text))).toEqual(byEnd(naive(patterns, text)));
          }
        },
      ),
    );
  });

  it('finds every child of a node with many', () => {
    const patterns = WIDE.filter((_, i) => i % 3 !== 1);
    const text = WIDE.join(' ');
    expect(byEnd(found(AhoCorasick.build(patterns), text))).toEqual(byEnd(naive(patterns, text)));
  });

  it('finds the same read back from its packed arrays', () => {
    const patterns = ['газпром', 'газ', 'пром', 'xi', 'xian', 'an', '中国', '国'];
    const built = AhoCorasick.build(patterns);
    const { meta, int32, uint16, uint8 } = unpack<null>(pack(null, { ...built.toArrays() }));
    expect(meta).toBeNull();
    const arrays: AutomatonArrays = {
      rootPairs: int32('rootPairs'),
      childCount: uint16('childCount'),
      nodeCode: uint16('nodeCode'),
      fail: int32('fail'),
      outputCount: uint8('outputCount'),
      outputPatterns: int32('outputPatterns'),
      patternLengths: int32('patternLengths'),
    };
    const text = 'газпромxianchinese中国газ';
    expect(found(AhoCorasick.fromArrays(arrays), text)).toEqual(found(built, text));
    expect(byEnd(found(built, text))).toEqual(byEnd(naive(patterns, text)));
  });

  it('refuses node arrays of unequal length', () => {
    const arrays = AhoCorasick.build(['ab']).toArrays();
    expect(() => AhoCorasick.fromArrays({ ...arrays, nodeCode: arrays.nodeCode.subarray(1) })).toThrow(/unequal/);
  });

  it('refuses counts that do not add up to its arrays', () => {
    const arrays = AhoCorasick.build(['ab', 'b']).toArrays();
    const childCount = arrays.childCount.slice();
    childCount[1] = (childCount[1] as number) + 1;
    expect(() => AhoCorasick.fromArrays({ ...arrays, childCount })).toThrow(/add up/);
    const outputCount = arrays.outputCount.slice();
    outputCount[1] = (outputCount[1] as number) + 1;
    expect(() => AhoCorasick.fromArrays({ ...arrays, outputCount })).toThrow(/add up/);
  });
});
