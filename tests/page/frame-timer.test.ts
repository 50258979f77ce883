import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearFrameTimer, setFrameTimer } from '../../utils/page/frame-timer';

describe('frame timers', () => {
  beforeEach(() => {
    // Node has no animation frames: give it placeholders for the fake clock to replace.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  // The fake clock's frames start every 16 ms: of 240 and 256, 256 is nearer to 250 and 240
  // (less than half a frame early) nearer to 245.
  it.each([
    [250, 256],
    [245, 240],
  ])('fire in the frame that starts nearest the due time (%i ms: at %i)', (due, frame) => {
    const fired: number[] = [];
    setFrameTimer(() => fired.push(performance.now()), due);
    vi.advanceTimersByTime(frame - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(fired).toEqual([frame]);
  });

  it('can be cleared while waiting and while watching frames', () => {
    const fired: string[] = [];
    const early = setFrameTimer(() => fired.push('early'), 250);
    const late = setFrameTimer(() => fired.push('late'), 250);
    vi.advanceTimersByTime(100);
    clearFrameTimer(early);
    vi.advanceTimersByTime(140);
    clearFrameTimer(late);
    vi.advanceTimersByTime(500);
    expect(fired).toEqual([]);
  });
});
