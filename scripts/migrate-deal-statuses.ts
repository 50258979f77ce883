/**
 * One-off migration (issue 16): turns each deal's single `status` into a one-entry `statuses`
 * history. Nothing is invented: a signing status (signed, mou) is dated with the deal's own
 * date; a later status (in progress, completed, stalled, cancelled) with the newest date among
 * the deal's sources (or the deal's date if that is newer), as the newest report it rests on.
 * The entry cites the deal's sources. Prints one line per deal for review.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', 'data');
const SIGNING = new Set(['signed', 'mou']);

const sources: Record<string, { date: string | number }> = {};
for (const name of readdirSync(join(ROOT, 'sources')).filter((file) => file.endsWith('.yaml')))
  Object.assign(sources, parse(readFileSync(join(ROOT, 'sources', name), 'utf8')));

for (const name of readdirSync(join(ROOT, 'deals')).filter((file) => file.endsWith('.yaml'))) {
  const path = join(ROOT, 'deals', name);
  const text = readFileSync(path, 'utf8');
  const deal = parse(text) as { status?: string; date: string | number; sources: string[] };
  if (deal.status === undefined) continue;
  const dealDate = String(deal.date);
  const sourceDates = deal.sources.map((id) => String(sources[id]?.date ?? ''));
  const date = SIGNING.has(deal.status) ? dealDate : ([dealDate, ...sourceDates].sort().at(-1) as string);
  const entry = `  - { status: ${deal.status}, date: ${date}, sources: [${deal.sources.join(', ')}] }`;
  const next = text.replace(/^status: \S+$/m, `statuses:\n${entry}`);
  if (next === text) throw new Error(`${name}: no status line`);
  writeFileSync(path, next);
  console.log(`${deal.status}\t${dealDate}\t→ ${date}\t${name}`);
}
