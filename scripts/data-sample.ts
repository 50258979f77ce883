/**
 * `npm run data:sample [-- --seed N] [--count N] [--json]`: a reproducible sample of facts to
 * reread against their sources (docs/DATASET.md, "A review routine"), each with its sources.
 */
import { sampleFacts } from '../utils/dataset/sample-facts';
import { formatProblem } from '../utils/dataset/validate-dataset';
import { parseCommandLine } from './lib/command-line';
import { loadDataset } from './lib/load-dataset';

const USAGE = 'usage: npm run data:sample -- [--seed N] [--count N] [--json]';

const { values } = parseCommandLine(USAGE, {
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '40' },
    json: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('--seed takes a whole number, --count a whole number above 0');
  process.exit(2);
}

const { dataset, problems } = loadDataset();
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${problems.length} problem(s) in the dataset; run npm run data:check first.`);
  process.exit(1);
}
const sample = sampleFacts(dataset, count, seed).map((fact) => ({
  ...fact,
  sources: fact.sources.map((id) => ({ id, ...dataset.sources[id] })),
}));
if (values.json) {
  console.log(JSON.stringify({ seed, count: sample.length, facts: sample }));
} else {
  sample.forEach((fact, place) => {
    console.log(`${place + 1}. ${fact.entity} › facts.${fact.index} (as of ${fact.asOf}): ${fact.text}`);
    for (const source of fact.sources)
      console.log(
        `   ${source.id}: ${source.publisher}, "${source.title}", ${source.date}${source.url ? `, ${source.url}` : ''}`,
      );
  });
}
