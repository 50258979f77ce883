/**
 * The one owner of the card's state: a state machine fed by the reader's pointer, buttons and
 * keys and by the page's changes, which tells the card what to do (prepare, show, hide). No DOM
 * here: timers are injected, so every transition is tested in Node
 * (tests/page/card-controller.test.ts).
 *
 *   idle ──pointer rests on a mention──▶ pending ──delay ends──▶ shown ──click / card clicked──▶ pinned
 *     ▲  ◀──pointer leaves, button pressed──┘                      │  ▲                           │
 *     │  ◀──grace ends (pointer off mention and card), Escape,─────┘  └─pointer onto another──┐    │
 *     │      button pressed, page navigated, mention gone             mention: its delay ends,│    │
 *     │                                                               the card switches ──────┘    │
 *     └──────── Escape, click elsewhere, page navigated, mention gone ─────────────────────────────┘
 *
 * A click or a keyboard step opens a mention's card pinned from any state. While a mouse button is
 * held nothing opens (the reader is selecting text), and the mention under the pointer when the
 * button is released stays quiet until the pointer leaves it.
 */

/** How long the pointer rests on a mention before its card opens, unless set otherwise (ms). */
export const DEFAULT_HOVER_DELAY_MS = 250;

/** What the card is asked to do. */
interface CardEffects<T> {
  /** Render the card for `target` out of sight while its delay runs (`undefined`: drop it). */
  readonly prepare: (target: T | undefined) => void;
  /** Show `target`'s card (in place of any card showing), pinned or not. */
  readonly show: (target: T, pinned: boolean) => void;
  readonly hide: () => void;
}

export interface CardControllerOptions<T> {
  /** How long the pointer rests on a mention before its card opens (ms). */
  readonly delayMs: number;
  /** How long an unpinned card stays after the pointer leaves it and its mention (ms). */
  readonly graceMs: number;
  readonly effects: CardEffects<T>;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export type CardState<T> =
  | { readonly kind: 'idle' }
  /** The pointer rests on `target`; its card opens when the delay ends. */
  | { readonly kind: 'pending'; readonly target: T }
  /**
   * `target`'s card shows on hover. `next`: the pointer rests on another mention, whose card
   * replaces this one when its delay ends. `leaving`: the grace period runs.
   */
  | { readonly kind: 'shown'; readonly target: T; readonly next?: T; readonly leaving: boolean }
  /** `target`'s card stays until Escape, a click elsewhere or a page change. */
  | { readonly kind: 'pinned'; readonly target: T };

/** One pointer position, hit-tested. */
export interface PointerInput<T> {
  /** The mention under the pointer (undefined: none, or hover is off). */
  readonly target: T | undefined;
  /** A mouse button is held (the reader drags or selects). */
  readonly buttonHeld: boolean;
  /** How long ago the move happened (ms): the delay counts from the move, not its handling. */
  readonly sinceEventMs?: number;
}

export class CardController<T> {
  private current: CardState<T> = { kind: 'idle' };
  private delayTimer: unknown;
  private graceTimer: unknown;
  private pointerOnCard = false;
  private pointerTarget: T | undefined;
  /** The mention under the pointer when a button was released: no card until it is left. */
  private quiet: T | undefined;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  /** The hover delay; the reader can change it while the page is open. */
  delayMs: number;

  constructor(private readonly options: CardControllerOptions<T>) {
    this.delayMs = options.delayMs;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get state(): CardState<T> {
    return this.current;
  }

  /** The mention whose card shows (pinned or not), if any. */
  get shownTarget(): T | undefined {
    const state = this.current;
    return state.kind === 'shown' || state.kind === 'pinned' ? state.target : undefined;
  }

  /** A trusted pointer move, hit-tested. */
  pointer({ target: hit, buttonHeld, sinceEventMs = 0 }: PointerInput<T>): void {
    if (hit !== this.quiet) this.quiet = undefined;
    // Nothing opens while a button is held, nor on the mention a selection ended on.
    const target = buttonHeld || hit === this.quiet ? undefined : hit;
    this.pointerTarget = target;
    const state = this.current;
    switch (state.kind) {
      case 'pinned':
        return;
      case 'idle':
      case 'pending':
        if (target === undefined) {
          this.toIdle();
          return;
        }
        if (state.kind === 'pending' && state.target === target) return;
        this.startDelay(target, sinceEventMs);
        this.current = { kind: 'pending', target };
        this.options.effects.prepare(target);
        return;
      case 'shown':
        if (target === state.target) {
          this.stopDelay();
          this.stopGrace();
          this.current = { kind: 'shown', target: state.target, leaving: false };
          return;
        }
        if (!this.pointerOnCard) this.startGrace();
        if (target === undefined) {
          this.stopDelay();
          this.current = { kind: 'shown', target: state.target, leaving: this.graceTimer !== undefined };
          return;
        }
        if (target !== state.next) this.startDelay(target, sinceEventMs);
        this.current = { kind: 'shown', target: state.target, next: target, leaving: this.graceTimer !== undefined };
        return;
    }
  }

  /** A mouse button went down outside the card: the reader clicks, drags or selects. */
  press(): void {
    if (this.current.kind !== 'pinned') this.toIdle();
  }

  /** The button was released; `target` is the mention under the pointer then. */
  release(target: T | undefined): void {
    this.quiet = target;
  }

  /** The pointer entered (true) or left (false) the card. */
  pointerOnCardChanged(inside: boolean): void {
    this.pointerOnCard = inside;
    const state = this.current;
    if (state.kind !== 'shown') return;
    if (inside) {
      this.stopDelay();
      this.stopGrace();
      this.current = { kind: 'shown', target: state.target, leaving: false };
    } else if (this.pointerTarget !== state.target) {
      this.startGrace();
      this.current = { ...state, leaving: true };
    }
  }

  /**
   * A trusted click: on a mention pins its card; on the card pins the card showing; anywhere else
   * closes it.
   */
  click(target: T | undefined, onCard: boolean): void {
    if (onCard) {
      const shown = this.shownTarget;
      if (shown !== undefined && this.current.kind !== 'pinned') this.pin(shown);
      return;
    }
    if (target !== undefined) this.pin(target);
    else this.close();
  }

  /** The keyboard's step to a mention: its card opens pinned (focus goes into it). */
  step(target: T): void {
    this.pin(target);
  }

  /** Escape, a navigation, a mention that left the page, the lens turned off. */
  close(): void {
    this.toIdle();
  }

  /** After a rescan: the card goes if its mention (or the one it waits for) is gone. */
  keepOnly(isStill: (target: T) => boolean): void {
    const state = this.current;
    if (state.kind === 'idle') return;
    if (!isStill(state.target)) {
      this.close();
      return;
    }
    if (state.kind === 'shown' && state.next !== undefined && !isStill(state.next)) {
      this.stopDelay();
      this.current = { kind: 'shown', target: state.target, leaving: state.leaving };
    }
  }

  private pin(target: T): void {
    this.stopDelay();
    this.stopGrace();
    this.current = { kind: 'pinned', target };
    this.options.effects.show(target, true);
  }

  private toIdle(): void {
    const state = this.current;
    this.stopDelay();
    this.stopGrace();
    this.current = { kind: 'idle' };
    if (state.kind === 'pending') this.options.effects.prepare(undefined);
    else if (state.kind !== 'idle') this.options.effects.hide();
  }

  private delayEnded(target: T): void {
    this.delayTimer = undefined;
    this.stopGrace();
    this.current = { kind: 'shown', target, leaving: false };
    this.options.effects.show(target, false);
  }

  private graceEnded(): void {
    this.graceTimer = undefined;
    const state = this.current;
    if (state.kind !== 'shown') return;
    this.options.effects.hide();
    // The mention the pointer moved on to keeps its wait (it was the bug of issue 18).
    if (state.next === undefined) {
      this.current = { kind: 'idle' };
      return;
    }
    this.current = { kind: 'pending', target: state.next };
    this.options.effects.prepare(state.next);
  }

  private startDelay(target: T, sinceEventMs: number): void {
    this.stopDelay();
    const wait = Math.max(0, this.delayMs - sinceEventMs);
    this.delayTimer = this.setTimer(() => this.delayEnded(target), wait);
  }

  private stopDelay(): void {
    if (this.delayTimer !== undefined) this.clearTimer(this.delayTimer);
    this.delayTimer = undefined;
  }

  private startGrace(): void {
    if (this.graceTimer !== undefined) return;
    this.graceTimer = this.setTimer(() => this.graceEnded(), this.options.graceMs);
  }

  private stopGrace(): void {
    if (this.graceTimer !== undefined) this.clearTimer(this.graceTimer);
    this.graceTimer = undefined;
  }
}
