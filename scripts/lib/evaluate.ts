/** Runs the matcher over the labelled articles and scores it per language (Node). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LensIndex } from '../../utils/dataset/lens-index';
import { type GoldMention, parseLabelledArticle } from '../../utils/eval/labelled-article';
import { addScores, compare, emptyScore, type FoundMention, type Score } from '../../utils/eval/score';

const ARTICLES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'articles');
const EVAL_LANGUAGES = ['en', 'ru', 'zh'] as const;

interface ArticleResult {
  readonly file: string;
  readonly text: string;
  readonly score: Score;
  readonly missed: readonly GoldMention[];
  readonly spurious: readonly FoundMention[];
}

export interface LanguageResult {
  readonly language: string;
  readonly articles: readonly ArticleResult[];
  readonly score: Score;
}

export function evaluate(index: LensIndex, articlesDir = ARTICLES_DIR): LanguageResult[] {
  return EVAL_LANGUAGES.map((language) => {
    const dir = join(articlesDir, language);
    let files: string[] = [];
    try {
      files = readdirSync(dir)
        .filter((name) => name.endsWith('.txt'))
        .sort();
    } catch {
      // no articles for this language yet
    }
    const articles = files.map((name): ArticleResult => {
      const file = join(dir, name);
      const { text, gold } = parseLabelledArticle(readFileSync(file, 'utf8'));
      const found = index.matcher
        .matchText(text)
        .flatMap((mention) => mention.entities.map((entity) => ({ start: mention.start, end: mention.end, entity })));
      return { file, text, ...compare(gold, found) };
    });
    return {
      language,
      articles,
      score: articles.reduce((sum, article) => addScores(sum, article.score), emptyScore()),
    };
  });
}
