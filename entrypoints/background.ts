import { browser, defineBackground } from '#imports';
import { isFromOurExtension, parseMessage } from '../utils/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw, sender) => {
    if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
    const message = parseMessage(raw);
    if (message?.type === 'page-mentions-changed' && sender.tab?.id !== undefined) {
      const text = message.total > 0 ? String(Math.min(message.total, 999)) : '';
      // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
      const action = browser.action ?? browser.browserAction;
      return action.setBadgeText({ tabId: sender.tab.id, text }).then(() => undefined);
    }
    return undefined;
  });
});
