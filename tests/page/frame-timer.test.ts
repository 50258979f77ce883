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

  it('fire in the frame that starts nearest the due time', () => {
    // The fake clock's frames start every 16 ms: at 240 and 256, 256 is nearer to 250.
    const fired: number[] = [];
    setFrameTimer(() => fired.push(performance.now()), 250);
    vi.advanceTimersByTime(249);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(fired).toEqual([256]);
  });

  it('fire in a frame that starts less than half a frame before the due time', () => {
    // Frames at 240 and 256: 240 is nearer to 245.
    const fired: number[] = [];
    setFrameTimer(() => fired.push(performance.now()), 245);
    vi.advanceTimersByTime(239);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(fired).toEqual([240]);
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
