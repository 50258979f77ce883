/**
 * Chromium performance traces: which main-thread tasks ran our content scripts' code, and for how
 * long. Unlike a heartbeat, a trace tells our work from the page's own. A task is ours when an
 * event in it names one of our scripts (evaluation, a callback, a compile) or when the trace's
 * sampling profiler caught our code on the stack in it: a continuation after an `await` runs in a
 * microtask that no event names, and it can be the longest part of our work. Used by the
 * huge-page test and `npm run bench`.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): `dur` less the time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: {
    data?: {
      url?: string;
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/**
 * In a page's renderer, the extension scripts are ours (the scout, the lens and the card) and
 * the test-only probe's (harness/probe/: probe.js, probe-main.js, axe.min.js), which are not.
 */
const CONTENT_SCRIPTS = /^chrome-extension:\/\/[a-p]{32}\/(?!probe|axe)/;
/** Blink's work for intersection observers, done in the rendering task, not in a task of ours. */
const INTERSECTIONS = 'IntersectionObserverController::computeIntersections';

/** Traces the page's renderer while `run` runs, with the sampling profiler on. */
export async function traceWhile(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories:
      'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,disabled-by-default-v8.cpu_profiler',
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
  /** Wall time. */
  readonly durationMs: number;
  /** The main thread's CPU time in it. */
  readonly cpuMs: number;
  /** The task evaluates a content script (compile and top-level code). */
  readonly isEvaluation: boolean;
  /** What the task spent its time on (events over 3 ms), for messages. */
  describe(): string;
}

const msOf = (microseconds: number | undefined) => (microseconds ?? 0) / 1000;

/** An event's CPU time on its thread, in ms. */
export function cpuMsOf(event: TraceEvent): number {
  if (event.tdur === undefined) throw new Error(`The trace has no thread time for ${event.name}`);
  return msOf(event.tdur);
}

/** Sample times (trace µs) at which our code was on the stack, per thread (`pid:tid`). */
function ourSampleTimes(events: readonly TraceEvent[]): Map<string, number[]> {
  const profiles = new Map<string, { thread: string; at: number; ours: Map<number, boolean> }>();
  for (const event of events) {
    if (event.name === 'Profile' && event.args?.data?.startTime !== undefined) {
      profiles.set(`${event.pid}:${event.id}`, {
        thread: `${event.pid}:${event.tid}`,
        at: event.args.data.startTime,
        ours: new Map(),
      });
    }
  }
  const times = new Map<string, number[]>();
  const chunks = events.filter((event) => event.name === 'ProfileChunk').sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const profile = profiles.get(`${chunk.pid}:${chunk.id}`);
    const data = chunk.args?.data;
    if (!profile || !data) continue;
    // A chunk brings the stack nodes first seen in it; a node is ours if a caller is.
    for (const node of data.cpuProfile?.nodes ?? []) {
      const callerIsOurs = node.parent !== undefined && profile.ours.get(node.parent) === true;
      profile.ours.set(node.id, callerIsOurs || CONTENT_SCRIPTS.test(node.callFrame.url ?? ''));
    }
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    const thread = times.get(profile.thread) ?? [];
    times.set(profile.thread, thread);
    samples.forEach((node, index) => {
      profile.at += deltas[index] ?? 0;
      if (profile.ours.get(node)) thread.push(profile.at);
    });
  }
  return times;
}

/**
 * Main-thread tasks that ran code of our content scripts, in time order (trace µs → ms), and the
 * intersection observers' computations in the page's rendering tasks, counted as tasks of their
 * own: the test pages run no script, so every observer on them is ours.
 */
export function tasksOfOurs(events: readonly TraceEvent[]): OurTask[] {
  const named = events.filter((event) => CONTENT_SCRIPTS.test(event.args?.data?.url ?? ''));
  const sampled = ourSampleTimes(events);
  const allIntersections = events.filter((event) => event.name === INTERSECTIONS);
  const within = (task: TraceEvent, event: TraceEvent) =>
    event.pid === task.pid && event.tid === task.tid && event.ts >= task.ts && event.ts < task.ts + (task.dur ?? 0);
  const sampledIn = (task: TraceEvent) =>
    sampled.get(`${task.pid}:${task.tid}`)?.some((at) => at >= task.ts && at < task.ts + (task.dur ?? 0)) ?? false;
  const describe = (task: TraceEvent) => () =>
    `${msOf(task.dur).toFixed(0)} ms: ${events
      .filter((event) => event !== task && within(task, event) && (event.dur ?? 0) > 3000)
      .map((event) => `${event.name} ${msOf(event.dur).toFixed(0)}`)
      .join(', ')}`;
  const tasks: OurTask[] = [];
  for (const task of events) {
    if (task.name !== 'RunTask') continue;
    const evaluations = named.filter((event) => event.name === 'EvaluateScript' && within(task, event));
    if (evaluations.length > 0 && events.some((event) => event.name === 'ParseHTML' && within(task, event))) {
      // A script that runs at document_start is evaluated inside the parser's task: only the
      // evaluation is ours, not the parsing (or the layout) of the rest of that task.
      const durationMs = evaluations.reduce((sum, event) => sum + msOf(event.dur), 0);
      tasks.push({
        start: msOf(task.ts),
        durationMs,
        cpuMs: evaluations.reduce((sum, event) => sum + cpuMsOf(event), 0),
        isEvaluation: true,
        describe: () => `${durationMs.toFixed(0)} ms: a content script evaluated by the parser`,
      });
      continue;
    }
    if (named.some((event) => within(task, event)) || sampledIn(task)) {
      tasks.push({
        start: msOf(task.ts),
        durationMs: msOf(task.dur),
        cpuMs: cpuMsOf(task),
        isEvaluation: named.some((event) => within(task, event) && event.name === 'EvaluateScript'),
        describe: describe(task),
      });
      continue;
    }
    const intersections = allIntersections.filter((event) => within(task, event));
    // Nested computations are counted once, in the outermost.
    const outermost = intersections.filter(
      (inner) => !intersections.some((outer) => outer !== inner && within(outer, inner)),
    );
    if (outermost.length === 0) continue;
    const durationMs = outermost.reduce((sum, event) => sum + msOf(event.dur), 0);
    tasks.push({
      start: msOf(task.ts),
      durationMs,
      cpuMs: outermost.reduce((sum, event) => sum + cpuMsOf(event), 0),
      isEvaluation: false,
      describe: () => `${durationMs.toFixed(0)} ms: intersection observers`,
    });
  }
  return tasks.sort((a, b) => a.start - b.start);
}
