import { describe, expect, it } from 'vitest';
import { runInSlices, type Steps } from '../utils/slices';

function* countTo(n: number, log: string[]): Steps<number> {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += i;
    log.push(`step ${i}`);
    yield;
  }
  return sum;
}

describe('slices', () => {
  it('pauses soon after a slice used up its budget, and resumes where it was', async () => {
    // Each step takes 1 ms of a fake clock.
    let clock = 0;
    const log: string[] = [];
    function* timedSteps(n: number): Steps<number> {
      let sum = 0;
      for (let i = 1; i <= n; i++) {
        clock++;
        sum += i;
        log.push(`step ${i}`);
        yield;
      }
      return sum;
    }
    const result = await runInSlices(timedSteps(200), {
      budgetMs: 20,
      now: () => clock,
      pause: async () => {
        log.push('pause');
      },
    });
    expect(result).toBe((200 * 201) / 2);
    expect(log.filter((entry) => entry.startsWith('step'))).toEqual(
      Array.from({ length: 200 }, (_, index) => `step ${index + 1}`),
    );
    // Slices between pauses: over the budget, but by less than the steps between clock reads.
    const slices = log
      .join(',')
      .split('pause')
      .map((slice) => slice.split('step').length - 1);
    expect(slices.length).toBeGreaterThan(1);
    for (const steps of slices.slice(0, -1)) {
      expect(steps).toBeGreaterThan(20);
      expect(steps).toBeLessThanOrEqual(20 + 16);
    }
  });

  it('stops at the next pause once aborted', async () => {
    const controller = new AbortController();
    let clock = 0;
    const run = runInSlices(countTo(100, []), {
      budgetMs: 0,
      now: () => clock++,
      pause: async () => controller.abort(new Error('page left')),
      signal: controller.signal,
    });
    await expect(run).rejects.toThrow('page left');
  });
});
