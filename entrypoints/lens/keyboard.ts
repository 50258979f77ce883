/**
 * The lens from the keyboard: the browser's commands (utils/commands.ts; the background passes
 * them on as `step-mention`) step through the mentions the reader sees, each opening its card
 * pinned with focus inside; Escape closes the card. Only the reader's own keys count.
 */
import type { PageMention } from '../../utils/page/annotate-page';
import { isVisible } from '../../utils/page/visibility';
import type { Cards } from './cards';
import type { Highlights } from './highlights';

/** Opens the card of the next (1) or previous (-1) shown mention after the open card's, wrapping around. */
export function stepper(highlights: Highlights, cards: Cards): (direction: 1 | -1) => void {
  return (direction) => {
    const all = highlights.table.all;
    const visible = isVisible();
    const current = cards.current;
    const from = current ? all.indexOf(current) : direction === 1 ? -1 : 0;
    for (let step = 1; step <= all.length; step++) {
      const mention = all[(((from + direction * step) % all.length) + all.length) % all.length] as PageMention;
      if (!visible(mention)) continue;
      cards.reveal(mention);
      return;
    }
  };
}

/** Escape on the page closes the card (inside the card, the card itself listens). */
export function listenForEscape(cards: Cards, signal: AbortSignal): void {
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && cards.current) cards.close();
    },
    { signal },
  );
}
