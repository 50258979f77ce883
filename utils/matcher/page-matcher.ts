/** The matcher the content script builds from its lexicon bundle. */
import type { PageLexicon } from '../dataset/records';
import type { Steps } from '../slices';
import { Matcher, type MatcherOptions } from './matcher';

/** Related ids corroborate a titled ambiguous alias ("President Xi" on a page naming Putin). */
function optionsFor(page: PageLexicon): MatcherOptions {
  return { related: new Map(Object.entries(page.related)) };
}

export function matcherFor(page: PageLexicon): Matcher {
  return Matcher.of(page.lexicon, optionsFor(page));
}

/** The same matcher, built in steps (see utils/slices.ts). */
export function buildMatcherFor(page: PageLexicon): Steps<Matcher> {
  return Matcher.build(page.lexicon, optionsFor(page));
}
