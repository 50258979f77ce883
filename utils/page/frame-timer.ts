/**
 * Timers that fire at the start of an animation frame: the frame that starts nearest the due
 * time, at most half a frame before it. What such a timer changes is painted in that same frame,
 * so a card whose hover delay ends is on screen within half a frame of it, whatever the phase of
 * the delay and the display. (The first frame at or after the due time would be up to a whole
 * frame late, and a delay that is a whole number of frames, like 250 ms at 60 Hz, ends right at
 * a frame's start: a hair after it, and the card waited a whole frame.)
 */

interface FrameTimer {
  timeout: ReturnType<typeof setTimeout> | undefined;
  frame: number | undefined;
}

/** Frames are watched only over the last stretch before the due time. */
const WATCH_FRAMES_MS = 20;
/** A frame's length until two frames have been seen (60 Hz). */
const DEFAULT_FRAME_MS = 1000 / 60;

export function setFrameTimer(callback: () => void, ms: number): FrameTimer {
  const due = performance.now() + ms;
  const timer: FrameTimer = { timeout: undefined, frame: undefined };
  let previousStart: number | undefined;
  const onFrame = (frameStart: number) => {
    const frameMs = previousStart === undefined ? DEFAULT_FRAME_MS : frameStart - previousStart;
    previousStart = frameStart;
    if (frameStart >= due - frameMs / 2) callback();
    else timer.frame = requestAnimationFrame(onFrame);
  };
  timer.timeout = setTimeout(
    () => {
      timer.frame = requestAnimationFrame(onFrame);
    },
    Math.max(0, ms - WATCH_FRAMES_MS),
  );
  return timer;
}

export function clearFrameTimer(timer: unknown): void {
  const { timeout, frame } = timer as FrameTimer;
  if (timeout !== undefined) clearTimeout(timeout);
  if (frame !== undefined) cancelAnimationFrame(frame);
}
