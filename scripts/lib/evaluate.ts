/** Runs the matcher over labelled articles and scores it per language (Node). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LensIndex } from '../../utils/dataset/lens-index';
import { type GoldMention, parseLabelledArticle } from '../../utils/eval/labelled-article';
import { type ExplainedMiss, explainMiss } from '../../utils/eval/miss-causes';
import { addScores, compare, emptyScore, type FoundMention, type Score } from '../../utils/eval/score';
import type { PageContext } from '../../utils/matcher/matcher';

const ARTICLES_DIR = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'articles');
export const EVAL_LANGUAGES = ['en', 'ru', 'zh'] as const;

/** A labelled text to score, with what its page says about itself. */
export interface EvalInput {
  /** A file path or a corpus id, for the report. */
  readonly name: string;
  readonly language: string;
  /** Labelled text (inline `[[surface|entity]]`). */
  readonly source: string;
  readonly page?: PageContext;
}

export interface ArticleResult {
  readonly file: string;
  readonly text: string;
  readonly score: Score;
  /** The score over gold mentions of entities the dataset has (see `coreRecall`). */
  readonly coreScore: Score;
  readonly missed: readonly GoldMention[];
  readonly misses: readonly ExplainedMiss[];
  readonly spurious: readonly FoundMention[];
}

export interface LanguageResult {
  readonly language: string;
  readonly articles: readonly ArticleResult[];
  readonly score: Score;
  readonly coreScore: Score;
}

export function evaluateArticle(index: LensIndex, input: EvalInput): ArticleResult {
  const { text, gold } = parseLabelledArticle(input.source);
  const { mentions, rejected } = index.matcher.explainTexts([text], [], input.page);
  const found = (mentions[0] ?? []).flatMap((mention) =>
    mention.entities.map((entity) => ({ start: mention.start, end: mention.end, entity })),
  );
  const comparison = compare(gold, found);
  const isKnown = (entity: string) => index.entityById.has(entity);
  const core = compare(
    gold.filter((mention) => isKnown(mention.entity)),
    found,
  );
  return {
    file: input.name,
    text,
    ...comparison,
    coreScore: { ...core.score, falsePositives: comparison.score.falsePositives },
    misses: comparison.missed.map((mention) => explainMiss(mention, isKnown, found, rejected[0] ?? [])),
  };
}

export function summarise(language: string, articles: readonly ArticleResult[]): LanguageResult {
  return {
    language,
    articles,
    score: articles.reduce((sum, article) => addScores(sum, article.score), emptyScore()),
    coreScore: articles.reduce((sum, article) => addScores(sum, article.coreScore), emptyScore()),
  };
}

/** The written articles (tests/fixtures/articles/<language>/*.txt), per language. */
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
    const articles = files.map((name) => {
      const file = join(dir, name);
      return evaluateArticle(index, { name: file, language, source: readFileSync(file, 'utf8') });
    });
    return summarise(language, articles);
  });
}
