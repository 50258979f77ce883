import { browser, defineContentScript } from '#imports';
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
import { clearFrameTimer, setFrameTimer } from '../../utils/page/frame-timer';
import { MentionTable } from '../../utils/page/hit-test';
import { DEFAULT_HOVER_DELAY_MS, HoverIntent } from '../../utils/page/hover-intent';
import { publicationDate } from '../../utils/page/page-date';
import { canPaint, HighlightPainter, type PaintedMention } from '../../utils/page/paint-highlights';
import { watchMutations } from '../../utils/page/watch-mutations';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';
import { CardHost } from './card-host';
import './highlights.css';

/** How long an unpinned card stays after the pointer leaves it, to allow reaching it (ms). */
const GRACE_MS = 300;
/**
 * The hover delay counts from the pointer event; hit-testing waits for the next frame, so the
 * event is normally a frame old. An older one (a busy page, an odd timestamp) counts as this old.
 */
const MAX_EVENT_AGE_MS = 50;

export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    if (!canPaint() || !document.body) return;
    const painter = new HighlightPainter();
    const table = new MentionTable();
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const pageDate = publicationDate(document);
    const cardCache = new Map<string, Promise<CardData | null>>();
    const typeOf = new Map<string, EntityType>();

    const countOf = (id: string) => table.all.filter((mention) => mention.entities.includes(id)).length;
    const card = new CardHost(ctx, {
      fetchCard: (id) => {
        let pending = cardCache.get(id);
        if (!pending) {
          const request: LensMessage = { type: 'get-card', id, ...(pageDate ? { pageDate } : {}) };
          pending = browser.runtime.sendMessage(request) as Promise<CardData | null>;
          cardCache.set(id, pending);
        }
        return pending;
      },
      mentionCount: countOf,
      onPointerOnCard: (inside) => intent.pointerOnCardChanged(inside),
      onCloseRequest: () => intent.close(),
    });
    const intent = new HoverIntent<PageMention>({
      delayMs: DEFAULT_HOVER_DELAY_MS,
      graceMs: GRACE_MS,
      onOpen: (mention, pinned) => void card.show(mention.entities[0] as string, mention.range, pinned),
      onClose: () => card.hide(),
      // The card is revealed at the start of a frame, so it paints within a frame of the delay.
      setTimer: setFrameTimer,
      clearTimer: clearFrameTimer,
      onPendingChange: (mention) => {
        if (mention) void card.prepare(mention.entities[0] as string, mention.range);
        else card.discardPrepared();
      },
    });
    ctx.onInvalidated(() => {
      intent.close();
      painter.clear();
    });

    const publish = (mentions: PageMention[]) => {
      table.replace(mentions);
      painter.replace(
        mentions.flatMap((mention): PaintedMention[] => {
          const type = typeOf.get(mention.entities[0] as string);
          return type ? [{ range: mention.range, type, element: mention.element }] : [];
        }),
      );
      if (intent.current && !mentions.includes(intent.current)) intent.close();
      if (window === window.top) {
        const message: LensMessage = { type: 'page-mentions-changed', total: mentions.length };
        browser.runtime.sendMessage(message).catch(() => undefined);
      }
    };

    // Pointer: hit-test at most once per frame.
    let lastPointer: PointerEvent | undefined;
    let frameRequested = false;
    ctx.addEventListener(document, 'pointermove', (event) => {
      lastPointer = event;
      if (frameRequested) return;
      frameRequested = true;
      ctx.requestAnimationFrame(() => {
        frameRequested = false;
        const pointer = lastPointer;
        if (!pointer || card.contains(pointer)) return;
        const mention = table.at(document, pointer.clientX, pointer.clientY);
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
      const next = all[(at + direction + all.length) % all.length] as PageMention;
      next.element.scrollIntoView({ block: 'center', behavior: 'instant' });
      intent.openPinned(next);
    };

    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      const message = parseMessage(raw);
      if (message?.type === 'get-page-mentions') {
        const counts = new Map<string, number>();
        for (const mention of table.all) {
          for (const id of mention.entities) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        const reply: PageMentions = {
          url: location.href,
          mentions: [...counts].map(([id, count]) => ({ id, count })),
        };
        return Promise.resolve(reply);
      }
      if (message?.type === 'step-mention') stepTo(message.direction);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The background matches; the page only reads its text and builds ranges.
    const find: FindMentions = async (texts, alreadyNamed) => {
      const request: LensMessage = { type: 'find-mentions', texts: [...texts], alreadyNamed: [...alreadyNamed] };
      const reply = (await browser.runtime.sendMessage(request)) as FoundMentions | undefined;
      if (!reply) throw new Error('The background did not answer find-mentions');
      for (const [id, type] of Object.entries(reply.types)) typeOf.set(id, type);
      return reply.mentions;
    };
    const rescanAll = async () => publish(await findPageMentions(document.body, find, controller.signal));
    const rescanChanged = async (changed: readonly Node[]) =>
      publish(await updatePageMentions(table.all, changed, find, controller.signal));
    // One scan at a time; changes that arrive meanwhile are merged into the next. A scan stops
    // (rejects) when the extension is reloaded or removed; anything else is a bug worth seeing.
    let queue = Promise.resolve();
    const enqueue = (scan: () => Promise<void>) => {
      queue = queue.then(scan).catch((error: unknown) => {
        if (!controller.signal.aborted) console.error('China–Russia Lens:', error);
      });
      return queue;
    };
    await enqueue(rescanAll);
    watchMutations(
      document.body,
      (changed) => void enqueue(() => (changed === 'all' ? rescanAll() : rescanChanged(changed))),
      { isOwn: (node) => card.isHost(node), signal: controller.signal },
    );
    // SPA navigations (history API) replace the article: look at the whole page again.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      intent.close();
      void enqueue(rescanAll);
    });
  },
});
