import type { FunctionComponent } from 'preact';
import { FidelitySection } from './FidelitySection';
import { HistorySection } from './HistorySection';
import { InterviewSection } from './InterviewSection';
import { ModelSection } from './ModelSection';
import { DataSection } from './DataSection';
import { PersonaSection } from './PersonaSection';

/** Options sections in display order; the hash (#model, #history, …) selects one. */
export const SECTIONS: readonly { id: string; label: string; View: FunctionComponent }[] = [
  { id: 'model', label: 'Model', View: ModelSection },
  { id: 'persona', label: 'Persona', View: PersonaSection },
  { id: 'interview', label: 'Interview', View: InterviewSection },
  { id: 'fidelity', label: 'Fidelity', View: FidelitySection },
  { id: 'history', label: 'History', View: HistorySection },
  { id: 'data', label: 'Data', View: DataSection },
];
