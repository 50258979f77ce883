/**
 * Chromium performance traces: which main-thread tasks ran our content script's code, and for
 * how long. A trace names the script of every function call, so, unlike a heartbeat, it tells
 * our work from the page's own (used by the huge-page test and `npm run bench`).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** In a page's renderer, the only extension scripts are ours: the scout and the lens. */
const CONTENT_SCRIPTS = /^chrome-extension:\/\/[a-p]{32}\//;

/** Traces the page's renderer while `run` runs. */
export async function traceWhile(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  try {
    await run();
  } finally {
    await cdp.send('Tracing.end');
    await traced;
    await cdp.detach();
  }
  return events;
}

export interface OurTask {
  readonly start: number;
  readonly durationMs: number;
  /** The task evaluates the content script itself (compile and top-level code). */
  readonly isEvaluation: boolean;
  /** What the task spent its time on (events over 3 ms), for messages. */
  describe(): string;
}

/** Main-thread tasks that ran code of our content script, in time order (trace µs → ms). */
export function tasksOfOurs(events: readonly TraceEvent[]): OurTask[] {
  const ours = events.filter((event) => CONTENT_SCRIPTS.test(event.args?.data?.url ?? ''));
  const within = (task: TraceEvent, event: TraceEvent) =>
    event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0);
  return events
    .filter((task) => task.name === 'RunTask' && ours.some((event) => within(task, event)))
    .sort((a, b) => a.ts - b.ts)
    .map((task) => ({
      start: task.ts / 1000,
      durationMs: (task.dur ?? 0) / 1000,
      isEvaluation: ours.some((event) => within(task, event) && event.name === 'EvaluateScript'),
      describe: () =>
        `${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${events
          .filter((event) => event !== task && within(task, event) && (event.dur ?? 0) > 3000)
          .map((event) => `${event.name} ${((event.dur ?? 0) / 1000).toFixed(0)}`)
          .join(', ')}`,
    }));
}
