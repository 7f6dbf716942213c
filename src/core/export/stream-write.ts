import type { ExportKind } from './validate';

/**
 * An export written piece by piece (docs/export-format.md): the opening, then each kind's array
 * in chunks, then the settings and the close. Each piece is small; joined they are one JSON object.
 */
export const exportOpening = (exportedAt: number): string => `{"format":"doppel-export","version":2,"exportedAt":${exportedAt}`;

export const arrayOpening = (kind: ExportKind): string => `,\n"${kind}":[`;

/** Records of one chunk; `first` is whether they open their array. One record per line, so the file diffs and greps well. */
export const recordsChunk = (records: readonly unknown[], first: boolean): string => records.map((r, i) => `${first && i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');

export const arrayClosing = ']';

export const exportClosing = (settings: Record<string, unknown>): string => `,\n"settings":${JSON.stringify(settings)}}\n`;
