/**
 * Ranks the names a corpus of articles uses that the dataset does not know (`npm run
 * data:candidates`): by how many articles name them, then how often, with one line of context
 * and a guessed type, so a maintainer can decide what to add first.
 */
import { type GuessedType, guessType, type NameInContext } from './guess-type';
import { type NameOccurrence, nameKey } from './unknown-names';

export interface ArticleNames {
  readonly file: string;
  readonly text: string;
  readonly occurrences: readonly NameOccurrence[];
}

export interface NameCandidate {
  /** The form written most often. */
  readonly name: string;
  readonly type: GuessedType;
  /** How many articles use it, and how often in all. */
  readonly articles: number;
  readonly count: number;
  /** Every form seen (Russian case forms, with and without quotes), most frequent first. */
  readonly forms: readonly string[];
  /** One line around one use, the name in [brackets], and the file it is from. */
  readonly context: string;
  readonly file: string;
}

const CONTEXT_CHARS = 60;

function contextLine(text: string, occurrence: NameOccurrence): string {
  const before = text.slice(Math.max(0, occurrence.start - CONTEXT_CHARS), occurrence.start);
  const after = text.slice(occurrence.end, occurrence.end + CONTEXT_CHARS);
  return `…${before}[${text.slice(occurrence.start, occurrence.end)}]${after}…`.replace(/\s+/g, ' ');
}

interface Tally {
  readonly files: Set<string>;
  readonly forms: Map<string, number>;
  readonly uses: { article: ArticleNames; occurrence: NameOccurrence }[];
}

export function rankCandidates(articles: readonly ArticleNames[], minArticles = 1): NameCandidate[] {
  const tallies = new Map<string, Tally>();
  for (const article of articles) {
    for (const occurrence of article.occurrences) {
      const key = nameKey(occurrence.text);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { files: new Set(), forms: new Map(), uses: [] };
        tallies.set(key, tally);
      }
      tally.files.add(article.file);
      tally.forms.set(occurrence.text, (tally.forms.get(occurrence.text) ?? 0) + 1);
      tally.uses.push({ article, occurrence });
    }
  }
  const candidates: NameCandidate[] = [];
  for (const tally of tallies.values()) {
    if (tally.files.size < minArticles) continue;
    // A lone capitalised word seen only at sentence starts is an ordinary word ("Sales rose").
    const midSentence = tally.uses.filter(({ occurrence }) => !occurrence.sentenceStart);
    if (midSentence.length === 0 && tally.uses.every(({ occurrence }) => !/\s/.test(occurrence.text))) continue;
    const forms = [...tally.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([form]) => form);
    const inContext: NameInContext[] = tally.uses.map(({ article, occurrence }) => ({
      name: occurrence.text,
      before: article.text.slice(Math.max(0, occurrence.start - 30), occurrence.start),
      after: article.text.slice(occurrence.end, occurrence.end + 10),
      ...(occurrence.title ? { title: occurrence.title } : {}),
    }));
    const shown = (midSentence[0] ?? tally.uses[0]) as Tally['uses'][number];
    candidates.push({
      name: forms[0] as string,
      type: guessType(inContext),
      articles: tally.files.size,
      count: tally.uses.length,
      forms,
      context: contextLine(shown.article.text, shown.occurrence),
      file: shown.article.file,
    });
  }
  return candidates.sort((a, b) => b.articles - a.articles || b.count - a.count || a.name.localeCompare(b.name));
}
