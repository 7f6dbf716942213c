import type { FidelityReport } from '../../core/fidelity/report';

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
