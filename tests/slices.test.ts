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
  it('pauses whenever a slice used up its budget, and resumes where it was', async () => {
    const log: string[] = [];
    let clock = 0;
    const result = await runInSlices(countTo(5, log), {
      budgetMs: 2,
      now: () => clock++,
      pause: async () => {
        log.push('pause');
      },
    });
    expect(result).toBe(15);
    expect(log.filter((entry) => entry === 'pause').length).toBeGreaterThanOrEqual(1);
    expect(log.filter((entry) => entry.startsWith('step'))).toEqual(['step 1', 'step 2', 'step 3', 'step 4', 'step 5']);
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
