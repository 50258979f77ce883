import { browser, defineContentScript } from '#imports';
import { isFromOurExtension, type PageMentions, parseMessage } from '../../utils/messages';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';

export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      const message = parseMessage(raw);
      if (message?.type === 'get-page-mentions') {
        const reply: PageMentions = { url: location.href, mentions: [] };
        return Promise.resolve(reply);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
