import type { ReactionKind } from '../model/records';

/** Reading thresholds: under BOUNCE_MS with little scrolling is a bounce; over LONG_READ_MS is a long read. */
export const BOUNCE_MS = 10_000;
export const LONG_READ_MS = 60_000;

export interface VisitMeasure {
  /** Time the page was visible and the user active, in ms. */
  dwellMs: number;
  /** Deepest scroll position reached, 0–1. */
  maxScroll: number;
}

export const clampVisit = (visit: VisitMeasure): VisitMeasure => ({
  dwellMs: Math.max(0, Math.min(Number.isFinite(visit.dwellMs) ? visit.dwellMs : 0, 24 * 3600_000)),
  maxScroll: Math.max(0, Math.min(Number.isFinite(visit.maxScroll) ? visit.maxScroll : 0, 1)),
});

/** The reactions a finished visit shows: a long read or a quick bounce, and how far the user scrolled. */
export const reactionsOfVisit = (visit: VisitMeasure): { kind: ReactionKind; value: number }[] => {
  const { dwellMs, maxScroll } = clampVisit(visit);
  const out: { kind: ReactionKind; value: number }[] = [];
  if (dwellMs >= LONG_READ_MS) out.push({ kind: 'long-read', value: dwellMs });
  else if (dwellMs < BOUNCE_MS && maxScroll < 0.25) out.push({ kind: 'bounce', value: dwellMs });
  if (maxScroll > 0) out.push({ kind: 'scroll', value: Math.round(maxScroll * 100) / 100 });
  return out;
};
