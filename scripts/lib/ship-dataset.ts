/**
 * The build's dataset step: validates `data/`, compiles it and writes the files the extension
 * reads (`utils/dataset/shipped-data.ts`) into the build. A broken dataset fails the build with
 * the data check's messages, so it can never ship.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileDataset } from '../../utils/dataset/compile-dataset';
import { shippedFiles } from '../../utils/dataset/shipped-data';
import { SHIPPED_FILES } from '../../utils/dataset/shipped-files';
import { formatProblem } from '../../utils/dataset/validate-dataset';
import { DEFAULT_DATA_DIR, loadDataset } from './load-dataset';

/** A file for WXT to copy into the build (`build:publicAssets`). */
interface CopiedFile {
  readonly absoluteSrc: string;
  readonly relativeDest: string;
}

/** The shipped files' paths, for WXT's typed `runtime.getURL` (`prepare:publicPaths`). */
export const SHIPPED_PATHS: readonly string[] = Object.values(SHIPPED_FILES).map((path) => path.slice(1));

/** Compiles `dataDir` into `outDir` and returns the files to copy into the build. */
export function shipDataset(outDir: string, dataDir = process.env.LENS_DATA_DIR ?? DEFAULT_DATA_DIR): CopiedFile[] {
  const { dataset, problems } = loadDataset(dataDir);
  if (problems.length > 0) {
    throw new Error(
      `The dataset has ${problems.length} problem(s); run npm run data:check.\n${problems.slice(0, 20).map(formatProblem).join('\n')}`,
    );
  }
  const contents = shippedFiles(compileDataset(dataset));
  return (Object.keys(SHIPPED_FILES) as (keyof typeof SHIPPED_FILES)[]).map((name) => {
    const relativeDest = SHIPPED_FILES[name].slice(1);
    const absoluteSrc = join(outDir, relativeDest);
    mkdirSync(dirname(absoluteSrc), { recursive: true });
    writeFileSync(absoluteSrc, contents[name]);
    return { absoluteSrc, relativeDest };
  });
}
