import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceWork, type Work } from '../../utils/page/coalesce-work';

describe('coalesceWork', async () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const node = (name: string) => ({ name }) as unknown as Node;

  function setup(scanMs: number) {
    const runs: { at: number; work: Work }[] = [];
    const controller = new AbortController();
    const request = coalesceWork({
      run: async (work) => {
        runs.push({ at: performance.now(), work });
        await new Promise((resolve) => setTimeout(resolve, scanMs));
      },
      onError: (error) => {
        throw error;
      },
      signal: controller.signal,
    });
    return { runs, request, controller };
  }

  it('a change every millisecond for 10 s is scanned within a second of each change, never more than 4 times a second', async () => {
    const { runs, request } = setup(20);
    const changed: number[] = [];
    for (let ms = 0; ms < 10_000; ms++) {
      request([node(`n${ms % 50}`)]);
      changed.push(performance.now());
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(2000);
    // Every change is picked up by a scan that starts less than a second after it.
    for (const at of changed) {
      const scan = runs.find((run) => run.at >= at);
      expect(scan, `a scan after the change at ${at}`).toBeDefined();
      expect((scan?.at ?? 0) - at).toBeLessThan(1000);
    }
    expect(runs.length).toBeLessThanOrEqual(10 * 4 + 1);
  });

  it('runs one scan at a time and waits after each at least four times its duration', async () => {
    const { runs, request } = setup(500);
    request('all');
    await vi.advanceTimersByTimeAsync(1);
    for (let ms = 0; ms < 10_000; ms += 10) {
      request([node('a')]);
      await vi.advanceTimersByTimeAsync(10);
    }
    const starts = runs.map((run) => run.at);
    for (let i = 1; i < starts.length; i++) {
      // 500 ms of scanning, then a gap of at least 2,000 ms.
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(2500);
    }
    expect(runs.length).toBeGreaterThanOrEqual(3);
  });

  it('merges changed nodes, and many of them into one whole-page scan', async () => {
    const { runs, request } = setup(1);
    const [a, b] = [node('a'), node('b')];
    request([a]);
    request([a, b]);
    await vi.advanceTimersByTimeAsync(200);
    expect(runs.map((run) => run.work)).toEqual([[a, b]]);
    request(Array.from({ length: 3000 }, (_, i) => node(`n${i}`)));
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs[1]?.work).toBe('all');
  });

  it('prunes pending nodes before taking many for the whole page', async () => {
    const runs: Work[] = [];
    const request = coalesceWork({
      run: async (work) => {
        runs.push(work);
      },
      onError: () => undefined,
      prune: (nodes) => [...nodes].filter((candidate) => (candidate as unknown as { name: string }).name === 'live'),
      signal: new AbortController().signal,
    });
    const live = node('live');
    for (let i = 0; i < 3000; i++) request([live, node(`detached ${i}`)]);
    await vi.advanceTimersByTimeAsync(1000);
    // One rescan of the changed nodes (those left since the last pruning), not of the whole page.
    expect(runs).toHaveLength(1);
    expect(runs[0]).not.toBe('all');
    expect(runs[0]).toContain(live);
  });

  it('does not hold the page’s first change back for the cost of the first look', async () => {
    const { runs, request } = setup(2000);
    request('all', true);
    await vi.advanceTimersByTimeAsync(2100);
    request([node('a')]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(2);
  });

  it('does nothing once its signal aborted', async () => {
    const { runs, request, controller } = setup(1);
    request([node('a')]);
    controller.abort();
    await vi.advanceTimersByTimeAsync(1000);
    request('all', true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual([]);
  });
});
