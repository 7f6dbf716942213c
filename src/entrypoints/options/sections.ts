import type { FunctionComponent } from 'preact';
import { HistorySection } from './HistorySection';
import { ModelSection } from './ModelSection';
import { PersonaSection } from './PersonaSection';

/** Options sections in display order; the hash (#model, #history, …) selects one. */
export const SECTIONS: readonly { id: string; label: string; View: FunctionComponent }[] = [
  { id: 'model', label: 'Model', View: ModelSection },
  { id: 'history', label: 'History', View: HistorySection },
  { id: 'persona', label: 'Persona', View: PersonaSection },
];
