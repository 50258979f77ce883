/**
 * Long work written as a generator that `yield`s at safe points, run in slices that give the
 * page its main thread back between them (the content script: no task over 50 ms). No browser
 * globals: the clock and the pause are passed in.
 */

export type Steps<T> = Generator<void, T, void>;

export interface SliceOptions {
  /** Work time per slice before pausing (ms). */
  readonly budgetMs: number;
  readonly now: () => number;
  /** Gives the main thread back (e.g. a zero-delay timer). */
  readonly pause: () => Promise<void>;
  readonly signal?: AbortSignal;
}

/**
 * Steps between looks at the clock: a step is short (a paragraph), and in a content script
 * reading the clock is a call into the browser that cost as much as a step.
 */
const STEPS_PER_CLOCK_READ = 16;

/** Runs the steps in slices; rejects with the signal's reason if it aborts between slices. */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions): Promise<T> {
  let sliceStart = options.now();
  for (let count = 1; ; count++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (count % STEPS_PER_CLOCK_READ === 0 && options.now() - sliceStart > options.budgetMs) {
      await options.pause();
      options.signal?.throwIfAborted();
      sliceStart = options.now();
    }
  }
}
