/**
 * What the scout and the lens share in a frame. Both are content scripts of this extension, so
 * they run in the frame's one content-script world and see the same global object (never the
 * page's).
 */

export interface FrameState {
  /** The scout, while it watches the page for text that may mention something. */
  scout?: { stop(): void };
  /** Set once the lens runs here: a second copy (injected again) must not start. */
  lens?: true;
}

const FRAME_STATE = Symbol.for('china-russia-lens.frame');

export function frameState(): FrameState {
  const world = globalThis as { [FRAME_STATE]?: FrameState };
  world[FRAME_STATE] ??= {};
  return world[FRAME_STATE];
}
