/** The toolbar badge: the top frame tells the background how many mentions the reader can see. */
import { browser } from '#imports';
import { sendRequest } from '../../utils/messages';
import type { PageMention } from '../../utils/page/annotate-page';
import { isVisible } from '../../utils/page/visibility';

export function reportMentionCount(mentions: readonly PageMention[]): void {
  if (window !== window.top) return;
  const total = mentions.filter(isVisible()).length;
  sendRequest((message) => browser.runtime.sendMessage(message), 'page-mentions-changed', { total }).catch(
    () => undefined,
  );
}
