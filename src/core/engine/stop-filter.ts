/**
 * Ends a stream of text pieces at the first stop text, without ever emitting a stop text or its
 * start: a piece that could be the beginning of one is held back until the next piece decides.
 */
export interface StopFilter {
  /** The text that may be shown now; `stopped` once a stop text was reached. */
  push: (piece: string) => { emit: string; stopped: boolean };
  /** What was held back when the stream ends without a stop. */
  flush: () => string;
}

export const createStopFilter = (stops: readonly string[]): StopFilter => {
  const texts = stops.filter(Boolean);
  let held = '';
  let stopped = false;
  /** Length of the longest end of `text` that begins some stop text. */
  const partialTail = (text: string): number => {
    let best = 0;
    for (const stop of texts) {
      for (let n = Math.min(stop.length - 1, text.length); n > best; n--) {
        if (text.endsWith(stop.slice(0, n))) {
          best = n;
          break;
        }
      }
    }
    return best;
  };
  return {
    push: (piece) => {
      if (stopped) return { emit: '', stopped };
      const text = held + piece;
      let cut = -1;
      for (const stop of texts) {
        const at = text.indexOf(stop);
        if (at >= 0 && (cut < 0 || at < cut)) cut = at;
      }
      if (cut >= 0) {
        stopped = true;
        held = '';
        return { emit: text.slice(0, cut), stopped };
      }
      const keep = partialTail(text);
      held = text.slice(text.length - keep);
      return { emit: text.slice(0, text.length - keep), stopped };
    },
    flush: () => {
      const rest = stopped ? '' : held;
      held = '';
      return rest;
    },
  };
};
