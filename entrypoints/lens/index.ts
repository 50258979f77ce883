import { browser, defineUnlistedScript } from '#imports';
import { storedHighlightNames } from '../../utils/browser/highlight-names-store';
import { loadSettings, watchSettings } from '../../utils/browser/settings-store';
import { type Message, sendRequest } from '../../utils/messages';
import {
  type FindMentions,
  findPageMentions,
  type PageMention,
  updatePageMentions,
} from '../../utils/page/annotate-page';
import { coalesceWork } from '../../utils/page/coalesce-work';
import { frameState } from '../../utils/page/frame-state';
import { canPaint } from '../../utils/page/paint-highlights';
import { watchLocation } from '../../utils/page/watch-location';
import { watchMutations } from '../../utils/page/watch-mutations';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { siteState } from '../../utils/sites';
import { reportMentionCount } from './badge';
import { Cards } from './cards';
import { Highlights } from './highlights';
import { listenForEscape, stepper } from './keyboard';
import { answerMessages } from './popup-messages';

const toBackground = (message: Message) => browser.runtime.sendMessage(message);

/**
 * The highlight names as stored, read without the background (at a cold start it is still
 * reading the lexicon, and the page's first highlight would wait for it twice); asked of it only
 * before any are stored, as it makes them.
 */
const highlightNamesOfInstall = async (): Promise<readonly string[]> =>
  (await storedHighlightNames()) ?? sendRequest(toBackground, 'get-highlight-names', {});

/**
 * The lens: highlights, cards, the keyboard, the page's answers to the popup, the badge. Injected
 * by the background into a frame whose scout saw text that may mention something, or into every
 * frame of a tab where the reader just switched the lens on. This file only wires those features
 * (each a module beside it) to the page's changes and the reader's settings.
 *
 * An unlisted script, not a WXT content script: WXT's content-script context listens for events
 * on the page's window (a newer copy's start, `wxt:locationchange`), which a page can dispatch
 * too, and so could stop the lens or make it rescan. Nothing here listens to anything a page can
 * send: copies meet in our own content-script world (`frameState`), navigations are polled, and
 * only trusted input counts.
 */
export default defineUnlistedScript(() => {
  void startLens();
});

async function startLens(): Promise<void> {
  const frame = frameState();
  if (!canPaint() || !document.body || frame.lens) return;
  frame.lens = true;
  /** Aborted when the extension goes away (reloaded, updated, removed). */
  const life = new AbortController();
  life.signal.addEventListener('abort', () => delete frame.lens);
  const [names, stored] = await Promise.all([
    highlightNamesOfInstall().catch(() => undefined),
    loadSettings().catch(() => DEFAULT_SETTINGS),
  ]);
  if (!names) {
    life.abort();
    return;
  }
  let settings: Settings = stored;
  const highlights = new Highlights(names, () => settings);
  const cards = new Cards(highlights, () => settings);
  /** Live while the lens runs here; aborted when it is turned off, or the extension goes away. */
  let controller = new AbortController();
  controller.abort();
  life.signal.addEventListener('abort', () => {
    controller.abort();
    cards.close();
    highlights.clear();
  });

  const paint = () => {
    highlights.paint();
    cards.keepShown();
  };
  const publish = (mentions: PageMention[]) => {
    highlights.publish(mentions);
    cards.keepShown();
    reportMentionCount(mentions);
  };
  cards.listen(life.signal);
  listenForEscape(cards, life.signal);
  answerMessages(highlights, cards, stepper(highlights, cards), life.signal);

  // The background matches; the page only reads its text and builds ranges.
  const find: FindMentions = async (texts, alreadyNamed) => {
    const reply = await sendRequest(toBackground, 'find-mentions', {
      texts: [...texts],
      alreadyNamed: [...alreadyNamed],
      host: location.host,
    });
    for (const [id, type] of Object.entries(reply.types)) highlights.typeOf.set(id, type);
    return reply.mentions;
  };
  const isRunning = () => !controller.signal.aborted;
  const start = () => {
    controller = new AbortController();
    const { signal } = controller;
    // The scout's watch ends here; ours starts before our look, so no change falls between.
    frame.scout?.stop();
    // The page's open shadow roots the scans read are watched like its body.
    const scan = { signal, onShadowRoot: (root: ShadowRoot) => watch.watchShadowRoot(root) };
    const rescanAll = async () => publish(await findPageMentions(document.body, find, scan));
    const rescanChanged = async (changed: readonly Node[]) =>
      publish(await updatePageMentions(highlights.found, changed, find, scan));
    // A scan stops (rejects) when the lens is turned off or the extension reloaded; anything
    // else is a bug. One rescan runs at a time, and the page cannot make them come faster.
    const request = coalesceWork({
      run: (work) => (work === 'all' ? rescanAll() : rescanChanged(work)),
      onError: (error) => console.error('China–Russia Lens:', error),
      prune: (nodes) => [...nodes].filter((node) => node.isConnected),
      signal,
    });
    const watch = watchMutations(document, request, { isOwn: (node) => cards.isOwn(node), signal });
    // An SPA navigation (history API) closes the card and forgets the article's date (the
    // cards rank deals by it). It is no rescan: what the page changes, the mutation watch
    // sees, so a page changing its address 60 times a second costs nothing here.
    watchLocation(
      () => location.href,
      () => cards.forgetPage(),
      // A page that clears the highlight registry gets ours back.
      { signal, onTick: () => highlights.restore() },
    );
    request('all', true);
  };
  const stop = () => {
    controller.abort();
    cards.close();
    publish([]);
  };
  // The reader's choices apply at once, in every open tab.
  const apply = (next: Settings) => {
    settings = next;
    cards.apply(next);
    const on = siteState(location.hostname, next) === 'on';
    if (on && !isRunning()) start();
    else if (!on && isRunning()) stop();
    else paint();
  };
  life.signal.addEventListener('abort', watchSettings(apply));
  apply(settings);
  // The extension reloaded or removed: this copy stops (its messages would fail anyway).
  const alive = setInterval(() => {
    if (browser.runtime?.id !== undefined) return;
    clearInterval(alive);
    life.abort();
  }, 1000);
}
