import { browser, defineContentScript } from '#imports';
import { TYPE_CATEGORY } from '../../components/format';
import { loadSettings, watchSettings } from '../../utils/browser/settings-store';
import type { CardData } from '../../utils/dataset/card-data';
import type { EntityType } from '../../utils/dataset/schema';
import {
  type FoundMentions,
  isFromOurExtension,
  type LensMessage,
  type PageMentions,
  parseMessage,
} from '../../utils/messages';
import {
  type FindMentions,
  findPageMentions,
  type PageMention,
  updatePageMentions,
} from '../../utils/page/annotate-page';
import { frameState } from '../../utils/page/frame-state';
import { clearFrameTimer, setFrameTimer } from '../../utils/page/frame-timer';
import { MentionTable } from '../../utils/page/hit-test';
import { HoverIntent } from '../../utils/page/hover-intent';
import { oneAtATime } from '../../utils/page/one-at-a-time';
import { publicationDate } from '../../utils/page/page-date';
import { canPaint, HighlightPainter, highlightName } from '../../utils/page/paint-highlights';
import { watchMutations } from '../../utils/page/watch-mutations';
import {
  CATEGORIES,
  type Category,
  categoryColorProperties,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../utils/settings';
import { CURATED_MATCH_PATTERNS, siteState } from '../../utils/sites';
import { LazyCard } from './lazy-card';

/** How long an unpinned card stays after the pointer leaves it, to allow reaching it (ms). */
const GRACE_MS = 300;
/**
 * The hover delay counts from the pointer event; hit-testing waits for the next frame, so the
 * event is normally a frame old. An older one (a busy page, an odd timestamp) counts as this old.
 */
const MAX_EVENT_AGE_MS = 50;
/**
 * The lens: highlights, cards, the page's answers to the popup. Injected by the background into a
 * frame whose scout saw text that may mention something, or into every frame of a tab where the
 * reader just switched the lens on.
 */
export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  registration: 'runtime',
  // See the scout: no postMessage announcing the script to the page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const frame = frameState();
    if (!canPaint() || !document.body || frame.lens) return;
    frame.lens = true;
    ctx.onInvalidated(() => delete frame.lens);
    let settings: Settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
    const painter = new HighlightPainter<PageMention>();
    const table = new MentionTable();
    /** Live while the lens runs here; aborted when it is turned off, or the extension goes away. */
    let controller = new AbortController();
    controller.abort();
    ctx.onInvalidated(() => controller.abort());
    /** Every mention found, before the reader's category and first-mention choices. */
    let found: PageMention[] = [];
    // Read at the first card, not at start: its selector queries cost milliseconds on a long page.
    let pageDate: string | undefined | null = null;
    const cardCache = new Map<string, Promise<CardData | null>>();
    const typeOf = new Map<string, EntityType>();

    const countOf = (id: string) => found.filter((mention) => mention.entities.includes(id)).length;
    const loadCardCode = () => {
      const message: LensMessage = { type: 'load-card' };
      return browser.runtime.sendMessage(message);
    };
    const card = new LazyCard(
      ctx,
      {
        fetchCard: (id) => {
          let pending = cardCache.get(id);
          if (!pending) {
            if (pageDate === null) pageDate = publicationDate(document);
            const request: LensMessage = { type: 'get-card', id, ...(pageDate ? { pageDate } : {}) };
            pending = browser.runtime.sendMessage(request) as Promise<CardData | null>;
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
        if (range) void card.show(mention.entities[0] as string, range, pinned);
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
    ctx.onInvalidated(() => {
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
      if (settings.mentions === 'all' && CATEGORIES.every((category) => settings.categories[category].enabled)) {
        return undefined;
      }
      const categoryShown = new Map<string, boolean>();
      const seen = new Set<string>();
      const firstOnly = settings.mentions === 'first';
      return (mention) => {
        const id = mention.entities[0] as string;
        let shown = categoryShown.get(id);
        if (shown === undefined) {
          const category = categoryOf(mention);
          shown = category !== undefined && settings.categories[category].enabled;
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
        CATEGORIES.map((category) => [category, highlightName(settings.style, settings.categories[category].color)]),
      );
      painter.replace(table.byBlock, (mention) => highlights.get(categoryOf(mention) as Category) as string);
      if (intent.current && !table.byBlock.get(intent.current.element)?.includes(intent.current)) intent.close();
    };
    const publish = (mentions: PageMention[]) => {
      found = mentions;
      paint();
      if (window === window.top) {
        const message: LensMessage = { type: 'page-mentions-changed', total: mentions.length };
        browser.runtime.sendMessage(message).catch(() => undefined);
      }
    };

    // Pointer: hit-test at most once per frame.
    let lastPointer: PointerEvent | undefined;
    let frameRequested = false;
    ctx.addEventListener(document, 'pointermove', (event) => {
      card.preload();
      lastPointer = event;
      if (frameRequested) return;
      frameRequested = true;
      ctx.requestAnimationFrame(() => {
        frameRequested = false;
        const pointer = lastPointer;
        if (!pointer || card.contains(pointer) || settings.trigger === 'click') return;
        const wanted = settings.trigger === 'hover' || pointer.altKey;
        const mention = wanted ? table.at(document, pointer.clientX, pointer.clientY) : undefined;
        intent.pointerOver(mention, Math.min(MAX_EVENT_AGE_MS, Math.max(0, performance.now() - pointer.timeStamp)));
      });
    });
    ctx.addEventListener(
      document,
      'click',
      (event) => {
        if (card.contains(event)) return intent.click(undefined, true);
        // A mention inside a link keeps its link: the click is the page's.
        const target = event.target as Element | null;
        const mention = target?.closest?.('a[href]') ? undefined : table.at(document, event.clientX, event.clientY);
        intent.click(mention, false);
      },
      { capture: true },
    );
    ctx.addEventListener(document, 'keydown', (event) => {
      if (event.key === 'Escape' && intent.current) intent.escape();
    });

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

    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      const message = parseMessage(raw);
      if (message?.type === 'get-page-mentions') {
        const counts = new Map<string, number>();
        for (const mention of found) {
          for (const id of mention.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        const reply: PageMentions = {
          url: location.href,
          mentions: [...counts].map(([id, count]) => ({ id, count })),
        };
        return Promise.resolve(reply);
      }
      if (message?.type === 'step-mention') stepTo(message.direction);
      if (message?.type === 'reveal-mention') {
        const first = found.find((mention) => mention.entities.includes(message.id));
        if (first) reveal(first);
        return Promise.resolve(first !== undefined);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The background matches; the page only reads its text and builds ranges.
    const find: FindMentions = async (texts, alreadyNamed) => {
      const request: LensMessage = {
        type: 'find-mentions',
        texts: [...texts],
        alreadyNamed: [...alreadyNamed],
        host: location.host,
      };
      const reply = (await browser.runtime.sendMessage(request)) as FoundMentions | undefined;
      if (!reply) throw new Error('The background did not answer find-mentions');
      for (const [id, type] of Object.entries(reply.types)) typeOf.set(id, type);
      return reply.mentions;
    };
    const rescanAll = async () => publish(await findPageMentions(document.body, find, controller.signal));
    const rescanChanged = async (changed: readonly Node[]) =>
      publish(await updatePageMentions(found, changed, find, controller.signal));
    // One scan at a time. A scan stops (rejects) when the lens is turned off or the extension
    // reloaded; anything else is a bug.
    const scans = oneAtATime((error) => console.error('China–Russia Lens:', error));
    const enqueue = (scan: () => Promise<void>) => scans(scan, controller.signal);
    // SPA navigations (history API) replace the article: look at the whole page again.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (!isRunning()) return;
      intent.close();
      enqueue(rescanAll);
    });

    const isRunning = () => !controller.signal.aborted;
    const start = () => {
      controller = new AbortController();
      // The scout's watch ends here; ours starts before our look, so no change falls between.
      frame.scout?.stop();
      watchMutations(
        document.body,
        (changed) => enqueue(() => (changed === 'all' ? rescanAll() : rescanChanged(changed))),
        { isOwn: (node) => card.isHost(node), signal: controller.signal },
      );
      enqueue(rescanAll);
    };
    const stop = () => {
      controller.abort();
      intent.close();
      publish([]);
    };
    // The reader's choices apply at once, in every open tab.
    const apply = (next: Settings) => {
      settings = next;
      intent.delayMs = next.hoverDelayMs;
      card.theme = next.theme;
      card.colors = categoryColorProperties(next.categories);
      const on = siteState(location.hostname, next) === 'on';
      if (on && !isRunning()) start();
      else if (!on && isRunning()) stop();
      else paint();
    };
    ctx.onInvalidated(watchSettings(apply));
    apply(settings);
  },
});
