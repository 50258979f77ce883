/**
 * Bundles the dataset: `import data from 'virtual:lens-data'` yields the compiled dataset (for
 * the background and extension pages; the content script never carries it). The build fails with the data
 * check's messages if any data file is broken, so a broken dataset can never ship.
 */
import type { Plugin } from 'vite';
import { compileDataset } from '../../utils/dataset/compile-dataset';
import { formatProblem } from '../../utils/dataset/validate-dataset';
import { DEFAULT_DATA_DIR, loadDataset } from './load-dataset';

const MODULE_ID = 'virtual:lens-data';

export function lensDataPlugin(dataDir = process.env.LENS_DATA_DIR ?? DEFAULT_DATA_DIR): Plugin {
  return {
    name: 'lens-data',
    resolveId(id) {
      return id === MODULE_ID ? `\0${id}` : undefined;
    },
    load(id) {
      if (id !== `\0${MODULE_ID}`) return undefined;
      this.addWatchFile(dataDir);
      const { dataset, problems } = loadDataset(dataDir);
      if (problems.length > 0) {
        this.error(
          `The dataset has ${problems.length} problem(s); run npm run data:check.\n${problems.slice(0, 20).map(formatProblem).join('\n')}`,
        );
      }
      // JSON.parse of a string literal is faster to load than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compileDataset(dataset)))});`;
    },
  };
}
