/**
 * `npm run eval [-- --verbose]`: precision and recall of mention detection per language, on the
 * labelled articles in tests/fixtures/articles/. `--verbose` lists every miss and false hit.
 */
import { relative } from 'node:path';
import { precision, recall } from '../utils/eval/score';
import { evaluate } from './lib/evaluate';
import { loadLensIndex } from './lib/load-lens-index';

const verbose = process.argv.includes('--verbose');
const results = evaluate(loadLensIndex());
const context = (text: string, start: number, end: number) =>
  `…${text.slice(Math.max(0, start - 30), start)}[${text.slice(start, end)}]${text.slice(end, end + 30)}…`.replace(
    /\s+/g,
    ' ',
  );

console.log('language  articles  labels  found  precision  recall');
for (const { language, articles, score } of results) {
  const labels = score.truePositives + score.falseNegatives;
  const found = score.truePositives + score.falsePositives;
  console.log(
    `${language.padEnd(8)}  ${String(articles.length).padStart(8)}  ${String(labels).padStart(6)}  ${String(found).padStart(5)}  ${precision(score).toFixed(3).padStart(9)}  ${recall(score).toFixed(3).padStart(6)}`,
  );
}
if (verbose) {
  for (const { articles } of results) {
    for (const article of articles) {
      if (article.missed.length === 0 && article.spurious.length === 0) continue;
      console.log(`\n${relative(process.cwd(), article.file)}`);
      for (const m of article.missed)
        console.log(`  missed   ${m.entity.padEnd(26)} ${context(article.text, m.start, m.end)}`);
      for (const m of article.spurious)
        console.log(`  spurious ${m.entity.padEnd(26)} ${context(article.text, m.start, m.end)}`);
    }
  }
}
