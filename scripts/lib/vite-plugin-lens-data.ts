/**
 * Bundles the dataset. `import data from 'virtual:lens-data'` yields the compiled dataset (for
 * the background and extension pages); `import lexicon from 'virtual:lens-lexicon'` yields only
 * what the content script needs to find and colour mentions. The build fails with the data
 * check's messages if any data file is broken, so a broken dataset can never ship.
 */
import type { Plugin } from 'vite';
import { compileDataset, pageLexiconOf } from '../../utils/dataset/compile-dataset';
import type { CompiledDataset } from '../../utils/dataset/records';
import { formatProblem } from '../../utils/dataset/validate-dataset';
import { DEFAULT_DATA_DIR, loadDataset } from './load-dataset';

const MODULES: Record<string, (data: CompiledDataset) => unknown> = {
  'virtual:lens-data': (data) => data,
  'virtual:lens-lexicon': pageLexiconOf,
};

export function lensDataPlugin(dataDir = process.env.LENS_DATA_DIR ?? DEFAULT_DATA_DIR): Plugin {
  return {
    name: 'lens-data',
    resolveId(id) {
      return id in MODULES ? `\0${id}` : undefined;
    },
    load(id) {
      const shape = id.startsWith('\0') ? MODULES[id.slice(1)] : undefined;
      if (!shape) return undefined;
      this.addWatchFile(dataDir);
      const { dataset, problems } = loadDataset(dataDir);
      if (problems.length > 0) {
        this.error(
          `The dataset has ${problems.length} problem(s); run npm run data:check.\n${problems.slice(0, 20).map(formatProblem).join('\n')}`,
        );
      }
      // JSON.parse of a string literal is faster to load than the same object as a JS literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(shape(compileDataset(dataset))))});`;
    },
  };
}
