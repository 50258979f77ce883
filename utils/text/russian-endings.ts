/**
 * Russian case endings, for matching inflected names (Газпрома, Путиным, «Силы Сибири»).
 *
 * Text and aliases are reduced the same way: each Cyrillic word of 4+ letters loses its
 * longest case ending, keeping a stem of 3+ letters. A stem is matched whole, with word
 * boundaries, so "Путинизм" or "Газпромбанк" never count as "Путин" or "Газпром".
 * Nominatives that themselves end like a case ending (Газпр|ом) are handled on the alias
 * side: `aliasWordStems` returns every stem an alias word's forms reduce to.
 */
import type { NormalizedText } from './normalize';

/** Longest first, so the longest ending that fits is the one removed. */
const ENDINGS = [
  'иями',
  'ием',
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ией',
  'иям',
  'иях',
  'ой',
  'ей',
  'ий',
  'ый',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ую',
  'юю',
  'ым',
  'им',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ых',
  'их',
  'ью',
  'ия',
  'ии',
  'ию',
  'а',
  'я',
  'о',
  'е',
  'у',
  'ю',
  'ы',
  'и',
  'ь',
  'й',
] as const;

const MIN_WORD = 4;
const MIN_STEM = 3;

/** Lower-case Cyrillic letters as normalisation leaves them (ё is already е). */
function isCyrillicLetter(code: number): boolean {
  return (code >= 0x430 && code <= 0x44f) || (code >= 0x450 && code <= 0x45f) || (code >= 0x400 && code <= 0x42f);
}

/** How many trailing characters of `word` are a case ending (0 if none may be removed). */
function endingLength(word: string): number {
  if (word.length < MIN_WORD) return 0;
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) return ending.length;
  }
  return 0;
}

export function stemWord(word: string): string {
  return word.slice(0, word.length - endingLength(word));
}

/**
 * The stems a nominative alias word can appear as in text:
 * - a word ending in a consonant is also its own stem, because its oblique forms (Газпрома,
 *   Газпромом) reduce to it even when the nominative loses a false ending (Газпр|ом);
 * - a word in -й keeps the vowel before it in its other forms (Алексей → Алексея, Алексеем);
 * - a plural's genitive (ТелеСистемы → ТелеСистем, Годы → Годов) reduces to its own stem.
 */
export function aliasWordStems(word: string): string[] {
  const stem = stemWord(word);
  const stems = new Set([stem]);
  const last = word[word.length - 1] as string;
  if (last === 'ы' || last === 'и') {
    for (const form of [stem, `${stem}ов`, `${stem}ев`]) stems.add(stemWord(form));
  }
  if (isCyrillicLetter(word.charCodeAt(word.length - 1)) && !'аяоеуюыиьйэ'.includes(last)) {
    stems.add(stemWord(`${word}а`));
  }
  if (last === 'й' && word.length > MIN_STEM + 1) stems.add(stemWord(`${word.slice(0, -1)}я`));
  return [...stems];
}

/**
 * Removes case endings from every Cyrillic word of normalised text. A removed ending is
 * folded into the span of the stem's last character, so a match of the stem maps to the
 * whole inflected word in the original.
 */
export function stripRussianEndings(input: NormalizedText): NormalizedText {
  const { text, starts, ends } = input;
  if (!/[\u0400-\u045f]/.test(text)) return input;
  const outStarts = new Int32Array(text.length);
  const outEnds = new Int32Array(text.length);
  const parts: string[] = [];
  let length = 0;
  let i = 0;
  while (i < text.length) {
    if (!isCyrillicLetter(text.charCodeAt(i))) {
      const j = nextCyrillic(text, i);
      parts.push(text.slice(i, j));
      outStarts.set(starts.subarray(i, j), length);
      outEnds.set(ends.subarray(i, j), length);
      length += j - i;
      i = j;
      continue;
    }
    let j = i;
    while (j < text.length && isCyrillicLetter(text.charCodeAt(j))) j++;
    const word = text.slice(i, j);
    const keep = word.length - endingLength(word);
    parts.push(word.slice(0, keep));
    outStarts.set(starts.subarray(i, i + keep), length);
    outEnds.set(ends.subarray(i, i + keep), length);
    length += keep;
    // The last kept character now covers the removed ending too.
    outEnds[length - 1] = ends[j - 1] as number;
    i = j;
  }
  return { text: parts.join(''), starts: outStarts.subarray(0, length), ends: outEnds.subarray(0, length) };
}

function nextCyrillic(text: string, from: number): number {
  let j = from;
  while (j < text.length && !isCyrillicLetter(text.charCodeAt(j))) j++;
  return j;
}
