/** Reads every data file under `data/` (Node only) and validates it as a whole. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, YAMLParseError } from 'yaml';
import { type DataFile, type ValidationResult, validateDataset } from '../../utils/dataset/validate-dataset';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, 'data');

function yamlFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function loadDataset(dataDir = DEFAULT_DATA_DIR, today = todayUtc()): ValidationResult {
  const files: DataFile[] = [];
  const display = (path: string) => relative(process.cwd(), path) || path;
  const read = (path: string, kind: DataFile['kind']) => {
    try {
      files.push({ path: display(path), kind, data: parse(readFileSync(path, 'utf8'), { uniqueKeys: true }) });
    } catch (error) {
      const message = error instanceof YAMLParseError ? `YAML: ${error.message.split('\n')[0]}` : String(error);
      files.push({ path: display(path), kind, data: undefined, readError: message });
    }
  };
  for (const path of yamlFiles(join(dataDir, 'sources'))) read(path, 'sources');
  for (const path of yamlFiles(join(dataDir, 'entities'))) read(path, 'entity');
  for (const path of yamlFiles(join(dataDir, 'deals'))) read(path, 'deal');
  return validateDataset(files, today);
}
