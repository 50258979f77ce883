/**
 * The lens's cards: the reader's pointer (hit-tested once a frame), buttons and clicks feed the
 * card controller (utils/page/card-controller.ts), whose decisions the card (loaded lazily) carries
 * out. Only the reader's own input counts: a page can dispatch pointer and click events of its
 * own (`isTrusted` false) to steer the lens.
 */
import { browser } from '#imports';
import type { CardData } from '../../utils/dataset/card-data';
import { chooseLocale, type UiLocale } from '../../utils/i18n/locale';
import { type Message, sendRequest } from '../../utils/messages';
import type { PageMention } from '../../utils/page/annotate-page';
import { CardController } from '../../utils/page/card-controller';
import { clearFrameTimer, setFrameTimer } from '../../utils/page/frame-timer';
import { publicationDate } from '../../utils/page/page-date';
import { pageLanguage } from '../../utils/page/page-language';
import { hasBox } from '../../utils/page/visibility';
import { categoryColorProperties, type Settings } from '../../utils/settings';
import type { Highlights } from './highlights';
import { LazyCard } from './lazy-card';

/** How long an unpinned card stays after the pointer leaves it, to allow reaching it (ms). */
const GRACE_MS = 300;
/**
 * The hover delay counts from the pointer event; hit-testing waits for the next frame, so the
 * event is normally a frame old. An older one (a busy page, an odd timestamp) counts as this old.
 */
const MAX_EVENT_AGE_MS = 50;

const toBackground = (message: Message) => browser.runtime.sendMessage(message);

export class Cards {
  private readonly card: LazyCard;
  private readonly controller: CardController<PageMention>;
  private readonly cache = new Map<string, Promise<CardData | null>>();
  // Read at the first card, not at start: its selector queries cost milliseconds on a long page.
  private pageDate: string | undefined | null = null;
  /** The page's language (read at the first card too); the cards speak it unless the reader chose one. */
  private pageLocale: UiLocale | null = null;
  /** The language the cached cards were asked in. */
  private language: Settings['language'];

  constructor(
    private readonly highlights: Highlights,
    private readonly settings: () => Settings,
  ) {
    this.language = settings().language;
    this.card = new LazyCard(
      {
        fetchCard: (id) => this.fetchCard(id),
        mentionCount: (id) => highlights.found.filter((mention) => mention.entities.includes(id)).length,
        fetchShortcuts: () => sendRequest(toBackground, 'get-shortcuts', {}),
        locale: () => this.cardLocale(),
        onPointerOnCard: (inside) => this.controller.pointerOnCardChanged(inside),
        onCloseRequest: () => this.controller.close(),
      },
      () => sendRequest(toBackground, 'load-card', {}),
    );
    this.controller = new CardController<PageMention>({
      delayMs: settings().hoverDelayMs,
      graceMs: GRACE_MS,
      // The card is revealed at the start of a frame, so it paints within a frame of the delay.
      setTimer: setFrameTimer,
      clearTimer: clearFrameTimer,
      effects: {
        prepare: (mention) => {
          const range = mention?.range;
          if (mention && range) void this.card.prepare(mention.entities[0] as string, range);
          else this.card.discardPrepared();
        },
        show: (mention, pinned) => {
          const range = mention.range;
          // Hidden text has no box: a card placed against it would sit at the window's corner.
          if (range && hasBox(range)) void this.card.show(mention.entities[0] as string, range, pinned);
          else this.controller.close();
        },
        hide: () => this.card.hide(),
      },
    });
  }

  /** The mention whose card shows, if any. */
  get current(): PageMention | undefined {
    return this.controller.shownTarget;
  }

  /** Is this node the card's (its host)? Its changes are not the page's. */
  isOwn(node: Node): boolean {
    return this.card.isHost(node);
  }

  /** The reader's choices: delay, theme, colours. */
  apply(settings: Settings): void {
    // Cards are written in the chosen language: a new choice needs new cards.
    if (settings.language !== this.language) this.cache.clear();
    this.language = settings.language;
    this.controller.delayMs = settings.hoverDelayMs;
    this.card.theme = settings.theme;
    this.card.colors = categoryColorProperties(settings.categories);
  }

  /** Scrolls to a mention and opens its card, pinned, with focus (keyboard, popup). */
  reveal(mention: PageMention): void {
    // The mention's own element, not its whole block: a long block's centre may be far from it.
    const target = mention.range?.startContainer.parentElement ?? mention.element;
    target.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.card.preload();
    this.controller.step(mention);
  }

  /** After a repaint: a card whose mention the reader no longer sees goes. */
  keepShown(): void {
    this.controller.keepOnly((mention) => this.highlights.isShown(mention));
  }

  close(): void {
    this.controller.close();
  }

  /** A navigation: the card closes, and the article's date (cards rank deals by it) is read again. */
  forgetPage(): void {
    this.controller.close();
    this.pageDate = null;
    this.pageLocale = null;
    this.cache.clear();
  }

  /** Listens to the reader's pointer and clicks until `signal` aborts. */
  listen(signal: AbortSignal): void {
    const table = this.highlights.table;
    const at = (event: MouseEvent) => table.at(document, event.clientX, event.clientY);
    let lastPointer: PointerEvent | undefined;
    let frameRequested = false;
    // Hit-testing at most once per frame.
    const onFrame = () => {
      frameRequested = false;
      const pointer = lastPointer;
      const { trigger } = this.settings();
      if (signal.aborted || !pointer || this.card.contains(pointer) || trigger === 'click') return;
      const wanted = trigger === 'hover' || pointer.altKey;
      this.controller.pointer({
        target: wanted ? at(pointer) : undefined,
        buttonHeld: pointer.buttons !== 0,
        sinceEventMs: Math.min(MAX_EVENT_AGE_MS, Math.max(0, performance.now() - pointer.timeStamp)),
      });
    };
    const options = { capture: true, signal };
    document.addEventListener(
      'pointermove',
      (event) => {
        if (!event.isTrusted) return;
        this.card.preload();
        lastPointer = event;
        if (frameRequested) return;
        frameRequested = true;
        requestAnimationFrame(onFrame);
      },
      options,
    );
    // A button held means the reader clicks, drags or selects: no hover card meanwhile.
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (event.isTrusted && !this.card.contains(event)) this.controller.press();
      },
      options,
    );
    document.addEventListener(
      'pointerup',
      (event) => {
        if (event.isTrusted && !this.card.contains(event)) this.controller.release(at(event));
      },
      options,
    );
    document.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted) return;
        if (this.card.contains(event)) return this.controller.click(undefined, true);
        // The end of a text selection (a drag) is no click on a mention.
        if (document.getSelection()?.isCollapsed === false) return;
        // A mention inside a link keeps its link: the click is the page's.
        const target = event.target as Element | null;
        this.controller.click(target?.closest?.('a[href]') ? undefined : at(event), false);
      },
      options,
    );
  }

  /** The cards' language: the reader's choice, else the page's (read at the first card). */
  private cardLocale(): UiLocale {
    this.pageLocale ??= pageLanguage(document.documentElement.lang, languageSample(this.highlights.found));
    return chooseLocale(this.settings().language, this.pageLocale);
  }

  private fetchCard(id: string): Promise<CardData | null> {
    let pending = this.cache.get(id);
    if (!pending) {
      if (this.pageDate === null) this.pageDate = publicationDate(document);
      pending = sendRequest(toBackground, 'get-card', {
        id,
        locale: this.cardLocale(),
        ...(this.pageDate ? { pageDate: this.pageDate } : {}),
      });
      this.cache.set(id, pending);
    }
    return pending;
  }
}

/** Text to tell the page's script by: its title and the blocks of its first mentions (cheap to read). */
function languageSample(mentions: readonly PageMention[]): string {
  const blocks = new Set(mentions.slice(0, 20).map((mention) => mention.element));
  return [document.title, ...[...blocks].map((block) => block.textContent ?? '')].join('\n');
}
