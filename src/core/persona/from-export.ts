import type { DoppelExport } from '../export/schema';
import type { PersonaRecord } from './accumulator';

export const recordsOfExport = (data: Pick<DoppelExport, 'pages' | 'writings' | 'reactions'>): PersonaRecord[] => [
  ...data.pages.map((record) => ({ type: 'page' as const, record })),
  ...data.writings.map((record) => ({ type: 'writing' as const, record })),
  ...data.reactions.map((record) => ({ type: 'reaction' as const, record })),
];
