/**
 * Shows the entity card beside a mention: Preact in a shadow root (styles isolated both ways),
 * in the top layer (`popover="manual"`, above any site header), placed with Floating UI
 * against the mention's own rects and kept there while the page scrolls. The host element
 * exists only while a card is open, so the page's DOM is otherwise untouched.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ContentScriptContext, createShadowRootUi, type ShadowRootContentScriptUi } from '#imports';
import { EntityCard } from '../../components/EntityCard';
import cardCss from '../../components/entity-card.css?inline';
import type { CardData } from '../../utils/dataset/card-data';
import hostCss from './card-host.css?inline';

export const CARD_HOST_NAME = 'china-russia-lens-card';
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
  useEffect(() => setTrail([shown.entityId]), [shown]);
  useEffect(() => {
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
  private ui: ShadowRootContentScriptUi<void> | undefined;
  private dialog: HTMLElement | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private focusBefore: Element | null = null;
  private shown: ShownCard | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly callbacks: CardHostCallbacks,
  ) {}

  prefetch(entityId: string): Promise<unknown> {
    return this.callbacks.fetchCard(entityId).catch(() => null);
  }

  /** Is this event target part of the card? */
  contains(event: Event): boolean {
    return this.ui !== undefined && event.composedPath().includes(this.ui.shadowHost);
  }

  isHost(node: Node): boolean {
    return this.ui !== undefined && (node === this.ui.shadowHost || this.ui.shadowHost.contains(node));
  }

  async show(entityId: string, anchor: Range, pinned: boolean): Promise<void> {
    const dialog = await this.ensureMounted();
    if (pinned && !this.shown?.pinned) this.focusBefore = document.activeElement;
    this.shown = { entityId, pinned };
    render(<CardView shown={this.shown} callbacks={this.callbacks} />, dialog);
    if (!dialog.matches(':popover-open') && typeof dialog.showPopover === 'function') dialog.showPopover();
    this.place(anchor, dialog);
    if (pinned) dialog.focus({ preventScroll: true });
  }

  hide(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    const hadFocus = this.shown?.pinned;
    this.shown = undefined;
    if (this.dialog) render(null, this.dialog);
    this.ui?.remove();
    this.ui = undefined;
    this.dialog = undefined;
    if (hadFocus && this.focusBefore instanceof HTMLElement && this.focusBefore.isConnected) {
      this.focusBefore.focus({ preventScroll: true });
    }
    this.focusBefore = null;
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

  private async ensureMounted(): Promise<HTMLElement> {
    if (this.ui && this.dialog) return this.dialog;
    const ui = await createShadowRootUi<void>(this.ctx, {
      name: CARD_HOST_NAME,
      position: 'inline',
      anchor: document.documentElement,
      append: 'last',
      css: `${cardCss}\n${hostCss}`,
      // Keys typed in the card must not trigger the page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: () => undefined,
    });
    ui.shadowHost.setAttribute('data-china-russia-lens', '');
    ui.mount();
    const dialog = document.createElement('div');
    dialog.className = pageLooksDark() ? 'lens-card theme-dark' : 'lens-card';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-labelledby', HEADING_ID);
    dialog.setAttribute('popover', 'manual');
    dialog.tabIndex = -1;
    dialog.addEventListener('pointerenter', () => this.callbacks.onPointerOnCard(true));
    dialog.addEventListener('pointerleave', () => this.callbacks.onPointerOnCard(false));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.callbacks.onCloseRequest();
    });
    ui.uiContainer.append(dialog);
    this.ui = ui;
    this.dialog = dialog;
    return dialog;
  }
}
