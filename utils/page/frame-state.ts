/**
 * What the scout, the lens and the card script share in a frame. All are content scripts of this extension, so
 * they run in the frame's one content-script world and see the same global object (never the
 * page's).
 */

export interface FrameState {
  /** The scout, while it watches the page for text that may mention something. */
  scout?: { stop(): void };
  /** Set once the lens runs here: a second copy (injected again) must not start. */
  lens?: true;
  /** Left by the card script for the lens (typed where it is used: lens.content/lazy-card.ts). */
  cardHostFactory?: unknown;
}

const FRAME_STATE = Symbol.for('china-russia-lens.frame');

export function frameState(): FrameState {
  const world = globalThis as { [FRAME_STATE]?: FrameState };
  world[FRAME_STATE] ??= {};
  return world[FRAME_STATE];
}
