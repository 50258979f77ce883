/**
 * The page-level pre-check: one read of a page's `textContent` (block texts run together, no
 * separators) must never clear a page that mentions something, and should clear ordinary text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadLensIndex } from '../../scripts/lib/load-lens-index';
import { quietPage } from '../../scripts/lib/news-page';
import { parseLabelledArticle } from '../../utils/eval/labelled-article';

const { matcher, data } = loadLensIndex();
const ARTICLES = join(import.meta.dirname, '..', 'fixtures', 'articles');

function articleParagraphs(): { file: string; paragraphs: string[] }[] {
  return ['en', 'ru', 'zh'].flatMap((language) =>
    readdirSync(join(ARTICLES, language)).map((file) => ({
      file: `${language}/${file}`,
      paragraphs: parseLabelledArticle(readFileSync(join(ARTICLES, language, file), 'utf8'))
        .text.split(/\n\s*\n/)
        .map((paragraph) => paragraph.trim())
        .filter(Boolean),
    })),
  );
}

describe('Matcher.mightMention', () => {
  it('keeps every paragraph of our articles that has a mention, run together with its neighbours', () => {
    let checked = 0;
    for (const { file, paragraphs } of articleParagraphs()) {
      const mentions = matcher.matchTexts(paragraphs);
      for (const [index, paragraph] of paragraphs.entries()) {
        if ((mentions[index] ?? []).length === 0) continue;
        // Headings and list items of one name are the hardest case: try the paragraph alone,
        // each of its mentions alone, and both glued to the neighbouring blocks' text.
        const before = paragraphs[index - 1] ?? '';
        const after = paragraphs[index + 1] ?? '';
        for (const mention of mentions[index] ?? []) {
          const name = paragraph.slice(mention.start, mention.end);
          if (name.length < 5) continue;
          for (const glued of [name, `${before}${name}`, `${name}${after}`, `${before}${name}${after}`]) {
            expect(matcher.mightMention(glued), `${file}: "${name}" in "${glued.slice(0, 80)}"`).toBe(true);
            checked++;
          }
        }
        expect(matcher.mightMention(`${before}${paragraph}${after}`), `${file} ¶${index}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('keeps any alias of five or more characters glued inside other words', () => {
    const aliases = data.lexicon.filter(
      (entry) => !entry.notAMention && !entry.caseSensitive && entry.text.length >= 5,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...aliases),
        fc.stringMatching(/^[A-Za-zА-Яа-я]{0,6}$/),
        fc.stringMatching(/^[A-Za-zА-Яа-я]{0,6}$/),
        (entry, before, after) => matcher.mightMention(`${before}${entry.text}${after}`),
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps a Russian name whose first word a glued letter would stem differently', () => {
    // «Джей» alone keeps its ending; «аДжей» loses «ей» as a case ending (found by the property above).
    expect(matcher.mightMention('Сделку вела аДжей Пи Морган')).toBe(true);
  });

  it('keeps a short alias where blocks may meet, and clears it inside ordinary words', () => {
    expect(matcher.mightMention('Talks in MoscowXi arrived')).toBe(true);
    expect(matcher.mightMention('Xi arrived')).toBe(true);
    expect(matcher.mightMention('a taxi to the exit, then plates and recipes')).toBe(false);
  });

  it('clears a page of ordinary prose read with textContent', () => {
    const { document } = parseHTML(quietPage(50_000).html);
    expect(matcher.mightMention(document.body.textContent ?? '')).toBe(false);
  });
});
