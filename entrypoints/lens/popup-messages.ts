/**
 * What the lens answers: the popup's questions (what this page mentions, reveal one) and the
 * background's keyboard steps. Hidden text is neither counted nor revealed.
 */
import { browser } from '#imports';
import { type Handlers, handleMessage } from '../../utils/messages';
import { isVisible } from '../../utils/page/visibility';
import type { Cards } from './cards';
import type { Highlights } from './highlights';

/** The messages the lens answers. */
type LensMessage = 'get-page-mentions' | 'reveal-mention' | 'step-mention';

export function answerMessages(
  highlights: Highlights,
  cards: Cards,
  step: (direction: 1 | -1) => void,
  signal: AbortSignal,
): void {
  const handlers: Handlers<LensMessage> = {
    'get-page-mentions': () => {
      const counts = new Map<string, number>();
      for (const mention of highlights.found.filter(isVisible())) {
        for (const id of mention.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return { url: location.href, mentions: [...counts].map(([id, count]) => ({ id, count })) };
    },
    'step-mention': ({ direction }) => {
      step(direction);
      return undefined;
    },
    'reveal-mention': ({ id }) => {
      const visible = isVisible();
      const first = highlights.found.find((mention) => mention.entities.includes(id) && visible(mention));
      if (first) cards.reveal(first);
      return first !== undefined;
    },
  };
  const onMessage = (raw: unknown, sender: { id?: string }) => handleMessage(handlers, raw, sender, browser.runtime.id);
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));
}
