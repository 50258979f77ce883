import { describe, expect, it } from 'vitest';
import { highlightNameIn, highlightRules, newHighlightNames, readHighlightNames } from '../utils/highlight-names';
import { COLORS } from '../utils/settings';

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

describe('highlight names', () => {
  it('are random per install, valid CSS identifiers, and name nothing of the product', () => {
    const names = newHighlightNames(random);
    expect(names).toHaveLength(COLORS.length * 2);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9]+$/);
    expect(names.join(' ')).not.toMatch(/lens|china|russia|highlight/i);
    expect(newHighlightNames(random)).not.toEqual(names);
  });

  it('read back only a complete, valid stored set', () => {
    const names = newHighlightNames(random);
    expect(readHighlightNames(names)).toEqual(names);
    for (const broken of [undefined, null, 'x', names.slice(1), [...names.slice(1), names[0]?.toUpperCase()]]) {
      expect(readHighlightNames(broken)).toBeUndefined();
    }
    expect(readHighlightNames([...names.slice(1), names[1]])).toBeUndefined();
  });

  it('give one rule per style and colour', () => {
    const names = newHighlightNames(random);
    const rules = highlightRules(names);
    expect(rules).toContain(
      `::highlight(${highlightNameIn(names, 'fill', 'red')}) { background-color: rgb(248 113 113 / 0.25)`,
    );
    expect(rules).toContain(
      `::highlight(${highlightNameIn(names, 'underline', 'teal')}) { text-decoration: underline 2px`,
    );
    expect(rules.split('\n')).toHaveLength(names.length);
  });
});
