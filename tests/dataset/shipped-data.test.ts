/**
 * The files the build writes are the dataset the Node tools see: the packed matcher finds
 * exactly what the compiled one finds, the records and search data carry what cards and the
 * popup read, and a damaged lexicon file is refused with a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { newsPage, quietPage } from '../../scripts/lib/news-page';
import { shippedFiles, unpackLexicon } from '../../utils/dataset/shipped-data';
import { parseLabelledArticle } from '../../utils/eval/labelled-article';

const { data, matcher } = loadLensIndex();
const files = shippedFiles(data);
const lexiconBytes = files.lexicon as Uint8Array;
const bufferOf = (bytes: Uint8Array) => bytes.slice().buffer as ArrayBuffer;

const ARTICLES = join(import.meta.dirname, '..', 'fixtures', 'articles');
const articles = ['en', 'ru', 'zh'].flatMap((language) =>
  readdirSync(join(ARTICLES, language)).map(
    (file) => parseLabelledArticle(readFileSync(join(ARTICLES, language, file), 'utf8')).text,
  ),
);

describe('the shipped lexicon', () => {
  const shipped = unpackLexicon(bufferOf(lexiconBytes));

  it('finds exactly what the compiled matcher finds, page by page', () => {
    const pages = [...articles, newsPage(60_000, 'test').html];
    let mentions = 0;
    for (const page of pages) {
      const paragraphs = page.split(/\n\s*\n/);
      const expected = matcher.matchTexts(paragraphs, ['vladimir-putin']);
      expect(shipped.matcher.matchTexts(paragraphs, ['vladimir-putin'])).toEqual(expected);
      mentions += expected.flat().length;
    }
    expect(mentions).toBeGreaterThan(500);
  });

  it('answers the scout as the compiled matcher does', () => {
    for (const text of [...articles, quietPage(20_000).html, 'Gazpromneft', 'taxi PLAte']) {
      expect(shipped.matcher.mightMention(text)).toBe(matcher.mightMention(text));
    }
  });

  it('knows every entity type and the dataset version', () => {
    expect(Object.keys(shipped.types)).toHaveLength(data.entities.length);
    expect(shipped.types.gazprom).toBe('company');
    expect(shipped.version).toBe(data.version);
  });

  it('refuses a file that is not a packed lexicon, or is cut short, with a reason', () => {
    expect(() => unpackLexicon(new TextEncoder().encode('{"entities": []}').buffer as ArrayBuffer)).toThrow(
      /bad magic/,
    );
    expect(() => unpackLexicon(bufferOf(lexiconBytes.subarray(0, lexiconBytes.length >> 1)))).toThrow(/truncated/);
  });
});

describe('the shipped records and search data', () => {
  it('records hold everything but the lexicon; search data names every entity and deal', () => {
    const records = JSON.parse(files.records as string);
    expect(Object.keys(records).sort()).toEqual(['dataAsOf', 'deals', 'entities', 'sources', 'version']);
    expect(records.entities).toHaveLength(data.entities.length);
    const search = JSON.parse(files.search as string);
    expect(search.entities.map((entity: { id: string }) => entity.id)).toEqual(data.entities.map((e) => e.id));
    expect(search.deals).toHaveLength(data.deals.length);
    expect(search.entities[0]).not.toHaveProperty('facts');
    // The popup reads a third of what the cards do.
    expect((files.search as string).length).toBeLessThan((files.records as string).length / 2);
  });
});
