/** `npm run data:stats [-- --json]`: what the dataset holds. */
import { datasetStats } from '../utils/dataset/dataset-stats';
import { formatProblem } from '../utils/dataset/validate-dataset';
import { loadDataset } from './lib/load-dataset';

const json = process.argv.includes('--json');
const { dataset, problems } = loadDataset();
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${problems.length} problem(s) in the dataset; the figures below count only the valid entries.`);
}
const stats = datasetStats(dataset);
if (json) {
  console.log(JSON.stringify(stats));
} else {
  const percent = (n: number) => `${n} (${stats.entities ? Math.round((100 * n) / stats.entities) : 0}%)`;
  const rows: [string, string | number][] = [
    ['Entities', stats.entities],
    ...Object.entries(stats.byType).map(([type, n]): [string, number] => [`  ${type}`, n]),
    ['Deals', stats.deals],
    ...Object.entries(stats.dealsByStatus).map(([status, n]): [string, number] => [`  ${status}`, n]),
    ['  with a value', stats.dealsWithValue],
    ['Facts', stats.facts],
    ['  with a source', stats.factsWithSource],
    ['  with an original (not a copy)', stats.factsWithOriginalSource],
    ['Sources', stats.sources],
    ['  with a URL', stats.sourcesWithUrl],
    ...Object.entries(stats.sourcesByKind).map(([kind, n]): [string, number] => [`  ${kind}`, n]),
    ['People with roles', stats.peopleWithRoles],
    ['Entities with sanctions', stats.entitiesWithSanctions],
    ['Entities named in English', percent(stats.languages.en)],
    ['Entities named in Russian', percent(stats.languages.ru)],
    ['Entities named in Chinese', percent(stats.languages.zh)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}
process.exitCode = problems.length > 0 ? 1 : 0;
