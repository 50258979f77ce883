/**
 * Timers that fire at the start of an animation frame: the first frame that starts at or after
 * the due time. What such a timer changes is painted in that same frame, so a card whose hover
 * delay ends is on screen within one frame of it, whatever the phase of the delay and the display.
 */

interface FrameTimer {
  timeout: ReturnType<typeof setTimeout> | undefined;
  frame: number | undefined;
}

/** Frames are watched only over the last stretch before the due time. */
const WATCH_FRAMES_MS = 20;

export function setFrameTimer(callback: () => void, ms: number): FrameTimer {
  const due = performance.now() + ms;
  const timer: FrameTimer = { timeout: undefined, frame: undefined };
  const onFrame = (frameStart: number) => {
    if (frameStart >= due) callback();
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
