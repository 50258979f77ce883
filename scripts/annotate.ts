/**
 * `npm run annotate -- FILE...`: what the engine finds in .txt or .html files, and the names it
 * does not know. `--json` prints exactly one JSON array (the contract in DESIGN.md §7).
 */
import { describeMentions } from '../utils/annotate/annotate-text';
import { unknownNames } from '../utils/annotate/unknown-names';
import { loadLensIndex } from './lib/load-lens-index';
import { matchArticle } from './lib/read-article';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((arg) => arg !== '--json');
if (files.length === 0) {
  console.error('usage: npm run annotate -- [--json] FILE...   (.txt or .html)');
  process.exit(2);
}

const index = loadLensIndex();
const results = files.map((file) => {
  const { text, mentions } = matchArticle(file, index.matcher);
  return { file, text, mentions, rows: describeMentions(text, mentions, index) };
});

if (json) {
  console.log(JSON.stringify(results.map(({ file, rows }) => ({ file, mentions: rows }))));
} else {
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  for (const { file, text, mentions, rows } of results) {
    const entities = new Set(rows.map((row) => row.id));
    console.log(`\n${file}: ${rows.length} mention(s) of ${entities.size} entit${entities.size === 1 ? 'y' : 'ies'}`);
    for (const row of rows) {
      const before = oneLine(text.slice(Math.max(0, row.start - 40), row.start)).padStart(40);
      const after = oneLine(text.slice(row.end, row.end + 40));
      console.log(
        `  ${before}[${oneLine(row.text)}]${after}\n      → ${row.name} (${row.type}, ${row.id}) @${row.start}`,
      );
    }
    const unknown = unknownNames(text, mentions);
    if (unknown.length > 0) {
      console.log('  Names the dataset does not know:');
      console.log(`    ${unknown.map(({ text: name, count }) => (count > 1 ? `${name} ×${count}` : name)).join(', ')}`);
    }
  }
}
