/**
 * `npm run eval [-- --real] [-- --verbose] [-- --write-labels]`: precision and recall of mention
 * detection per language, on the written articles in tests/fixtures/articles/ and, with --real,
 * on the real-article corpus (tests/fixtures/real/, texts in the git-ignored cache).
 * `--verbose` lists every miss (with its cause) and false hit. `--write-labels` regenerates the
 * committed labels of the real articles from the cache; without it, the eval fails when the
 * cache and the committed labels disagree.
 */
import { relative } from 'node:path';
import { MISS_CAUSES } from '../utils/eval/miss-causes';
import { precision, recall, type Score } from '../utils/eval/score';
import {
  type ArticleResult,
  EVAL_LANGUAGES,
  evaluate,
  evaluateArticle,
  type LanguageResult,
  summarise,
} from './lib/evaluate';
import { loadLensIndex } from './lib/load-lens-index';
import {
  hostOf,
  labelDisagreements,
  REAL_CACHE,
  readCachedArticles,
  readManifest,
  writeLabels,
} from './lib/real-corpus';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const index = loadLensIndex();

const context = (text: string, start: number, end: number) =>
  `…${text.slice(Math.max(0, start - 30), start)}[${text.slice(start, end)}]${text.slice(end, end + 30)}…`.replace(
    /\s+/g,
    ' ',
  );
const ratio = (value: number) => value.toFixed(3).padStart(9);
const coreRecall = (score: Score) => recall(score);

function printTable(title: string, rows: readonly LanguageResult[], withCore: boolean): void {
  console.log(`\n${title}`);
  console.log(`language  articles  labels  found  precision  recall${withCore ? '  core recall' : ''}`);
  for (const { language, articles, score, coreScore } of rows) {
    const labels = score.truePositives + score.falseNegatives;
    const found = score.truePositives + score.falsePositives;
    const core = withCore ? `  ${ratio(coreRecall(coreScore)).padStart(11)}` : '';
    console.log(
      `${language.padEnd(8)}  ${String(articles.length).padStart(8)}  ${String(labels).padStart(6)}  ${String(found).padStart(5)}  ${ratio(precision(score))}  ${recall(score).toFixed(3).padStart(6)}${core}`,
    );
  }
}

function printCauses(rows: readonly LanguageResult[]): void {
  console.log('\nmisses by cause');
  console.log(`language  ${MISS_CAUSES.map((cause) => cause.padStart(22)).join('')}  false hits`);
  for (const { language, articles } of rows) {
    const misses = articles.flatMap((article) => article.misses);
    const counts = MISS_CAUSES.map((cause) => misses.filter((miss) => miss.cause === cause).length);
    const falseHits = articles.reduce((sum, article) => sum + article.spurious.length, 0);
    console.log(
      `${language.padEnd(8)}  ${counts.map((count) => String(count).padStart(22)).join('')}  ${String(falseHits).padStart(10)}`,
    );
  }
}

/** The entities the dataset lacks, by how many real articles name them (for the dataset issue). */
function printMissingEntities(articles: readonly ArticleResult[], top = 20): void {
  const seen = new Map<string, { articles: number; mentions: number }>();
  for (const article of articles) {
    const missing = article.misses.filter((miss) => miss.cause === 'not-in-dataset').map((miss) => miss.mention.entity);
    for (const entity of new Set(missing)) {
      const row = seen.get(entity) ?? { articles: 0, mentions: 0 };
      row.articles++;
      row.mentions += missing.filter((id) => id === entity).length;
      seen.set(entity, row);
    }
  }
  const rows = [...seen].sort((a, b) => b[1].articles - a[1].articles || b[1].mentions - a[1].mentions);
  console.log(`
entities the dataset lacks: ${rows.length}; the ${Math.min(top, rows.length)} named in most articles`);
  for (const [entity, { articles: count, mentions }] of rows.slice(0, top)) {
    console.log(
      `  ${entity.padEnd(40)} ${String(count).padStart(3)} articles  ${String(mentions).padStart(3)} mentions`,
    );
  }
}

function printDetails(articles: readonly ArticleResult[]): void {
  for (const article of articles) {
    if (article.misses.length === 0 && article.spurious.length === 0) continue;
    console.log(`\n${article.file.startsWith('/') ? relative(process.cwd(), article.file) : article.file}`);
    for (const { mention: m, cause, detail } of article.misses) {
      const why = detail ? `${cause} (${detail})` : cause;
      console.log(`  missed   ${why.padEnd(36)} ${m.entity.padEnd(30)} ${context(article.text, m.start, m.end)}`);
    }
    for (const m of article.spurious)
      console.log(`  spurious ${''.padEnd(36)} ${m.entity.padEnd(30)} ${context(article.text, m.start, m.end)}`);
  }
}

const written = evaluate(index);
printTable('Written articles (tests/fixtures/articles/, written by the project)', written, false);
if (verbose) printDetails(written.flatMap((row) => row.articles));

if (args.includes('--real')) {
  const manifest = readManifest();
  const cached = readCachedArticles(manifest);
  if (!cached) {
    console.log(
      `\nReal articles: the cache ${relative(process.cwd(), REAL_CACHE)} is absent, so the real corpus was not scored (its texts are third-party and not committed; see tests/fixtures/real/README.md).`,
    );
  } else {
    if (args.includes('--write-labels')) {
      for (const article of cached) writeLabels(article);
      console.log(`\nWrote the labels of ${cached.length} real articles.`);
    }
    const disagreements = cached.flatMap((article) => labelDisagreements(article));
    if (disagreements.length > 0) {
      console.error(`\nThe cache and the committed labels disagree (${disagreements.length}):`);
      for (const line of disagreements.slice(0, 30)) console.error(`  ${line}`);
      console.error('Fix the cache, or regenerate the labels with --write-labels and review the diff.');
      process.exit(1);
    }
    const results = cached.map(({ entry, source }) => ({
      entry,
      result: evaluateArticle(index, {
        name: entry.id,
        language: entry.language,
        source,
        page: { host: hostOf(entry) },
      }),
    }));
    const rows = EVAL_LANGUAGES.map((language) =>
      summarise(
        language,
        results.filter(({ entry }) => entry.language === language).map(({ result }) => result),
      ),
    );
    const traditional = summarise(
      'zh-Hant',
      results.filter(({ entry }) => entry.script === 'traditional').map(({ result }) => result),
    );
    printTable(
      `Real articles (tests/fixtures/real/, ${cached.length} news articles, third-party texts)`,
      [...rows, traditional],
      true,
    );
    console.log(
      'core recall: recall over the gold mentions whose entity is in the dataset (mentions of entities the dataset lacks are left out); zh-Hant is the traditional-character subset of zh.',
    );
    printCauses(rows);
    printMissingEntities(results.map(({ result }) => result));
    if (verbose) printDetails(results.map(({ result }) => result));
  }
}
