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

  it('fire in the first frame that starts at or after the due time, not before', () => {
    const fired: number[] = [];
    setFrameTimer(() => fired.push(performance.now()), 250);
    vi.advanceTimersByTime(249);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(250);
    expect(fired[0]).toBeLessThanOrEqual(250 + 16);
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
