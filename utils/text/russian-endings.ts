/**
 * Russian case endings, for matching inflected names (Газпрома, Путиным, «Силы Сибири»).
 *
 * Text and aliases are reduced the same way: each Cyrillic word of 4+ letters loses its
 * longest case ending, keeping a stem of 3+ letters. A stem is matched whole, with word
 * boundaries, so "Путинизм" or "Газпромбанк" never count as "Путин" or "Газпром".
 * Nominatives that themselves end like a case ending (Газпр|ом) are handled on the alias
 * side: `aliasWordStems` returns every stem an alias word's forms reduce to.
 */

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

/** Cyrillic letters as normalisation leaves them (ё is already е; upper case when case is kept). */
export function isCyrillicLetter(code: number): boolean {
  return code >= 0x400 && code <= 0x45f;
}

/** `ENDINGS` by their last letter (index: its code − U+0430), longest first, as code units. */
const ENDINGS_BY_LAST: Uint16Array[][] = [];
for (const ending of ENDINGS) {
  const last = ending.charCodeAt(ending.length - 1) - 0x430;
  const units = Uint16Array.from(ending, (letter) => letter.charCodeAt(0));
  const list = ENDINGS_BY_LAST[last];
  if (list) list.push(units);
  else ENDINGS_BY_LAST[last] = [units];
}

/**
 * How many trailing units of the word `units[start .. end]` are a case ending (0 if none may
 * be removed): the longest ending that leaves a stem of `MIN_STEM` letters. Units, not a
 * string, so text is stemmed as it is normalised (`normalizeForMatch`), with no slicing.
 */
export function endingLength(units: Uint16Array, start: number, end: number): number {
  const length = end - start;
  if (length < MIN_WORD) return 0;
  const endings = ENDINGS_BY_LAST[(units[end - 1] as number) - 0x430];
  if (!endings) return 0;
  for (const ending of endings) {
    if (length - ending.length < MIN_STEM) continue;
    let matched = 1;
    while (matched < ending.length && units[end - 1 - matched] === ending[ending.length - 1 - matched]) matched++;
    if (matched === ending.length) return ending.length;
  }
  return 0;
}

export function stemWord(word: string): string {
  const units = new Uint16Array(word.length);
  for (let i = 0; i < word.length; i++) units[i] = word.charCodeAt(i);
  return word.slice(0, word.length - endingLength(units, 0, word.length));
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
