// First: the lexicon's request goes out before the rest of the background is evaluated.
import '../utils/browser/lexicon-request';
import { browser, defineBackground } from '#imports';
import { highlightNames } from '../utils/browser/highlight-names-store';
import { takeLexiconRequest } from '../utils/browser/lexicon-request';
import { loadSettings, watchSettings } from '../utils/browser/settings-store';
import { readLexicon, readRecords } from '../utils/browser/shipped-data';
import { listedSitesGranted, runInFrame, startLensInTab, syncSiteScripts } from '../utils/browser/site-scripts';
import { type CommandName, isCommandName, KEYBOARD_COMMANDS } from '../utils/commands';
import { cardDataFor, dealDetailFor } from '../utils/dataset/card-data';
import type { DatasetRecords } from '../utils/dataset/records';
import type { EntityType } from '../utils/dataset/schema';
import type { ShippedLexicon } from '../utils/dataset/shipped-data';
import { packMentions } from '../utils/matcher/packed-mentions';
import { type FoundMentions, type Handlers, handleMessage, sendRequest } from '../utils/messages';
import { DEFAULT_SETTINGS, siteOf } from '../utils/settings';
import { siteState } from '../utils/sites';

/** The messages the background answers. */
type BackgroundMessage =
  | 'wake'
  | 'get-deal'
  | 'page-mentions-changed'
  | 'find-mentions'
  | 'load-card'
  | 'scout-text'
  | 'start-lens-in-tab'
  | 'get-card'
  | 'get-highlight-names'
  | 'get-shortcuts';

const LOOKUP_MENU_ID = 'look-up';

export default defineBackground(() => {
  // The matcher, compiled at build time, is read at every start of the background: a page's
  // question is what usually woke it, and the answer needs nothing else.
  const lexicon = readLexicon(takeLexiconRequest());
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
  // The lexicon once read; until then (the first page of a cold start) the scout's question is
  // not put to it: reading it takes longer than starting the lens, whose own question waits for
  // it. A page that names nothing then gets a lens that marks nothing, once per cold start,
  // instead of every page of a cold start waiting for the lexicon twice (docs/BENCHMARKS.md).
  let lexiconRead: ShippedLexicon | undefined;
  void lexicon.then((read) => {
    lexiconRead = read;
  });
  /** The scout's question: start the lens in its frame if the text may mention anything. */
  const answerScout = async (text: string, tabId: number, frameId: number, frameUrl: string | undefined) => {
    const host = siteOf(frameUrl) ?? '';
    if (siteState(host, await settings) === 'off') return false;
    if (lexiconRead && !lexiconRead.matcher.mightMention(text)) return false;
    await runInFrame(tabId, frameId, 'lens');
    return true;
  };

  const handlers: Handlers<BackgroundMessage> = {
    'page-mentions-changed': async ({ total }, sender) => {
      if (sender.tab?.id === undefined) return;
      const text = total > 0 ? String(Math.min(total, 999)) : '';
      // MV3 (Chrome) has `action`; Firefox's MV2 build has `browserAction`.
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ tabId: sender.tab.id, text });
    },
    wake: async () => {
      await lexicon;
      return true;
    },
    'find-mentions': ({ texts, alreadyNamed, host }) => findMentions(texts, alreadyNamed, host),
    'load-card': async (_, sender) => {
      if (sender.tab?.id === undefined) return false;
      await runInFrame(sender.tab.id, sender.frameId ?? 0, 'card');
      return true;
    },
    'scout-text': ({ text }, sender) =>
      sender.tab?.id === undefined ? false : answerScout(text, sender.tab.id, sender.frameId ?? 0, sender.url),
    'start-lens-in-tab': async ({ tabId }) => {
      await startLensInTab(tabId);
      return true;
    },
    'get-card': async ({ id, pageDate, locale }) => cardDataFor(await cardRecords(), id, { pageDate, locale }) ?? null,
    'get-deal': async ({ id, locale }) => dealDetailFor(await cardRecords(), id, locale) ?? null,
    'get-highlight-names': () => highlightNames(),
    'get-shortcuts': async () => {
      const bound = await browser.commands.getAll();
      const keys = Object.fromEntries(Object.keys(KEYBOARD_COMMANDS).map((name) => [name, '']));
      for (const command of bound)
        if (command.name && isCommandName(command.name)) keys[command.name] = command.shortcut ?? '';
      return keys as Record<CommandName, string>;
    },
  };
  browser.runtime.onMessage.addListener((raw, sender) => handleMessage(handlers, raw, sender, browser.runtime.id));

  // Sites the reader enabled: registered again at every start (Firefox forgets), on a change of
  // settings, and when the reader takes a permission back in the browser's own pages.
  const syncFromStorage = () => void loadSettings().then(syncSiteScripts);
  syncFromStorage();
  watchSettings((next) => {
    settings = Promise.resolve(next);
    void syncSiteScripts(next);
  });
  browser.permissions.onRemoved.addListener(syncFromStorage);
  // The first-run page grants the listed sites: their scout is registered at once.
  browser.permissions.onAdded.addListener(syncFromStorage);
  // Nothing runs anywhere until the reader says where: the first-run page asks, once.
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install' || (await listedSitesGranted())) return;
    await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

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
    if (!isCommandName(command)) return;
    const { direction } = KEYBOARD_COMMANDS[command];
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Only the top frame answers; a page without the lens has no listener.
    const tabId = tab.id;
    await sendRequest((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }), 'step-mention', {
      direction,
    }).catch(() => undefined);
  });
});
