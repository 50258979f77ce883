/** `npx tsx scripts/check-labels.ts FILE...`: label syntax and entity ids of labelled articles. */
import { readFileSync } from 'node:fs';
import { parseLabelledArticle } from '../utils/eval/labelled-article';
import { loadDataset } from './lib/load-dataset';

const ids = new Set(loadDataset().dataset.entities.map((entity) => entity.id));
let problems = 0;
for (const file of process.argv.slice(2)) {
  try {
    const { gold } = parseLabelledArticle(readFileSync(file, 'utf8'));
    const unknown = gold.filter((mention) => !ids.has(mention.entity));
    for (const mention of unknown) console.error(`${file}: unknown entity id "${mention.entity}" on "${mention.text}"`);
    problems += unknown.length;
    console.log(`${file}: ${gold.length} label(s)`);
  } catch (error) {
    problems++;
    console.error(`${file}: ${(error as Error).message}`);
  }
}
process.exitCode = problems > 0 ? 1 : 0;
