/** The compiled dataset and matcher, from `data/`, for maintainer commands (Node). */
import { compileDataset } from '../../utils/dataset/compile-dataset';
import { buildLensIndex, type LensIndex } from '../../utils/dataset/lens-index';
import { formatProblem } from '../../utils/dataset/validate-dataset';
import { loadDataset } from './load-dataset';

export function loadLensIndex(): LensIndex {
  const { dataset, problems } = loadDataset();
  if (problems.length > 0) {
    throw new Error(
      `The dataset has ${problems.length} problem(s); run npm run data:check.\n${problems.slice(0, 10).map(formatProblem).join('\n')}`,
    );
  }
  return buildLensIndex(compileDataset(dataset));
}
