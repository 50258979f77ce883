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
import type { CardData } from '../../utils/dataset/card-data';
import { resolveTheme } from '../../utils/settings';
import hostCss from './card-host.css?inline';

const HEADING_ID = 'lens-card-title';

export interface CardHostCallbacks {
  readonly fetchCard: (id: string) => Promise<CardData | null>;
  readonly mentionCount: (id: string) => number;
  readonly onPointerOnCard: (inside: boolean) => void;
  readonly onCloseRequest: () => void;
}

interface ShownCard {
  readonly entityId: string;
  readonly pinned: boolean;
}

function CardView({ shown, callbacks }: { shown: ShownCard; callbacks: CardHostCallbacks }) {
  const [trail, setTrail] = useState<string[]>([shown.entityId]);
  const [card, setCard] = useState<CardData | null | undefined>(undefined);
  const current = trail[trail.length - 1] as string;
  // Layout effects, not effects: Preact runs effects only after the next frame, and a card
  // prepared during the hover delay must be complete before the delay ends.
  useLayoutEffect(() => setTrail([shown.entityId]), [shown]);
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
  if (card === undefined) return <p class="status-line">Loading…</p>;
  if (card === null) return <p class="status-line">This entry is not in the dataset.</p>;
  return (
    <EntityCard
      card={card}
      headingId={HEADING_ID}
      mentionCount={callbacks.mentionCount(current)}
      onSelectEntity={(id) => setTrail([...trail, id])}
      onBack={trail.length > 1 ? () => setTrail(trail.slice(0, -1)) : undefined}
      onClose={callbacks.onCloseRequest}
    />
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
  private dialog: HTMLElement | undefined;
  private mounting: Promise<HTMLElement | undefined> | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private focusBefore: Element | null = null;
  private shown: ShownCard | undefined;
  /** The entity rendered out of sight while the hover delay runs. */
  private prepared: string | undefined;

  /** The reader's theme choice; 'auto' follows the page's own colours. */
  theme: 'auto' | 'light' | 'dark' = 'auto';
  /** Category accent colours, as CSS custom properties (`categoryColorProperties`). */
  colors: readonly (readonly [string, string])[] = [];

  constructor(private readonly callbacks: CardHostCallbacks) {}

  /** Is this event target part of the card? */
  contains(event: Event): boolean {
    return this.host !== undefined && event.composedPath().includes(this.host);
  }

  isHost(node: Node): boolean {
    return this.host !== undefined && (node === this.host || this.host.contains(node));
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
    dialog.classList.add('is-preparing');
    this.renderCard(dialog, { entityId, pinned: false }, anchor);
  }

  /** The pointer left before the delay ended: the prepared card goes (and its host with it). */
  discardPrepared(): void {
    if (this.shown || this.prepared === undefined) return;
    this.prepared = undefined;
    this.unmount();
  }

  /** Opens the card (revealing it if it was prepared for this entity). */
  async show(entityId: string, anchor: Range, pinned: boolean): Promise<void> {
    const wasPrepared = this.prepared === entityId;
    this.prepared = undefined;
    const dialog = await this.mount();
    if (!dialog) return;
    if (pinned && !this.shown?.pinned) this.focusBefore = document.activeElement;
    if (!wasPrepared || !dialog.classList.contains('is-preparing')) {
      this.renderCard(dialog, { entityId, pinned }, anchor);
    }
    dialog.classList.remove('is-preparing');
    this.shown = { entityId, pinned };
    if (pinned) dialog.focus({ preventScroll: true });
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
    render(<CardView shown={shown} callbacks={this.callbacks} />, dialog);
    if (!dialog.matches(':popover-open') && typeof dialog.showPopover === 'function') dialog.showPopover();
    this.place(anchor, dialog);
  }

  private unmount(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    if (this.dialog) render(null, this.dialog);
    this.host?.remove();
    this.host = undefined;
    this.dialog = undefined;
    this.mounting = undefined;
  }

  private place(anchor: Range, dialog: HTMLElement): void {
    this.stopAutoUpdate?.();
    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      // Scroll and resize of the mention's own scrolling ancestors move the card too.
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const update = () => {
      computePosition(reference, dialog, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              dialog.style.maxHeight = `${Math.max(160, Math.min(480, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        dialog.style.left = `${x}px`;
        dialog.style.top = `${y}px`;
      });
    };
    this.stopAutoUpdate = autoUpdate(reference, dialog, update);
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
    style.textContent = `${cardCss}\n${hostCss}`;
    const dialog = document.createElement('div');
    dialog.className = 'lens-card';
    dialog.dataset.theme = resolveTheme(this.theme, pageLooksDark);
    for (const [property, value] of this.colors) dialog.style.setProperty(property, value);
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-labelledby', HEADING_ID);
    dialog.setAttribute('popover', 'manual');
    dialog.tabIndex = -1;
    dialog.addEventListener('pointerenter', () => this.callbacks.onPointerOnCard(true));
    dialog.addEventListener('pointerleave', () => this.callbacks.onPointerOnCard(false));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.callbacks.onCloseRequest();
    });
    // Keys typed in the card must not trigger the page's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) {
      dialog.addEventListener(type, (event) => event.stopPropagation());
    }
    shadow.append(style, dialog);
    document.documentElement.append(host);
    this.host = host;
    this.dialog = dialog;
    return dialog;
  }
}
