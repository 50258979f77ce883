/**
 * A number right after a name. A successor's number ("Power of Siberia No. 2", «Сила Сибири — 3»,
 * 西伯利亚力量三号) must never yield the first-generation entity; a year ("Joint Sea-2019",
 * «Мирная миссия — 2009», 海上联合-2021) names that year's edition of a series.
 *
 * How a yearly series is modelled: the series is one entity (`joint-sea-exercise`,
 * `peace-mission-exercises`); a year's edition that has its own entity has the id
 * `<series id without -exercise(s)>-<year>` (`vostok-2018`). "<series alias>-<year>" yields that
 * entity when it exists, else the series, with the year in the mention.
 */

export type TrailingNumber =
  | { readonly kind: 'year'; readonly year: string; readonly end: number }
  | { readonly kind: 'successor'; readonly end: number };

const CJK_ORDINALS: Readonly<Record<string, true>> = { 二: true, 三: true, 四: true, 五: true };
/**
 * A unit's number (田湾7号机组, 徐大堡3、4号机组, «АЭС-7 и 8»): the plant, not a successor. A phase
 * (二期) is not a successor either, and is not matched as one.
 */
const UNIT_AFTER =
  /^\s*(?:(?:号|號)?\s*(?:机组|機組|units?\b|блок|энергоблок)|(?:[、,，&]|and\b|и\b|和|及|与|與)\s*\d)/iu;

export function trailingNumber(text: string, end: number): TrailingNumber | undefined {
  const after = text.slice(end, end + 16);
  const year = /^\s*(?:[-‐-―−]\s*)?[(（]?((?:19|20)\d\d)(?![\d.,])\s*[)）]?(?:\s*(?:年|г\.|года?))?/u.exec(after);
  if (year)
    return { kind: 'year', year: year[1] as string, end: end + (year[0] as string).replace(/\s+$/u, '').length };
  const number = /^\s*(?:[-‐-―−]\s*|No\.?\s*|№\s*)?(?:([2-9])(?![\d.,:%])|(II|III|IV)\b|([二三四五])(?:号|號))/u.exec(
    after,
  );
  if (!number) return undefined;
  if (number[3] && !CJK_ORDINALS[number[3]]) return undefined;
  const rest = after.slice(number[0].length);
  if (UNIT_AFTER.test(rest)) return undefined;
  return { kind: 'successor', end: end + number[0].length };
}

/** The id of a series' edition for `year` ("peace-mission-exercises", 2009 → "peace-mission-2009"). */
export function editionId(seriesId: string, year: string): string {
  return `${seriesId.replace(/-(?:exercises?|series|drills?)$/u, '')}-${year}`;
}
