import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../utils/page/one-at-a-time';

describe('oneAtATime', () => {
  it('runs jobs one after another and reports failures only of jobs not stopped on purpose', async () => {
    const errors: unknown[] = [];
    const run = oneAtATime((error) => errors.push(error));
    const log: string[] = [];
    const live = new AbortController();
    const stopped = new AbortController();
    stopped.abort();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    run(async () => {
      log.push('first starts');
      await held;
      log.push('first ends');
    }, live.signal);
    run(async () => {
      log.push('second');
      throw new Error('a bug');
    }, live.signal);
    run(async () => {
      throw new Error('stopped');
    }, stopped.signal);
    let done = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    run(async () => done(), live.signal);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(log).toEqual(['first starts']);
    release();
    await finished;
    expect(log).toEqual(['first starts', 'first ends', 'second']);
    expect(errors.map((error) => (error as Error).message)).toEqual(['a bug']);
  });
});
