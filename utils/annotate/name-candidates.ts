/**
 * Ranks the names a corpus of articles uses that the dataset does not know (`npm run
 * data:candidates`): by how many articles name them, then how often, with one line of context
 * and a guessed type, so a maintainer can decide what to add first.
 */
import { type GuessedType, guessType, type NameInContext } from './guess-type';
import { type NameOccurrence, nameKey } from './unknown-names';

/** A span a labeller marked with an entity id the dataset does not have (the real-article cache). */
export interface UnknownLabel {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
}

export interface ArticleNames {
  readonly file: string;
  readonly text: string;
  readonly occurrences: readonly NameOccurrence[];
  readonly labels?: readonly UnknownLabel[];
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
  /** The id a labeller gave it, when the corpus is labelled and the dataset lacks that id. */
  readonly labelledAs?: string;
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
  labelledAs?: string;
}

/**
 * Every name use in an article, keyed: a labelled span counts under its label's id (so "Modi"
 * and "Narendra Modi" are one candidate), even where the finder missed it ("the defence
 * ministry"); any other name under its `nameKey`.
 */
function keyedUses(article: ArticleNames): { key: string; label?: string; occurrence: NameOccurrence }[] {
  const labels = article.labels ?? [];
  const inLabel = (occurrence: NameOccurrence) =>
    labels.some((label) => label.start < occurrence.end && label.end > occurrence.start);
  const uses: { key: string; label?: string; occurrence: NameOccurrence }[] = article.occurrences
    .filter((occurrence) => !inLabel(occurrence))
    .map((occurrence) => ({ key: nameKey(occurrence.text), occurrence }));
  // The labeller's span is the name: what the finder saw inside it ("Hong Kong" in "Chinaoil Hong Kong Corporation") is part of it.
  for (const label of labels) {
    const text = article.text.slice(label.start, label.end);
    const occurrence = { text, start: label.start, end: label.end, sentenceStart: false };
    uses.push({ key: `#${label.entity}`, label: label.entity, occurrence });
  }
  return uses.sort((a, b) => a.occurrence.start - b.occurrence.start);
}

export function rankCandidates(articles: readonly ArticleNames[], minArticles = 1): NameCandidate[] {
  const tallies = new Map<string, Tally>();
  const keyed = articles.map((article) => ({ article, uses: keyedUses(article) }));
  // A name written in an unlabelled article joins the id a labeller gave the same name elsewhere.
  const labelOfName = new Map<string, string>();
  for (const { uses } of keyed)
    for (const use of uses) if (use.label) labelOfName.set(nameKey(use.occurrence.text), use.key);
  for (const { article, uses } of keyed) {
    for (const use of uses) {
      const { label, occurrence } = use;
      const key = label ? use.key : (labelOfName.get(use.key) ?? use.key);
      let tally = tallies.get(key);
      if (!tally) {
        tally = { files: new Set(), forms: new Map(), uses: [] };
        tallies.set(key, tally);
      }
      tally.files.add(article.file);
      const form = occurrence.text.replace(/\s+/g, ' ');
      tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
      tally.uses.push({ article, occurrence });
      if (label) tally.labelledAs = label;
    }
  }
  const candidates: NameCandidate[] = [];
  for (const tally of tallies.values()) {
    if (tally.files.size < minArticles) continue;
    // A lone capitalised word seen only at sentence starts is an ordinary word ("Sales rose").
    const midSentence = tally.uses.filter(({ occurrence }) => !occurrence.sentenceStart);
    if (midSentence.length === 0 && tally.uses.every(({ occurrence }) => !/\s/.test(occurrence.text))) continue;
    // Most used first; between equals the fuller form ("China Guangfa Bank" over "China Guangfa").
    const forms = [...tally.forms]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
      .map(([form]) => form);
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
      ...(tally.labelledAs ? { labelledAs: tally.labelledAs } : {}),
    });
  }
  return candidates.sort((a, b) => b.articles - a.articles || b.count - a.count || a.name.localeCompare(b.name));
}
