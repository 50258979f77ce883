/**
 * When to open and close the card, from pointer and key events: hover intent (open only after
 * the pointer rests on a mention), a grace period to move into the card, click to pin, Escape
 * or a click elsewhere to close. No DOM here: timers are injected, so it is tested in Node.
 */

/** How long the pointer rests on a mention before its card opens, unless set otherwise (ms). */
export const DEFAULT_HOVER_DELAY_MS = 250;

export interface HoverIntentOptions<T> {
  /** How long the pointer rests on a mention before its card opens (ms). */
  readonly delayMs: number;
  /** How long an unpinned card stays after the pointer leaves, to allow moving into it (ms). */
  readonly graceMs: number;
  readonly onOpen: (target: T, pinned: boolean) => void;
  readonly onClose: () => void;
  /**
   * The mention the pointer now rests on, waiting for the delay (undefined: none any more).
   * Lets the card be prepared out of sight, so it only has to be revealed when the delay ends.
   */
  readonly onPendingChange?: (target: T | undefined) => void;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export class HoverIntent<T> {
  private openTarget: T | undefined;
  private isPinned = false;
  private pendingTarget: T | undefined;
  private pendingTimer: unknown;
  private closeTimer: unknown;
  private pointerOnCard = false;
  private pointerTarget: T | undefined;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  /** The hover delay; the reader can change it while the page is open. */
  delayMs: number;

  constructor(private readonly options: HoverIntentOptions<T>) {
    this.delayMs = options.delayMs;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  get current(): T | undefined {
    return this.openTarget;
  }

  get pinned(): boolean {
    return this.isPinned;
  }

  /**
   * The mention under the pointer now (undefined: none). Call on every pointer move;
   * `sinceEventMs` is how long ago the move happened, so the delay counts from the move
   * itself and not from when it was handled (hit-testing waits for the next frame).
   */
  pointerOver(target: T | undefined, sinceEventMs = 0): void {
    this.pointerTarget = target;
    if (this.isPinned) return;
    if (target !== undefined && target === this.openTarget) {
      this.dropPending();
      this.cancelClose();
      return;
    }
    if (target !== this.pendingTarget) {
      this.cancelPending();
      if (target !== undefined) {
        this.pendingTarget = target;
        const wait = Math.max(0, this.delayMs - sinceEventMs);
        this.pendingTimer = this.setTimer(() => this.open(target, false), wait);
      }
      this.options.onPendingChange?.(target);
    }
    if (this.openTarget !== undefined && !this.pointerOnCard) this.scheduleClose();
  }

  /** The pointer entered (true) or left (false) the card. */
  pointerOnCardChanged(inside: boolean): void {
    this.pointerOnCard = inside;
    if (inside) this.cancelClose();
    else if (this.openTarget !== undefined && !this.isPinned && this.pointerTarget !== this.openTarget)
      this.scheduleClose();
  }

  /** A click: on a mention pins its card; anywhere else but the card closes it. */
  click(target: T | undefined, onCard: boolean): void {
    if (onCard) return;
    if (target !== undefined) this.open(target, true);
    else this.close();
  }

  /** Keyboard: open a mention's card pinned at once (focus goes into it). */
  openPinned(target: T): void {
    this.open(target, true);
  }

  escape(): void {
    this.close();
  }

  close(): void {
    this.dropPending();
    this.cancelClose();
    if (this.openTarget === undefined) return;
    this.openTarget = undefined;
    this.isPinned = false;
    this.options.onClose();
  }

  private open(target: T, pinned: boolean): void {
    this.cancelPending();
    this.cancelClose();
    this.openTarget = target;
    this.isPinned = pinned;
    this.options.onOpen(target, pinned);
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = this.setTimer(() => {
      this.closeTimer = undefined;
      this.close();
    }, this.options.graceMs);
  }

  /** Stops waiting for a mention and says so (the prepared card is not needed any more). */
  private dropPending(): void {
    if (this.pendingTarget === undefined) return;
    this.cancelPending();
    this.options.onPendingChange?.(undefined);
  }

  private cancelPending(): void {
    if (this.pendingTimer !== undefined) this.clearTimer(this.pendingTimer);
    this.pendingTimer = undefined;
    this.pendingTarget = undefined;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) this.clearTimer(this.closeTimer);
    this.closeTimer = undefined;
  }
}
