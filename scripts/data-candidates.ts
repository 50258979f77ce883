/**
 * `npm run data:candidates -- [--json] [--min-articles N] DIR...`: runs the engine over every
 * .txt and .html article in the folders and ranks the names the dataset does not know by how
 * many articles use them. Labelled .txt files (`[[surface|id]]`, the real-article cache) are
 * read as their plain text; a label whose id the dataset lacks names a candidate too (with the
 * labeller's id). `--json` prints one array of candidates.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rankCandidates, type UnknownLabel } from '../utils/annotate/name-candidates';
import { findUnknownNames } from '../utils/annotate/unknown-names';
import { LabelError, parseLabelledArticle } from '../utils/eval/labelled-article';
import { parseCommandLine } from './lib/command-line';
import { loadLensIndex } from './lib/load-lens-index';
import { matchArticle } from './lib/read-article';

const USAGE = 'usage: npm run data:candidates -- [--json] [--min-articles N] [--limit N] DIR...';

const { values, positionals } = parseCommandLine(USAGE, {
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    'min-articles': { type: 'string', default: '1' },
    limit: { type: 'string' },
  },
});
const minArticles = Number(values['min-articles']);
if (positionals.length === 0 || !Number.isInteger(minArticles) || minArticles < 1) {
  console.error(USAGE);
  process.exit(2);
}

const ARTICLE = /\.(?:txt|x?html?)$/i;
const paths = positionals.flatMap((path) =>
  statSync(path).isDirectory()
    ? readdirSync(path)
        .filter((name) => ARTICLE.test(name))
        .sort()
        .map((name) => join(path, name))
    : [path],
);

const { matcher, entityById } = loadLensIndex();

/** A labelled text without its labels, and the labels naming entities the dataset lacks; a text with stray brackets as it is. */
function readLabelled(source: string): { text: string; labels: UnknownLabel[] } {
  try {
    const { text, gold } = parseLabelledArticle(source);
    return { text, labels: gold.filter((label) => !entityById.has(label.entity)) };
  } catch (error) {
    if (error instanceof LabelError) return { text: source, labels: [] };
    throw error;
  }
}

const articles = paths.map((file) => {
  if (/\.txt$/i.test(file)) {
    const { text, labels } = readLabelled(readFileSync(file, 'utf8'));
    return { file, text, labels, occurrences: findUnknownNames(text, matcher.matchText(text)) };
  }
  const { text, mentions } = matchArticle(file, matcher);
  return { file, text, occurrences: findUnknownNames(text, mentions) };
});
const ranked = rankCandidates(articles, minArticles);
const shown = values.limit === undefined ? ranked : ranked.slice(0, Number(values.limit));

if (values.json) {
  console.log(JSON.stringify(shown));
} else {
  console.log(`${articles.length} article(s); ${ranked.length} unknown name(s) in at least ${minArticles}.\n`);
  for (const candidate of shown) {
    const forms = candidate.forms.length > 1 ? `  (also ${candidate.forms.slice(1, 4).join(', ')})` : '';
    const label = candidate.labelledAs ? `  labelled ${candidate.labelledAs}` : '';
    console.log(
      `${String(candidate.articles).padStart(3)} art. ${String(candidate.count).padStart(3)}×  ${candidate.name}  [${candidate.type}]${label}${forms}\n        ${candidate.context}`,
    );
  }
}
