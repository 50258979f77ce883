/**
 * Shows the entity card beside a mention: Preact in a closed shadow root (styles isolated both
 * ways; page script can neither read nor change what the card says), in the top layer
 * (`popover="manual"`, above any site header), placed with Floating UI against the mention's own
 * rects and kept there while the page scrolls. The host is a plain `div` with no name of ours (a
 * page cannot pre-define it, as it can a custom element name, nor spot it by name) and exists
 * only while a card is open or being prepared, so the page's DOM is otherwise untouched.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { EntityCard } from '../../components/EntityCard';
import cardCss from '../../components/entity-card.css?inline';
import chartCss from '../../components/series-chart.css?inline';
import type { CommandName } from '../../utils/commands';
import type { CardData } from '../../utils/dataset/card-data';
import type { UiLocale } from '../../utils/i18n/locale';
import { t } from '../../utils/i18n/t';
import { resolveTheme } from '../../utils/settings';
import hostCss from './card-host.css?inline';

const HEADING_ID = 'lens-card-title';
/** The card's height at most, and at least when squeezed (px); its margin from the viewport's edges. */
const MAX_CARD_HEIGHT = 480;
const MIN_CARD_HEIGHT = 160;
const VIEWPORT_MARGIN = 8;

export interface CardHostCallbacks {
  readonly fetchCard: (id: string) => Promise<CardData | null>;
  readonly mentionCount: (id: string) => number;
  /** The keys the keyboard commands have now (the reader may have changed them). */
  readonly fetchShortcuts: () => Promise<Readonly<Record<CommandName, string>>>;
  readonly onPointerOnCard: (inside: boolean) => void;
  readonly onCloseRequest: () => void;
  /** The language the lens asks cards in: the card says "Loading…" in it too. */
  readonly locale: () => UiLocale;
}

interface ShownCard {
  readonly entityId: string;
  readonly pinned: boolean;
}

interface CardViewProps extends ShownCard {
  readonly callbacks: CardHostCallbacks;
  /** Called once the card's content is known (the card, or that there is none), to place it. */
  readonly onContentReady: () => void;
}

function CardView({ entityId, pinned, callbacks, onContentReady }: CardViewProps) {
  const [trail, setTrail] = useState<string[]>([entityId]);
  const [card, setCard] = useState<CardData | null | undefined>(undefined);
  const current = trail[trail.length - 1] as string;
  // Layout effects, not effects: Preact runs effects only after the next frame, and a card
  // prepared during the hover delay must be complete before the delay ends.
  useLayoutEffect(() => {
    let live = true;
    setCard(undefined);
    callbacks.fetchCard(current).then(
      (data) => live && setCard(data),
      () => live && setCard(null),
    );
    return () => {
      live = false;
    };
  }, [current, callbacks]);
  useLayoutEffect(() => {
    if (card !== undefined) onContentReady();
  }, [card, onContentReady]);
  if (card === undefined) return <p class="status-line">{t(callbacks.locale(), 'card.loading')}</p>;
  if (card === null) return <p class="status-line">{t(callbacks.locale(), 'card.notFound')}</p>;
  return (
    <>
      {pinned && <PinnedBar callbacks={callbacks} locale={card.locale} />}
      <EntityCard
        card={card}
        headingId={HEADING_ID}
        mentionCount={callbacks.mentionCount(current)}
        onSelectEntity={(id) => setTrail([...trail, id])}
        onBack={trail.length > 1 ? () => setTrail(trail.slice(0, -1)) : undefined}
        onClose={callbacks.onCloseRequest}
      />
    </>
  );
}

/** What a pinned card says above its content: that it stays, and the keys that move on. */
function PinnedBar({ callbacks, locale }: { callbacks: CardHostCallbacks; locale: UiLocale }) {
  const [keys, setKeys] = useState<Readonly<Record<CommandName, string>> | undefined>(undefined);
  useLayoutEffect(() => {
    let live = true;
    callbacks.fetchShortcuts().then(
      (bound) => live && setKeys(bound),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [callbacks]);
  const step = (name: CommandName, label: string) =>
    keys?.[name] ? (
      <span>
        <kbd>{keys[name]}</kbd> {label}
      </span>
    ) : null;
  return (
    <p class="pinned-bar">
      <span class="pinned-label">{t(locale, 'card.pinned')}</span>
      <span>
        <kbd>Esc</kbd> {t(locale, 'card.escCloses')}
      </span>
      {step('next-mention', t(locale, 'card.nextKey'))}
      {step('previous-mention', t(locale, 'card.previousKey'))}
    </p>
  );
}

/** Is the page's own background dark? (The card follows the page it sits on.) */
function pageLooksDark(): boolean {
  for (const element of [document.body, document.documentElement]) {
    const match = getComputedStyle(element).backgroundColor.match(
      /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/,
    );
    if (!match || Number(match[4] ?? 1) < 0.5) continue;
    const [red, green, blue] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 100;
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}

export class CardHost {
  private host: HTMLElement | undefined;
  /** Every host this card has had. */
  private readonly hosts = new WeakSet<Node>();
  private dialog: HTMLElement | undefined;
  private mounting: Promise<HTMLElement | undefined> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private focusBefore: Element | null = null;
  private shown: ShownCard | undefined;
  /** The entity rendered out of sight while the hover delay runs. */
  private prepared: string | undefined;
  /** The card on screen has its content and its place (until then it is rendered out of sight). */
  private placed = false;
  /** Focus the card once it is placed (a pinned card; a hidden element cannot take focus). */
  private focusWhenPlaced = false;
  /** Counts cards rendered: each gets a fresh view (its own trail and data), a re-render keeps it. */
  private generation = 0;
  /** What the current card's view calls once its content is known. */
  private whenContentReady: () => void = () => undefined;

  private themeChoice: 'auto' | 'light' | 'dark' = 'auto';
  private colorProperties: readonly (readonly [string, string])[] = [];

  /** The reader's theme choice; 'auto' follows the page's own colours. A card on screen takes a new one at once. */
  set theme(theme: 'auto' | 'light' | 'dark') {
    this.themeChoice = theme;
    if (this.dialog) this.paintChoices(this.dialog);
  }
  /** Category accent colours, as CSS custom properties (`categoryColorProperties`); a card on screen takes new ones at once. */
  set colors(colors: readonly (readonly [string, string])[]) {
    this.colorProperties = colors;
    if (this.dialog) this.paintChoices(this.dialog);
  }

  constructor(private readonly callbacks: CardHostCallbacks) {}

  /** Is this event target part of the card? */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  /** Is this node our host, or in it (the host of a closed card too: its removal is ours)? */
  isHost(node: Node): boolean {
    return this.hosts.has(node) || (this.host?.contains(node) ?? false);
  }

  /**
   * Renders and places a card, hidden, while the hover delay runs, so that when the delay ends
   * `show` only has to reveal it and it paints in the next frame. Does nothing while a card shows.
   */
  async prepare(entityId: string, anchor: Range): Promise<void> {
    if (this.shown) return;
    this.prepared = entityId;
    const dialog = await this.mount();
    if (!dialog || this.shown || this.prepared !== entityId) return;
    this.renderCard(dialog, { entityId, pinned: false }, anchor);
  }

  /** The pointer left before the delay ended: the prepared card goes (and its host with it). */
  discardPrepared(): void {
    if (this.shown || this.prepared === undefined) return;
    this.prepared = undefined;
    this.unmount();
  }

  /**
   * Opens the card, in place of any card showing (revealing it if it was prepared for this
   * entity). The same entity's card, shown again pinned, keeps its content and only pins.
   */
  async show(entityId: string, anchor: Range, pinned: boolean): Promise<void> {
    const wasPrepared = this.prepared === entityId;
    const sameCard = this.shown?.entityId === entityId;
    this.prepared = undefined;
    const dialog = await this.mount();
    if (!dialog) return;
    if (pinned && !this.shown?.pinned) this.focusBefore = document.activeElement;
    const shown = { entityId, pinned };
    if (sameCard || wasPrepared) this.rerender(dialog, shown);
    else this.renderCard(dialog, shown, anchor);
    this.shown = shown;
    dialog.classList.toggle('is-pinned', pinned);
    this.focusWhenPlaced = pinned;
    this.reveal(dialog);
  }

  hide(): void {
    const hadFocus = this.shown?.pinned;
    this.shown = undefined;
    this.prepared = undefined;
    this.unmount();
    if (hadFocus && this.focusBefore instanceof HTMLElement && this.focusBefore.isConnected) {
      this.focusBefore.focus({ preventScroll: true });
    }
    this.focusBefore = null;
  }

  private renderCard(dialog: HTMLElement, shown: ShownCard, anchor: Range): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.placed = false;
    this.generation++;
    // Out of sight until placed; a new card starts at its top, not where the last was scrolled to.
    dialog.classList.add('is-hidden');
    dialog.scrollTop = 0;
    // Placed once its content is known: placed while it said "Loading…", a tall card was put
    // below its mention, where there was room for the short one, and squeezed there.
    this.rerender(dialog, shown, () => this.contentReady(dialog, anchor));
    if (!dialog.matches(':popover-open') && typeof dialog.showPopover === 'function') dialog.showPopover();
  }

  /** Renders the card's view (the same view, unless `renderCard` started a new one). */
  private rerender(dialog: HTMLElement, shown: ShownCard, onContentReady?: () => void): void {
    if (onContentReady) this.whenContentReady = onContentReady;
    render(
      <CardView
        key={this.generation}
        entityId={shown.entityId}
        pinned={shown.pinned}
        callbacks={this.callbacks}
        onContentReady={this.whenContentReady}
      />,
      dialog,
    );
  }

  /** The content is known: first time, place the card; later (a related entity), back to its top. */
  private contentReady(dialog: HTMLElement, anchor: Range): void {
    if (this.stopAutoUpdate) {
      dialog.scrollTop = 0;
      return;
    }
    this.place(anchor, dialog);
  }

  /** Shows the card if it is to be seen and has its place. */
  private reveal(dialog: HTMLElement): void {
    if (!this.shown || !this.placed) return;
    dialog.classList.remove('is-hidden');
    if (this.focusWhenPlaced) {
      this.focusWhenPlaced = false;
      dialog.focus({ preventScroll: true });
    }
  }

  private unmount(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.placed = false;
    this.focusWhenPlaced = false;
    if (this.dialog) render(null, this.dialog);
    this.host?.remove();
    this.host = undefined;
    this.dialog = undefined;
    this.mounting = undefined;
  }

  private place(anchor: Range, dialog: HTMLElement): void {
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      // Scroll and resize of the mention's own scrolling ancestors move the card too.
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const update = () => {
      // Measured at its natural height, not the height the last placement squeezed it to: with
      // that, `flip` found a squeezed card fitting below and never looked above.
      dialog.style.maxHeight = `${MAX_CARD_HEIGHT}px`;
      computePosition(reference, dialog, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          // Below if it fits, else above if it fits, else the side with more room.
          flip({ padding: VIEWPORT_MARGIN }),
          shift({ padding: VIEWPORT_MARGIN }),
          size({
            padding: VIEWPORT_MARGIN,
            apply({ availableHeight }) {
              dialog.style.maxHeight = `${Math.max(MIN_CARD_HEIGHT, Math.min(MAX_CARD_HEIGHT, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        dialog.style.left = `${x}px`;
        dialog.style.top = `${y}px`;
        if (this.dialog !== dialog || this.placed) return;
        this.placed = true;
        this.reveal(dialog);
      });
    };
    this.stopAutoUpdate = autoUpdate(reference, dialog, update);
  }

  /** The reader's theme and category colours, on the card. */
  private paintChoices(dialog: HTMLElement): void {
    dialog.dataset.theme = resolveTheme(this.themeChoice, pageLooksDark);
    for (const [property, value] of this.colorProperties) dialog.style.setProperty(property, value);
  }

  private mount(): Promise<HTMLElement | undefined> {
    this.mounting ??= Promise.resolve(this.createHost());
    return this.mounting;
  }

  private createHost(): HTMLElement {
    const host = document.createElement('div');
    // Closed: the page gets no `shadowRoot` to read or rewrite (only our reference reaches it).
    const shadow = host.attachShadow({ mode: 'closed' });
    // The page's CSS reaches the host element only: `all: initial` (important, inline) keeps the
    // page's rules for `div` from hiding or moving it. The card itself is in the top layer.
    host.setAttribute('style', 'all: initial !important;');
    const style = document.createElement('style');
    style.textContent = `${cardCss}\n${chartCss}\n${hostCss}`;
    const dialog = document.createElement('div');
    // Out of sight until it is shown and placed.
    dialog.className = 'lens-card is-hidden';
    this.paintChoices(dialog);
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-labelledby', HEADING_ID);
    dialog.setAttribute('popover', 'manual');
    dialog.tabIndex = -1;
    dialog.addEventListener('pointerenter', (event) => event.isTrusted && this.callbacks.onPointerOnCard(true));
    dialog.addEventListener('pointerleave', (event) => event.isTrusted && this.callbacks.onPointerOnCard(false));
    dialog.addEventListener('keydown', (event) => {
      if (event.isTrusted && event.key === 'Escape') this.callbacks.onCloseRequest();
    });
    // Keys typed in the card must not trigger the page's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      dialog.addEventListener(type, (event) => event.stopPropagation());
    }
    shadow.append(style, dialog);
    document.documentElement.append(host);
    this.hosts.add(host);
    this.host = host;
    this.dialog = dialog;
    return dialog;
  }
}
