/**
 * The card's code, injected by the background into a frame at the lens's first pointer movement
 * or keyboard step (see entrypoints/lens.content/lazy-card.ts).
 */
import { defineContentScript } from '#imports';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';
import { offerCardHost } from '../lens.content/lazy-card';
import { CardHost } from './card-host';

export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  registration: 'runtime',
  // See the scout: no postMessage announcing the script to the page.
  noScriptStartedPostMessage: true,
  main() {
    offerCardHost((ctx, callbacks) => new CardHost(ctx, callbacks));
  },
});
