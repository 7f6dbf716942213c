import * as v from 'valibot';
import type { FidelityReport } from '../../core/fidelity/report';
import { empty, type MethodSchemas } from '../schemas';

/** A report as the UI sees it: without the per-item predictions kept for resuming. */
export interface FidelityRunInput {
  maxItems?: number;
  /** Also measure what reranking several drafts gains over the first (the engine writes 4 per item). */
  rerank?: boolean;
  /** Also the engine as a pairwise judge of its own drafts: which of two sounds more like the user. */
  judge?: boolean;
}
// Fewer than 20 held-out items score nothing (core/fidelity/rolling-origin.ts).
const runInput = v.object({ maxItems: v.optional(v.pipe(v.number(), v.integer(), v.minValue(20), v.maxValue(1000))), rerank: v.optional(v.boolean()), judge: v.optional(v.boolean()) });

export type FidelityReportView = Omit<FidelityReport, 'predictions'>;

export interface FidelityMethods {
  'fidelity.latest': (input: Record<string, never>) => FidelityReportView | null;
  /** Starts a report in the engine host, or resumes the unfinished one; `maxItems`: newest records scored per task (default 30). */
  'fidelity.run': (input: FidelityRunInput) => { reportId: string };
}

/** What the background forwards to the engine host. */
export interface FidelityHostMethods {
  'host.fidelity.run': (input: FidelityRunInput) => { reportId: string };
}

export const fidelitySchemas: MethodSchemas<FidelityMethods> = { 'fidelity.latest': empty, 'fidelity.run': runInput };
export const fidelityHostSchemas: MethodSchemas<FidelityHostMethods> = { 'host.fidelity.run': runInput };
