/**
 * The real-article corpus as committed (manifest and labels; the texts are not committed), how
 * its labels are summarised, and how a miss is explained.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  hostOf,
  labelDisagreements,
  readCachedArticles,
  readManifest,
  writeLabels,
} from '../../scripts/lib/real-corpus';
import { labelRows } from '../../utils/eval/label-rows';
import { parseLabelledArticle } from '../../utils/eval/labelled-article';
import { explainMiss } from '../../utils/eval/miss-causes';

const REAL = join(import.meta.dirname, '..', 'fixtures', 'real');

describe('the real-article manifest', () => {
  const manifest = readManifest();

  it('covers three languages, traditional Chinese, eight topics and 2008–2026', () => {
    const count = (language: string) => manifest.filter((entry) => entry.language === language).length;
    expect(count('en')).toBeGreaterThanOrEqual(15);
    expect(count('ru')).toBeGreaterThanOrEqual(15);
    expect(count('zh')).toBeGreaterThanOrEqual(15);
    expect(manifest.filter((entry) => entry.script === 'traditional').length).toBeGreaterThanOrEqual(5);
    expect(new Set(manifest.map((entry) => entry.topic)).size).toBeGreaterThanOrEqual(8);
    const years = manifest.map((entry) => Number(entry.date.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2008);
    expect(Math.max(...years)).toBeLessThanOrEqual(2026);
  });

  it('has committed labels for every article: {surface, entity, count} rows', () => {
    for (const entry of manifest) {
      const rows = parse(readFileSync(join(REAL, 'labels', `${entry.id}.yaml`), 'utf8')) as unknown[];
      expect(rows.length, entry.id).toBeGreaterThan(0);
      for (const row of rows) {
        expect(Object.keys(row as object).sort()).toEqual(['count', 'entity', 'surface']);
        expect((row as { entity: string }).entity).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
    }
  });

  it('gives the eval each article’s host', () => {
    const entry = manifest.find((e) => e.url.includes('tass.com'));
    expect(entry && hostOf(entry)).toBe('tass.com');
  });
});

describe('the cache of labelled texts', () => {
  it('is reported absent, not an error, when it is not there', () => {
    expect(readCachedArticles(readManifest(), join(tmpdir(), 'no-such-cache-here'))).toBeUndefined();
  });

  it('must agree with the committed labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'real-labels-'));
    const entry = readManifest()[0];
    if (!entry) throw new Error('empty manifest');
    const article = { entry, source: 'Talks with [[Gazprom|gazprom]] and [[Gazprom|gazprom]].' };
    expect(labelDisagreements(article, dir)[0]).toMatch(/no committed labels/);
    writeLabels(article, dir);
    expect(labelDisagreements(article, dir)).toEqual([]);
    const changed = { entry, source: 'Talks with [[Gazprom|gazprom]] and Gazprom.' };
    expect(labelDisagreements(changed, dir)).toEqual([
      expect.stringMatching(/"Gazprom" gazprom ×1 in the cache, ×2 committed/),
    ]);
  });
});

describe('label rows', () => {
  it('count each surface form of each entity, in order of first use', () => {
    const { gold } = parseLabelledArticle('[[Gazprom|gazprom]] and [[Газпром|gazprom]]; [[Gazprom|gazprom]] again.');
    expect(labelRows(gold)).toEqual([
      { surface: 'Gazprom', entity: 'gazprom', count: 2 },
      { surface: 'Газпром', entity: 'gazprom', count: 1 },
    ]);
  });
});

describe('why a mention was missed', () => {
  const mention = { start: 10, end: 16, entity: 'sechin', text: 'Sechin' };
  const known = (entity: string) => entity !== 'absent';

  it('the dataset lacks the entity', () => {
    expect(explainMiss({ ...mention, entity: 'absent' }, known, [], []).cause).toBe('not-in-dataset');
  });

  it('a precision rule dropped a candidate for it, and which', () => {
    const dropped = [{ start: 10, end: 16, entity: 'sechin', reason: 'needsContext' }];
    expect(explainMiss(mention, known, [], dropped)).toMatchObject({ cause: 'precision-rule', detail: 'needsContext' });
  });

  it('no alias matched there, or it matched over another span', () => {
    expect(explainMiss(mention, known, [], []).cause).toBe('alias-not-recognised');
    const found = [{ start: 7, end: 16, entity: 'sechin' }];
    expect(explainMiss(mention, known, found, [])).toMatchObject({
      cause: 'alias-not-recognised',
      detail: 'span differs',
    });
  });
});
