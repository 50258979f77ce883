/**
 * Bundles the dataset: `import data from 'virtual:lens-data'` yields the compiled dataset.
 * The build fails with the data check's messages if any data file is broken, so a broken
 * dataset can never ship.
 */
import type { Plugin } from 'vite';
import { compileDataset } from '../../utils/dataset/compile-dataset';
import { formatProblem } from '../../utils/dataset/validate-dataset';
import { DEFAULT_DATA_DIR, loadDataset } from './load-dataset';

const VIRTUAL_ID = 'virtual:lens-data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

export function lensDataPlugin(dataDir = process.env.LENS_DATA_DIR ?? DEFAULT_DATA_DIR): Plugin {
  return {
    name: 'lens-data',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(dataDir);
      const { dataset, problems } = loadDataset(dataDir);
      if (problems.length > 0) {
        this.error(
          `The dataset has ${problems.length} problem(s); run npm run data:check.\n${problems.slice(0, 20).map(formatProblem).join('\n')}`,
        );
      }
      return `export default ${JSON.stringify(compileDataset(dataset))};`;
    },
  };
}
