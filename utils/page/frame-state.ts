/**
 * What the scout and the lens share in a frame. Both are content scripts of this extension, so
 * they run in the frame's one content-script world and see the same global object (never the
 * page's): the scout leaves its first look there, and the lens takes it over.
 */
import type { EntityType } from '../dataset/schema';
import type { Mention } from '../matcher/matcher';
import type { TextSegment } from './scan-text';

/** The scout's first look at the page, when it found mentions: the lens starts from it. */
export interface FirstLook {
  readonly segments: readonly TextSegment[];
  readonly found: readonly (readonly Mention[])[];
  readonly types: Readonly<Record<string, EntityType>>;
}

/** What the scout hands the lens. */
interface Handover {
  /** Its look at the whole page, if that found mentions (otherwise the lens looks itself). */
  readonly firstLook: FirstLook | undefined;
  /** What changed on the page since (`all`: too much to list). */
  readonly changed: readonly Node[] | 'all';
}

interface Scout {
  /** Stops the scout (its page watcher, its answers to the popup) and hands over. */
  stop(): Handover;
}

export interface FrameState {
  /** The scout, while it watches the page. */
  scout?: Scout;
  /** Set once the lens runs here: a second copy (injected again) must not start. */
  lens?: true;
}

const FRAME_STATE = Symbol.for('china-russia-lens.frame');

export function frameState(): FrameState {
  const world = globalThis as { [FRAME_STATE]?: FrameState };
  world[FRAME_STATE] ??= {};
  return world[FRAME_STATE];
}
