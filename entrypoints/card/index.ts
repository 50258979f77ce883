/**
 * The card's code, injected by the background into a frame at the lens's first pointer movement
 * or keyboard step (see entrypoints/lens.content/lazy-card.ts).
 */
import { defineUnlistedScript } from '#imports';
import { offerCardHost } from '../lens/lazy-card';
import { CardHost } from './card-host';

// An unlisted script like the lens: no WXT content-script context listening on the page's window.
export default defineUnlistedScript(() => {
  offerCardHost((callbacks) => new CardHost(callbacks));
});
