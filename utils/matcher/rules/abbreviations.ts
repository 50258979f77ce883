/**
 * Abbreviations a page defines for itself: a name followed by its short form in brackets —
 * "Russian Direct Investment Fund (RDIF)", «Российский фонд прямых инвестиций (РФПИ)»,
 * 中国投资有限责任公司（中投）, 中国银行在俄子行(简称“俄中行”). The short form then names that entity on
 * this page only, never globally.
 */

/** Han characters that may stand between a name and an explicit 简称 ("…在俄子行(简称…)"). */
const MAX_HAN_BETWEEN = 6;
const BRACKETED =
  /^\s*[(（]\s*(?:(?:以下)?(?:简称|簡稱|下称|下稱|далее\s*[-–—]?\s*|hereinafter\s+)\s*[:：]?\s*)?["“”«»「」『』']?([\p{L}\p{N}][\p{L}\p{N}.&\-·]{0,11})["“”«»「」『』']?\s*[)）]/u;
const EXPLICIT = /^[\p{Script=Han}]{0,6}\s*[(（]\s*(?:以下)?(?:简称|簡稱)/u;

/** How far after a name its bracketed short form may start (a generic noun may come between). */
export const ABBREVIATION_REACH = 72;

export function bracketWithin(text: string, from: number, span: number): boolean {
  const to = Math.min(text.length, from + span);
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x28 || code === 0xff08) return true;
  }
  return false;
}

/** Does `short` abbreviate `name`: its letters in order, initials for Latin and Cyrillic? */
function abbreviates(short: string, name: string): boolean {
  const sameScript = (pattern: RegExp) => pattern.test(short) && pattern.test(name);
  let letters: string;
  let source: string;
  if (sameScript(/\p{Script=Han}/u)) {
    letters = short;
    source = name;
  } else if (sameScript(/\p{Script=Latin}/u) || sameScript(/\p{Script=Cyrillic}/u)) {
    letters = short.replace(/[^\p{L}]/gu, '').toUpperCase();
    source = name
      .split(/[\s\-–—]+/u)
      .map((word) => word.charAt(0).toUpperCase())
      .join('');
    if (letters.charAt(0) !== source.charAt(0)) return false;
  } else {
    // A Latin short form of a Chinese name ("…有限公司(ASE)"): nothing to compare. Any other
    // pair of scripts is a gloss ("NewNew Shipping (КНР)").
    return /\p{Script=Han}/u.test(name) && /^[\p{Lu}\p{N}]+$/u.test(short);
  }
  let at = 0;
  for (const letter of letters) {
    at = source.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** The short form defined right after the mention `text.slice(start, end)`, if any. */
export function abbreviationAfter(text: string, start: number, end: number): string | undefined {
  // Most mentions have no bracket soon after: answer those without a regular expression.
  if (!bracketWithin(text, end, MAX_HAN_BETWEEN + 2)) return undefined;
  let after = text.slice(end, end + 40);
  const explicit = EXPLICIT.exec(after);
  if (explicit) {
    const han = /^[\p{Script=Han}]*/u.exec(after)?.[0].length ?? 0;
    if (han > MAX_HAN_BETWEEN) return undefined;
    after = after.slice(han);
  }
  const match = BRACKETED.exec(after);
  if (!match) return undefined;
  const short = match[1] as string;
  // An abbreviation is short, and Latin or Cyrillic ones are written in capitals (RDIF, РФПИ).
  if (/[\p{Script=Latin}\p{Script=Cyrillic}]/u.test(short) && !/^[\p{Lu}\p{N}][\p{Lu}\p{N}.&-]+$/u.test(short)) {
    return undefined;
  }
  if (/^\d+$/u.test(short) || short.length < 2) return undefined;
  // Without an explicit 简称, the brackets must abbreviate the name, not gloss it ("Москва (Россия)").
  return explicit || abbreviates(short, text.slice(start, end)) ? short : undefined;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Every occurrence of `short` in `text` that stands as a word of its own. */
export function occurrences(text: string, short: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const standsAlone = !/\p{Script=Han}/u.test(short);
  for (let at = text.indexOf(short); at >= 0; at = text.indexOf(short, at + short.length)) {
    const end = at + short.length;
    if (standsAlone && (WORD.test(text.charAt(at - 1)) || WORD.test(text.charAt(end)))) continue;
    found.push({ start: at, end });
  }
  return found;
}
