import { browser, defineUnlistedScript } from '#imports';
import { TYPE_CATEGORY } from '../../components/format';
import { loadSettings, watchSettings } from '../../utils/browser/settings-store';
import type { CardData } from '../../utils/dataset/card-data';
import type { EntityType } from '../../utils/dataset/schema';
import { highlightNameIn, highlightRules } from '../../utils/highlight-names';
import { chooseLocale, type UiLocale } from '../../utils/i18n/locale';
import { type Handlers, handleMessage, type Message, sendRequest } from '../../utils/messages';
import {
  type FindMentions,
  findPageMentions,
  type PageMention,
  updatePageMentions,
} from '../../utils/page/annotate-page';
import { coalesceWork } from '../../utils/page/coalesce-work';
import { frameState } from '../../utils/page/frame-state';
import { clearFrameTimer, setFrameTimer } from '../../utils/page/frame-timer';
import { MentionTable } from '../../utils/page/hit-test';
import { HoverIntent } from '../../utils/page/hover-intent';
import { publicationDate } from '../../utils/page/page-date';
import { pageLanguage } from '../../utils/page/page-language';
import { canPaint, HighlightPainter } from '../../utils/page/paint-highlights';
import { ShadowStyles } from '../../utils/page/shadow-styles';
import { watchLocation } from '../../utils/page/watch-location';
import { watchMutations } from '../../utils/page/watch-mutations';
import {
  CATEGORIES,
  type Category,
  categoryColorProperties,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../utils/settings';
import { siteState } from '../../utils/sites';
import { LazyCard } from './lazy-card';

/** How long an unpinned card stays after the pointer leaves it, to allow reaching it (ms). */
const GRACE_MS = 300;
/**
 * The hover delay counts from the pointer event; hit-testing waits for the next frame, so the
 * event is normally a frame old. An older one (a busy page, an odd timestamp) counts as this old.
 */
const MAX_EVENT_AGE_MS = 50;
/** The messages the lens answers. */
type LensMessage = 'get-page-mentions' | 'reveal-mention' | 'step-mention';

const toBackground = (message: Message) => browser.runtime.sendMessage(message);

/**
 * The lens: highlights, cards, the page's answers to the popup. Injected by the background into a
 * frame whose scout saw text that may mention something, or into every frame of a tab where the
 * reader just switched the lens on.
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
    sendRequest(toBackground, 'get-highlight-names', {}).catch(() => undefined),
    loadSettings().catch(() => DEFAULT_SETTINGS),
  ]);
  if (!names) {
    life.abort();
    return;
  }
  let settings: Settings = stored;
  const painter = new HighlightPainter<PageMention>();
  const table = new MentionTable();
  /** Live while the lens runs here; aborted when it is turned off, or the extension goes away. */
  let controller = new AbortController();
  controller.abort();
  life.signal.addEventListener('abort', () => controller.abort());
  /** Every mention found, before the reader's category and first-mention choices. */
  let found: PageMention[] = [];
  // Read at the first card, not at start: its selector queries cost milliseconds on a long page.
  let pageDate: string | undefined | null = null;
  /** The page's language (read at the first card too); the cards speak it unless the reader chose one. */
  let pageLocale: UiLocale | null = null;
  const cardLocale = () => {
    pageLocale ??= pageLanguage(document.documentElement.lang, languageSample(found));
    return chooseLocale(settings.language, pageLocale);
  };
  const cardCache = new Map<string, Promise<CardData | null>>();
  const typeOf = new Map<string, EntityType>();

  const countOf = (id: string) => found.filter((mention) => mention.entities.includes(id)).length;
  const loadCardCode = () => sendRequest(toBackground, 'load-card', {});
  const card = new LazyCard(
    {
      fetchCard: (id) => {
        let pending = cardCache.get(id);
        if (!pending) {
          if (pageDate === null) pageDate = publicationDate(document);
          pending = sendRequest(toBackground, 'get-card', {
            id,
            locale: cardLocale(),
            ...(pageDate ? { pageDate } : {}),
          });
          cardCache.set(id, pending);
        }
        return pending;
      },
      mentionCount: countOf,
      onPointerOnCard: (inside) => intent.pointerOnCardChanged(inside),
      onCloseRequest: () => intent.close(),
    },
    loadCardCode,
  );
  const intent = new HoverIntent<PageMention>({
    delayMs: settings.hoverDelayMs,
    graceMs: GRACE_MS,
    onOpen: (mention, pinned) => {
      const range = mention.range;
      // Hidden text has no box: a card placed against it would sit at the window's corner.
      if (range && hasBox(range)) void card.show(mention.entities[0] as string, range, pinned);
    },
    onClose: () => card.hide(),
    // The card is revealed at the start of a frame, so it paints within a frame of the delay.
    setTimer: setFrameTimer,
    clearTimer: clearFrameTimer,
    onPendingChange: (mention) => {
      const range = mention?.range;
      if (mention && range) void card.prepare(mention.entities[0] as string, range);
      else card.discardPrepared();
    },
  });
  life.signal.addEventListener('abort', () => {
    intent.close();
    painter.clear();
  });

  const categoryOf = (mention: PageMention) => {
    const type = typeOf.get(mention.entities[0] as string);
    return type && TYPE_CATEGORY[type];
  };
  /**
   * Whether the reader sees a mention: its category is on, and it is the first of its entity if
   * asked. A new one per paint, called on mentions in document order; decided once per entity.
   * None when every mention is seen (the default settings).
   */
  const shownFilter = (): ((mention: PageMention) => boolean) | undefined => {
    if (
      settings.mentions === 'all' &&
      settings.mutedEntities.length === 0 &&
      CATEGORIES.every((category) => settings.categories[category].enabled)
    ) {
      return undefined;
    }
    const muted = new Set(settings.mutedEntities.map((entity) => entity.id));
    const categoryShown = new Map<string, boolean>();
    const seen = new Set<string>();
    const firstOnly = settings.mentions === 'first';
    return (mention) => {
      const id = mention.entities[0] as string;
      let shown = categoryShown.get(id);
      if (shown === undefined) {
        const category = categoryOf(mention);
        shown = category !== undefined && settings.categories[category].enabled && !muted.has(id);
        categoryShown.set(id, shown);
      }
      if (!shown || !firstOnly) return shown;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    };
  };
  const paint = () => {
    table.replace(found, shownFilter());
    const highlights = new Map(
      CATEGORIES.map((category) => [
        category,
        highlightNameIn(names, settings.style, settings.categories[category].color),
      ]),
    );
    painter.replace(table.byBlock, (mention) => highlights.get(categoryOf(mention) as Category) as string);
    if (intent.current && !table.byBlock.get(intent.current.element)?.includes(intent.current)) intent.close();
  };
  const shadowStyles = new ShadowStyles(highlightRules(names));
  const publish = (mentions: PageMention[]) => {
    found = mentions;
    for (const mention of mentions) if (mention.shadowRoot) shadowStyles.cover(mention.shadowRoot);
    paint();
    if (window === window.top) {
      const total = mentions.filter(isVisible()).length;
      sendRequest(toBackground, 'page-mentions-changed', { total }).catch(() => undefined);
    }
  };

  // Pointer: hit-test at most once per frame. Only the reader's own input counts: a page can
  // dispatch pointer, click and key events of its own (isTrusted false) to steer the lens.
  let lastPointer: PointerEvent | undefined;
  let frameRequested = false;
  const listen = { signal: life.signal };
  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted) return;
      card.preload();
      lastPointer = event;
      if (frameRequested) return;
      frameRequested = true;
      requestAnimationFrame(() => {
        frameRequested = false;
        const pointer = lastPointer;
        if (life.signal.aborted || !pointer || card.contains(pointer) || settings.trigger === 'click') return;
        const wanted = settings.trigger === 'hover' || pointer.altKey;
        const mention = wanted ? table.at(document, pointer.clientX, pointer.clientY) : undefined;
        intent.pointerOver(mention, Math.min(MAX_EVENT_AGE_MS, Math.max(0, performance.now() - pointer.timeStamp)));
      });
    },
    listen,
  );
  document.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      if (card.contains(event)) return intent.click(undefined, true);
      // A mention inside a link keeps its link: the click is the page's.
      const target = event.target as Element | null;
      const mention = target?.closest?.('a[href]') ? undefined : table.at(document, event.clientX, event.clientY);
      intent.click(mention, false);
    },
    { capture: true, signal: life.signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape' && intent.current) intent.escape();
    },
    listen,
  );

  const stepTo = (direction: 1 | -1) => {
    const all = table.all;
    if (all.length === 0) return;
    const at = intent.current ? all.indexOf(intent.current) : -1;
    reveal(all[(at + direction + all.length) % all.length] as PageMention);
  };
  const reveal = (mention: PageMention) => {
    // The mention's own element, not its whole block: a long block's centre may be far from it.
    const target = mention.range?.startContainer.parentElement ?? mention.element;
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    intent.openPinned(mention);
  };

  const handlers: Handlers<LensMessage> = {
    'get-page-mentions': () => {
      const counts = new Map<string, number>();
      for (const mention of found.filter(isVisible())) {
        for (const id of mention.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return { url: location.href, mentions: [...counts].map(([id, count]) => ({ id, count })) };
    },
    'step-mention': ({ direction }) => {
      stepTo(direction);
      return undefined;
    },
    'reveal-mention': ({ id }) => {
      const visible = isVisible();
      const first = found.find((mention) => mention.entities.includes(id) && visible(mention));
      if (first) reveal(first);
      return first !== undefined;
    },
  };
  const onMessage = (raw: unknown, sender: { id?: string }) => handleMessage(handlers, raw, sender, browser.runtime.id);
  browser.runtime.onMessage.addListener(onMessage);
  life.signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage));

  // The background matches; the page only reads its text and builds ranges.
  const find: FindMentions = async (texts, alreadyNamed) => {
    const reply = await sendRequest(toBackground, 'find-mentions', {
      texts: [...texts],
      alreadyNamed: [...alreadyNamed],
      host: location.host,
    });
    for (const [id, type] of Object.entries(reply.types)) typeOf.set(id, type);
    return reply.mentions;
  };
  const rescanAll = async () => publish(await findPageMentions(document.body, find, controller.signal));
  const rescanChanged = async (changed: readonly Node[]) =>
    publish(await updatePageMentions(found, changed, find, controller.signal));
  /** Asks for a rescan; one runs at a time, and the page cannot make them come faster (coalesce-work.ts). */
  let request: (work: 'all' | readonly Node[], now?: boolean) => void = () => undefined;

  const isRunning = () => !controller.signal.aborted;
  const start = () => {
    controller = new AbortController();
    const { signal } = controller;
    // The scout's watch ends here; ours starts before our look, so no change falls between.
    frame.scout?.stop();
    // A scan stops (rejects) when the lens is turned off or the extension reloaded; anything
    // else is a bug.
    request = coalesceWork({
      run: (work) => (work === 'all' ? rescanAll() : rescanChanged(work)),
      onError: (error) => console.error('China–Russia Lens:', error),
      prune: (nodes) => [...nodes].filter((node) => node.isConnected),
      signal,
    });
    watchMutations(document, request, { isOwn: (node) => card.isHost(node), signal });
    // An SPA navigation (history API) closes the card and forgets the article's date (the
    // cards rank deals by it). It is no rescan: what the page changes, the mutation watch
    // sees, so a page changing its address 60 times a second costs nothing here.
    watchLocation(
      () => location.href,
      () => {
        intent.close();
        pageDate = null;
        pageLocale = null;
        cardCache.clear();
      },
      {
        signal,
        // A page that clears the highlight registry gets ours back.
        onTick: () => painter.restore(),
      },
    );
    request('all', true);
  };
  const stop = () => {
    controller.abort();
    intent.close();
    publish([]);
  };
  // The reader's choices apply at once, in every open tab.
  const apply = (next: Settings) => {
    // Cards are written in the chosen language: a new choice needs new cards.
    if (next.language !== settings.language) cardCache.clear();
    settings = next;
    intent.delayMs = next.hoverDelayMs;
    card.theme = next.theme;
    card.colors = categoryColorProperties(next.categories);
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

/** Text to tell the page's script by: its title and the blocks of its first mentions (cheap to read). */
function languageSample(mentions: readonly PageMention[]): string {
  const blocks = new Set(mentions.slice(0, 20).map((mention) => mention.element));
  return [document.title, ...[...blocks].map((block) => block.textContent ?? '')].join('\n');
}

/** Does this range have a box on the page (hidden text has none)? */
function hasBox(range: Range): boolean {
  return range.getClientRects().length > 0;
}

/**
 * A test of whether a mention's text is shown (not in a `display: none` or `visibility: hidden`
 * subtree), decided once per block: hidden text is neither counted nor revealed.
 */
function isVisible(): (mention: PageMention) => boolean {
  const seen = new Map<Element, boolean>();
  return (mention) => {
    let visible = seen.get(mention.element);
    if (visible === undefined) {
      const element = mention.element as Element & { checkVisibility?: (options?: object) => boolean };
      visible = element.checkVisibility?.({ visibilityProperty: true }) ?? true;
      seen.set(mention.element, visible);
    }
    return visible;
  };
}
