/**
 * The card, loaded at the first pointer movement or keyboard step rather than with the lens: its
 * code (Preact, Floating UI, the card's components) is over half of the lens, and a page that is
 * only read, never hovered, need not compile it. The background injects the card script into
 * the frame, which leaves its factory in the frame's content-script world for this to pick up.
 */
import { frameState } from '../../utils/page/frame-state';
import type { CardHost, CardHostCallbacks } from '../card/card-host';

type MakeCardHost = (callbacks: CardHostCallbacks) => CardHost;

/** Called by the card script. */
export function offerCardHost(make: MakeCardHost): void {
  frameState().cardHostFactory = make;
}

function offeredCardHost(): MakeCardHost | undefined {
  return frameState().cardHostFactory as MakeCardHost | undefined;
}

/** The card host's surface, usable before its code has arrived. */
export class LazyCard {
  private host: CardHost | undefined;
  private loading: Promise<CardHost> | undefined;
  /** Counts requests, so that one overtaken while the code loads (a hide) is not carried out. */
  private request = 0;
  private themeChoice: CardHost['theme'] = 'auto';
  private colorChoice: CardHost['colors'] = [];

  constructor(
    private readonly callbacks: CardHostCallbacks,
    /** Has the card script injected into this frame. */
    private readonly loadCode: () => Promise<unknown>,
  ) {}

  set theme(theme: CardHost['theme']) {
    this.themeChoice = theme;
    if (this.host) this.host.theme = theme;
  }

  set colors(colors: CardHost['colors']) {
    this.colorChoice = colors;
    if (this.host) this.host.colors = colors;
  }

  /** Starts loading the card's code, if it has not been. */
  preload(): void {
    // Called at every pointer movement: nothing to do once loading has begun.
    if (!this.host && !this.loading) void this.loaded();
  }

  contains(event: Event): boolean {
    return this.host?.contains(event) ?? false;
  }

  isHost(node: Node): boolean {
    return this.host?.isHost(node) ?? false;
  }

  async prepare(entityId: string, anchor: Range): Promise<void> {
    const request = ++this.request;
    const host = await this.loaded();
    if (host && request === this.request) await host.prepare(entityId, anchor);
  }

  discardPrepared(): void {
    this.request++;
    this.host?.discardPrepared();
  }

  async show(entityId: string, anchor: Range, pinned: boolean): Promise<void> {
    const request = ++this.request;
    const host = await this.loaded();
    if (host && request === this.request) await host.show(entityId, anchor, pinned);
  }

  hide(): void {
    this.request++;
    this.host?.hide();
  }

  /** The host, once its code is here; undefined (and logged) if it could not be loaded. */
  private loaded(): Promise<CardHost | undefined> {
    return this.load().catch((error: unknown) => {
      console.error('China–Russia Lens: the card did not load', error);
      return undefined;
    });
  }

  private load(): Promise<CardHost> {
    this.loading ??= (async () => {
      if (!offeredCardHost()) await this.loadCode();
      const make = offeredCardHost();
      if (!make) throw new Error('The card script left no card host');
      const host = make(this.callbacks);
      host.theme = this.themeChoice;
      host.colors = this.colorChoice;
      this.host = host;
      return host;
    })();
    // A failed load (the frame navigated away meanwhile) is tried again at the next hover.
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }
}
