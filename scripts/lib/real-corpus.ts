/**
 * The real-article corpus (tests/fixtures/real/): the committed manifest and labels, and the
 * labelled texts in the git-ignored cache (.cache/real-articles/<id>.txt), which are third-party
 * writing and never committed. Node only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parse, stringify } from 'yaml';
import { type LabelRow, labelRows } from '../../utils/eval/label-rows';
import { parseLabelledArticle } from '../../utils/eval/labelled-article';

const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
const REAL_DIR = join(PROJECT_ROOT, 'tests', 'fixtures', 'real');
export const REAL_CACHE = join(PROJECT_ROOT, '.cache', 'real-articles');

const ManifestEntry = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^(en|ru|zh)-[a-z0-9-]+$/)),
  url: v.pipe(v.string(), v.url()),
  outlet: v.pipe(v.string(), v.nonEmpty()),
  date: v.pipe(v.string(), v.regex(/^(19|20)\d\d(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)),
  language: v.picklist(['en', 'ru', 'zh']),
  script: v.picklist(['latin', 'cyrillic', 'simplified', 'traditional']),
  topic: v.picklist([
    'energy',
    'banks-payments',
    'military',
    'nuclear',
    'arctic-shipping',
    'cars-tech',
    'space',
    'agriculture',
    'sanctions',
    'summits',
    'trade',
    'diplomacy',
  ]),
  title: v.optional(v.pipe(v.string(), v.nonEmpty())),
});
export type ManifestEntry = v.InferOutput<typeof ManifestEntry>;

export function readManifest(dir = REAL_DIR): ManifestEntry[] {
  const entries = v.parse(v.array(ManifestEntry), parse(readFileSync(join(dir, 'manifest.yaml'), 'utf8')));
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`manifest: id ${entry.id} twice`);
    if (!entry.id.startsWith(`${entry.language}-`)) throw new Error(`manifest: ${entry.id} is not ${entry.language}`);
    ids.add(entry.id);
  }
  return entries;
}

/** The host an article was published on ("tass.com"), for the publisher's own-name rule. */
export function hostOf(entry: ManifestEntry): string {
  return new URL(entry.url).host.replace(/^www\d*\./, '');
}

export interface RealArticle {
  readonly entry: ManifestEntry;
  /** The labelled text as cached (inline labels). */
  readonly source: string;
}

/** The cached texts of the manifest's articles; undefined when the cache is absent. */
export function readCachedArticles(entries: readonly ManifestEntry[], cache = REAL_CACHE): RealArticle[] | undefined {
  if (!existsSync(cache)) return undefined;
  const missing = entries.filter((entry) => !existsSync(join(cache, `${entry.id}.txt`)));
  if (missing.length > 0) throw new Error(`the cache lacks ${missing.map((entry) => entry.id).join(', ')}`);
  return entries.map((entry) => ({ entry, source: readFileSync(join(cache, `${entry.id}.txt`), 'utf8') }));
}

const labelsFile = (id: string, dir: string) => join(dir, 'labels', `${id}.yaml`);

export function writeLabels(article: RealArticle, dir = REAL_DIR): void {
  mkdirSync(join(dir, 'labels'), { recursive: true });
  const rows = labelRows(parseLabelledArticle(article.source).gold);
  writeFileSync(labelsFile(article.entry.id, dir), stringify(rows, { lineWidth: 0 }));
}

/** Where the committed labels and the cached text disagree (empty when they agree). */
export function labelDisagreements(article: RealArticle, dir = REAL_DIR): string[] {
  const file = labelsFile(article.entry.id, dir);
  if (!existsSync(file)) return [`${article.entry.id}: no committed labels (run with --write-labels)`];
  const committed = (parse(readFileSync(file, 'utf8')) ?? []) as LabelRow[];
  const cached = labelRows(parseLabelledArticle(article.source).gold);
  const key = (row: LabelRow) => `${row.entity}\u0000${row.surface}`;
  const counts = new Map(committed.map((row) => [key(row), row.count]));
  const problems: string[] = [];
  for (const row of cached) {
    const count = counts.get(key(row));
    if (count !== row.count)
      problems.push(
        `${article.entry.id}: "${row.surface}" ${row.entity} ×${row.count} in the cache, ×${count ?? 0} committed`,
      );
    counts.delete(key(row));
  }
  for (const [rowKey, count] of counts) {
    const [entity, surface] = rowKey.split('\u0000');
    problems.push(`${article.entry.id}: "${surface}" ${entity} ×${count} committed, not in the cache`);
  }
  return problems;
}
