/**
 * What a short card puts first: the facts and deals that matter most for the article being read.
 * With the article's date, those nearest it first (a reader of a 2025 article wants 2025, not a
 * plan for 2013); without one, the newest first. Pure, so it is tested in Node.
 */
import type { Fact } from './schema';

/** Dates as comparable day numbers; a year or month means its middle, so "2019" sits mid-2019. */
function dayNumber(date: string): number {
  const [year = 0, month, day] = date.split('-').map(Number);
  const monthIndex = month === undefined ? 6 : month - 1;
  const dayOfMonth = day ?? (month === undefined ? 1 : 15);
  return Math.floor(Date.UTC(year, monthIndex, dayOfMonth) / 86_400_000);
}

/**
 * A comparator for dated items: nearest the article's date first when there is one, then the
 * newest first (so among equally near items the later wins, and without a date the newest lead).
 */
export function byRelevance<T>(dateOf: (item: T) => string, pageDate?: string): (a: T, b: T) => number {
  const target = pageDate ? dayNumber(pageDate) : undefined;
  return (a, b) => {
    const dayA = dayNumber(dateOf(a));
    const dayB = dayNumber(dateOf(b));
    if (target !== undefined) {
      const nearer = Math.abs(dayA - target) - Math.abs(dayB - target);
      if (nearer !== 0) return nearer;
    }
    return dayB - dayA;
  };
}

/** The entity's facts, the ones that matter most for this article first (stable among equals). */
export function rankFacts(facts: readonly Fact[], pageDate?: string): Fact[] {
  return [...facts].sort(byRelevance((fact) => fact.asOf, pageDate));
}
