import { browser, defineBackground } from '#imports';
import { loadSettings, watchSettings } from '../utils/browser/settings-store';
import { readLexicon, readRecords } from '../utils/browser/shipped-data';
import { runInFrame, startLensInTab, syncSiteScripts } from '../utils/browser/site-scripts';
import { cardDataFor, dealDetailFor } from '../utils/dataset/card-data';
import type { DatasetRecords } from '../utils/dataset/records';
import type { EntityType } from '../utils/dataset/schema';
import { packMentions } from '../utils/matcher/packed-mentions';
import { type FoundMentions, isFromOurExtension, type LensMessage, parseMessage } from '../utils/messages';
import { DEFAULT_SETTINGS, siteOf } from '../utils/settings';
import { siteState } from '../utils/sites';

const LOOKUP_MENU_ID = 'look-up';

/** Keyboard commands (manifest `commands`) → the step they ask the page to take. */
const STEPS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

export default defineBackground(() => {
  // The matcher, compiled at build time, is read at every start of the background: a page's
  // question is what usually woke it, and the answer needs nothing else.
  const lexicon = readLexicon();
  // Card records only at the first card, then kept while the background lives.
  let records: Promise<DatasetRecords> | undefined;
  const cardRecords = () => {
    records ??= readRecords().catch((error: unknown) => {
      records = undefined;
      throw error;
    });
    return records;
  };
  // The settings as last stored, for the site check of every page's first question.
  let settings = loadSettings().catch(() => DEFAULT_SETTINGS);
  const findMentions = async (
    texts: readonly string[],
    alreadyNamed: readonly string[],
    host: string | undefined,
  ): Promise<FoundMentions> => {
    const { matcher, types: typeOf } = await lexicon;
    const mentions = packMentions(matcher.matchTexts(texts, alreadyNamed, host ? { host } : {}));
    const types: Record<string, EntityType> = {};
    for (const id of mentions.entities) {
      const type = typeOf[id];
      if (type) types[id] = type;
    }
    return { mentions, types };
  };
  /** The scout's question: start the lens in its frame if the text may mention anything. */
  const answerScout = async (text: string, tabId: number, frameId: number, frameUrl: string | undefined) => {
    const host = siteOf(frameUrl) ?? '';
    if (siteState(host, await settings) === 'off' || !(await lexicon).matcher.mightMention(text)) return false;
    await runInFrame(tabId, frameId, 'lens');
    return true;
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
    if (message?.type === 'wake') {
      return lexicon.then(() => true);
    }
    if (message?.type === 'find-mentions') {
      return findMentions(message.texts, message.alreadyNamed, message.host);
    }
    if (message?.type === 'load-card' && sender.tab?.id !== undefined) {
      return runInFrame(sender.tab.id, sender.frameId ?? 0, 'card').then(() => true);
    }
    if (message?.type === 'scout-text' && sender.tab?.id !== undefined) {
      return answerScout(message.text, sender.tab.id, sender.frameId ?? 0, sender.url);
    }
    if (message?.type === 'start-lens-in-tab') {
      return startLensInTab(message.tabId).then(() => true);
    }
    if (message?.type === 'get-card') {
      return cardRecords().then((data) => cardDataFor(data, message.id, message.pageDate) ?? null);
    }
    if (message?.type === 'get-deal') {
      return cardRecords().then((data) => dealDetailFor(data, message.id) ?? null);
    }
    return undefined;
  });

  // Sites the reader enabled: registered again at every start (Firefox forgets), on a change of
  // settings, and when the reader takes a permission back in the browser's own pages.
  const syncFromStorage = () => void loadSettings().then(syncSiteScripts);
  syncFromStorage();
  watchSettings((next) => {
    settings = Promise.resolve(next);
    void syncSiteScripts(next);
  });
  browser.permissions.onRemoved.addListener(syncFromStorage);

  // "Look up" on a selection opens the popup's search in a window of its own, for that tab.
  // Chromium keeps an MV3 extension's menu items while its worker sleeps: made once, at install
  // or update, not at every start of the worker. Firefox's MV2 page starts once a session.
  const createMenu = () =>
    browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: LOOKUP_MENU_ID,
        title: 'Look up “%s” in China–Russia Lens',
        contexts: ['selection'],
      }),
    );
  if (browser.runtime.getManifest().manifest_version === 3) browser.runtime.onInstalled.addListener(createMenu);
  else void createMenu();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID || !info.selectionText) return;
    const params = new URLSearchParams({ q: info.selectionText.trim().slice(0, 200) });
    if (tab?.id !== undefined) params.set('tab', String(tab.id));
    void browser.windows.create({
      url: browser.runtime.getURL(`/popup.html?${params}`),
      type: 'popup',
      width: 420,
      height: 640,
    });
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
