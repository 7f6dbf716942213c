import type { FunctionComponent } from 'preact';
import { HistorySection } from './HistorySection';
import { InterviewSection } from './InterviewSection';
import { ModelSection } from './ModelSection';

/** Options sections in display order; the hash (#model, #history, …) selects one. */
export const SECTIONS: readonly { id: string; label: string; View: FunctionComponent }[] = [
  { id: 'model', label: 'Model', View: ModelSection },
  { id: 'history', label: 'History', View: HistorySection },
  { id: 'interview', label: 'Interview', View: InterviewSection },
];
