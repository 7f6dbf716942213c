import type { CDPSession } from 'playwright-core';

/** One Chrome trace event (the fields these measures read). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'toplevel', 'blink.user_timing'];

/** Records a Chrome trace around `work` through the page's CDP session, as DevTools' Performance panel does. */
export const traced = async (cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> => {
  const events: TraceEvent[] = [];
  const onData = ({ value }: { value: TraceEvent[] }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData as never);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' } as never);
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', onData as never);
  }
  return events;
};

const mentions = (event: TraceEvent, text: string) => JSON.stringify(event.args ?? {}).includes(text);

/** The renderer main thread ("CrRendererMain") of the process where an event mentioning `text` ran. */
const mainThreadOf = (events: readonly TraceEvent[], text: string): { pid: number; tid: number } | undefined => {
  // The process that evaluated it (a content script runs in the page's renderer).
  const evaluated = events.filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && mentions(e, text));
  const pids = new Set((evaluated.length ? evaluated : events.filter((e) => e.ph === 'X' && mentions(e, text))).map((e) => e.pid));
  const thread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && pids.has(e.pid) && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain');
  return thread && { pid: thread.pid, tid: thread.tid };
};

/** Milliseconds covered by the union of the intervals (nested events are counted once). */
const unionMs = (spans: readonly [number, number][]): number => {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total / 1000;
};

/**
 * Main-thread time of a script, seen from outside: every complete event on the page's main thread
 * that names the script's URL (its evaluation, its compile, every callback into it), nested ones
 * counted once. For a content script that is all it costs the page, whatever it measures itself.
 */
export const scriptMainThreadMs = (events: readonly TraceEvent[], scriptUrl: string): number => {
  const main = mainThreadOf(events, scriptUrl);
  if (!main) return 0;
  const spans = events
    .filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && e.dur !== undefined && mentions(e, scriptUrl))
    .map((e) => [e.ts, e.ts + e.dur!] as [number, number]);
  return unionMs(spans);
};

/**
 * Main-thread time of the outermost task that holds the user-timing mark `mark` (set by code the
 * test runs in the page): the whole task, its compile and message handling included.
 */
export const markedTaskMs = (events: readonly TraceEvent[], mark: string): number => {
  const at = events.find((e) => e.name === mark && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b'));
  if (!at) return 0;
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === at.pid && e.tid === at.tid && e.dur !== undefined && e.ts <= at.ts && at.ts <= e.ts + e.dur);
  return tasks.length ? Math.max(...tasks.map((e) => e.dur!)) / 1000 : 0;
};
