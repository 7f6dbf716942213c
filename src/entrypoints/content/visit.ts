import { send, timed } from './send';

/** Gaps between signs of activity longer than this are not counted as reading. */
const IDLE_MS = 30_000;

/**
 * Active dwell time and deepest scroll. Activity is only "something happened" (scroll, pointer,
 * key): no key, position or content is ever read.
 */
export const trackVisit = (signal: AbortSignal) => {
  let visitDwell = 0;
  let reported = 0;
  let maxScroll = 0;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (document.visibilityState === 'visible') visitDwell += Math.min(now - last, IDLE_MS);
    last = now;
  };
  const onScroll = () =>
    timed(() => {
      tick();
      const height = document.documentElement.scrollHeight;
      if (height > 0) maxScroll = Math.max(maxScroll, Math.min(1, (scrollY + innerHeight) / height));
    });
  const report = (final: boolean) => {
    tick();
    send('capture.visit', { dwellDeltaMs: Math.round(visitDwell - reported), visitDwellMs: Math.round(visitDwell), maxScroll, final });
    reported = visitDwell;
  };
  const opts = { passive: true, capture: true, signal };
  addEventListener('scroll', onScroll, opts);
  for (const type of ['pointerdown', 'keydown', 'wheel', 'touchstart']) addEventListener(type, tick, opts);
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.visibilityState === 'hidden') report(false);
      else last = performance.now();
    },
    { signal },
  );
  addEventListener('pagehide', () => report(true), { signal });
  return {
    /** Ends this visit (an in-page navigation) and starts counting the next one. */
    restart() {
      report(true);
      visitDwell = 0;
      reported = 0;
      maxScroll = 0;
    },
  };
};
