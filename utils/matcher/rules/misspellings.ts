/**
 * A long name misspelled by one slip ("Rosoboronexprot", "Atomstroyexpot", «Рособоронэкспрот»)
 * is still that name. Compiled, not searched for: a single-word Latin or Cyrillic alias of nine
 * letters or more also matches its forms with one letter dropped or two neighbours swapped. What
 * keeps precision on ordinary words: the first letter never changes, a slip that makes another
 * alias is not one, and the text must write the name capitalised (`misspelt` entries).
 */

const MISSPELLING_MIN_LETTERS = 9;
const ONE_WORD = new RegExp(`^[\\p{Script=Latin}\\p{Script=Cyrillic}]{${MISSPELLING_MIN_LETTERS},}$`, 'u');

/** The one-slip forms of an alias (empty when it is too short or not one word). */
export function misspelledForms(alias: string): string[] {
  if (!ONE_WORD.test(alias)) return [];
  const forms = new Set<string>();
  for (let at = 1; at < alias.length; at++) forms.add(alias.slice(0, at) + alias.slice(at + 1));
  for (let at = 1; at < alias.length - 1; at++) {
    if (alias[at] !== alias[at + 1]) {
      forms.add(alias.slice(0, at) + (alias[at + 1] as string) + (alias[at] as string) + alias.slice(at + 2));
    }
  }
  forms.delete(alias);
  return [...forms];
}

/** A misspelt name counts only where it is written capitalised, as names are. */
export function writtenAsName(slice: string): boolean {
  const first = slice.charAt(0);
  return first !== first.toLowerCase();
}
