/** The matcher the content script builds from its lexicon bundle. */
import type { PageLexicon } from '../dataset/records';
import { Matcher } from './matcher';

/** Related ids corroborate a titled ambiguous alias ("President Xi" on a page naming Putin). */
export function matcherFor(page: PageLexicon): Matcher {
  return new Matcher(page.lexicon, { related: new Map(Object.entries(page.related)) });
}
