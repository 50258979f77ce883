/** `npm run data:check [-- DIR]`: validates the dataset; exit 1 with one line per problem. */
import { formatProblem } from '../utils/dataset/validate-dataset';
import { loadDataset } from './lib/load-dataset';

const { dataset, problems } = loadDataset(process.argv[2]);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the dataset.`);
  process.exit(1);
}
console.log(
  `Dataset OK: ${dataset.entities.length} entities, ${dataset.deals.length} deals, ${Object.keys(dataset.sources).length} sources.`,
);
