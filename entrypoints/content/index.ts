import data from 'virtual:lens-data';
import { browser, defineContentScript } from '#imports';
import { buildLensIndex } from '../../utils/dataset/lens-index';
import type { EntityType } from '../../utils/dataset/schema';
import { isFromOurExtension, type PageMentions, parseMessage } from '../../utils/messages';
import { findPageMentions, type PageMention } from '../../utils/page/annotate-page';
import { canPaint, clearHighlights, paintHighlights } from '../../utils/page/paint-highlights';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';
import './highlights.css';

export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    if (!canPaint() || !document.body) return;
    const index = buildLensIndex(data);
    let mentions: PageMention[] = [];

    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      const message = parseMessage(raw);
      if (message?.type === 'get-page-mentions') {
        const counts = new Map<string, number>();
        for (const mention of mentions) {
          for (const id of mention.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        const reply: PageMentions = {
          url: location.href,
          mentions: [...counts].map(([id, count]) => ({ id, count })),
        };
        return Promise.resolve(reply);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      clearHighlights();
    });

    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    mentions = await findPageMentions(document.body, index.matcher, controller.signal);
    if (controller.signal.aborted) return;

    const rangesByType = new Map<EntityType, Range[]>();
    for (const mention of mentions) {
      const type = index.entityById.get(mention.entities[0] as string)?.type;
      if (!type) continue;
      const list = rangesByType.get(type);
      if (list) list.push(mention.range);
      else rangesByType.set(type, [mention.range]);
    }
    paintHighlights(rangesByType);
    if (window === window.top) {
      await browser.runtime
        .sendMessage({ type: 'page-mentions-changed', total: mentions.length })
        .catch(() => undefined);
    }
  },
});
