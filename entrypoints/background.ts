import data from 'virtual:lens-data';
import { browser, defineBackground } from '#imports';
import { cardDataFor } from '../utils/dataset/card-data';
import { buildLensIndex, type LensIndex } from '../utils/dataset/lens-index';
import type { EntityType } from '../utils/dataset/schema';
import { type FoundMentions, isFromOurExtension, type LensMessage, parseMessage } from '../utils/messages';

/** Keyboard commands (manifest `commands`) → the step they ask the page to take. */
const STEPS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

export default defineBackground(() => {
  // Compiled on the first page that asks (~50 ms), then kept while the background lives.
  let index: LensIndex | undefined;
  const findMentions = (texts: readonly string[], alreadyNamed: readonly string[]): FoundMentions => {
    index ??= buildLensIndex(data);
    const mentions = index.matcher.matchTexts(texts, alreadyNamed);
    const types: Record<string, EntityType> = {};
    for (const list of mentions) {
      for (const mention of list) {
        for (const id of mention.entities) {
          const entity = index.entityById.get(id);
          if (entity) types[id] = entity.type;
        }
      }
    }
    return { mentions, types };
  };

  browser.runtime.onMessage.addListener((raw, sender) => {
    if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
    const message = parseMessage(raw);
    if (message?.type === 'page-mentions-changed' && sender.tab?.id !== undefined) {
      const text = message.total > 0 ? String(Math.min(message.total, 999)) : '';
      // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
      const action = browser.action ?? browser.browserAction;
      return action.setBadgeText({ tabId: sender.tab.id, text }).then(() => undefined);
    }
    if (message?.type === 'find-mentions') {
      return Promise.resolve(findMentions(message.texts, message.alreadyNamed));
    }
    if (message?.type === 'get-card') {
      return Promise.resolve(cardDataFor(data, message.id, message.pageDate) ?? null);
    }
    return undefined;
  });

  browser.commands.onCommand.addListener(async (command) => {
    const direction = STEPS[command];
    if (direction === undefined) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const step: LensMessage = { type: 'step-mention', direction };
    // Only the top frame answers; a page without the lens has no listener.
    await browser.tabs.sendMessage(tab.id, step, { frameId: 0 }).catch(() => undefined);
  });
});
