import type { FunctionComponent } from 'preact';
import { FidelitySection } from './FidelitySection';
import { HistorySection } from './HistorySection';
import { InterviewSection } from './InterviewSection';
import { ModelSection } from './ModelSection';
import { DataSection } from './DataSection';
import { PersonaSection } from './PersonaSection';
import type { MessageKey } from '../../ui/i18n';

/** Options sections in display order; the hash (#model, #history, …) selects one. */
export const SECTIONS: readonly { id: string; label: MessageKey; View: FunctionComponent }[] = [
  { id: 'model', label: 'sectionModel', View: ModelSection },
  { id: 'persona', label: 'sectionPersona', View: PersonaSection },
  { id: 'interview', label: 'sectionInterview', View: InterviewSection },
  { id: 'fidelity', label: 'sectionFidelity', View: FidelitySection },
  { id: 'history', label: 'sectionHistory', View: HistorySection },
  { id: 'data', label: 'sectionData', View: DataSection },
];
