import * as v from 'valibot';
import type { FidelityReport } from '../../core/fidelity/report';
import { empty, type MethodSchemas } from '../schemas';

/** A report as the UI sees it: without the per-item predictions kept for resuming. */
export type FidelityReportView = Omit<FidelityReport, 'predictions'>;

export interface FidelityMethods {
  'fidelity.latest': (input: Record<string, never>) => FidelityReportView | null;
  /** Starts a report in the engine host, or resumes the unfinished one. */
  'fidelity.run': (input: Record<string, never>) => { reportId: string };
}

/** What the background forwards to the engine host. */
export interface FidelityHostMethods {
  'host.fidelity.run': (input: Record<string, never>) => { reportId: string };
}

export const fidelitySchemas: MethodSchemas<FidelityMethods> = { 'fidelity.latest': empty, 'fidelity.run': empty };
export const fidelityHostSchemas: MethodSchemas<FidelityHostMethods> = { 'host.fidelity.run': empty };
