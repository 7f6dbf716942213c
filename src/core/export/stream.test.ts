import { expect, test } from 'vitest';
import { createExportReader, type ExportItem } from './stream-read';
import { arrayClosing, arrayOpening, exportClosing, exportOpening, recordsChunk } from './stream-write';

const written = () =>
  [
    exportOpening(7),
    arrayOpening('pages'),
    recordsChunk([{ id: 'p1', text: 'a "quoted" ü' }], true),
    recordsChunk([{ id: 'p2' }], false),
    arrayClosing,
    arrayOpening('jobs'),
    arrayClosing,
    arrayOpening('writings'),
    recordsChunk([{ id: 'w1' }], true),
    arrayClosing,
    exportClosing({ 'retention.days': 30 }),
  ].join('');

const read = (text: string, chunk: number) => {
  const items: ExportItem[] = [];
  const reader = createExportReader((item) => items.push(item));
  for (let i = 0; i < text.length; i += chunk) reader.write(text.slice(i, i + chunk));
  reader.end();
  return { items, header: reader.header };
};

test('what the writer writes in pieces is one JSON object the reader reads back in any chunking', () => {
  const text = written();
  const parsed = JSON.parse(text);
  expect(parsed.pages).toHaveLength(2);
  for (const size of [1, 7, 1000]) {
    const { items, header } = read(text, size);
    expect(items.map((i) => `${i.kind}:${i.index}:${(i.value as { id: string }).id}`)).toEqual(['pages:0:p1', 'pages:1:p2', 'writings:0:w1']);
    expect((items[0]!.value as { text: string }).text).toBe('a "quoted" ü');
    expect(header).toMatchObject({ format: 'doppel-export', version: 2, exportedAt: 7, settings: { 'retention.days': 30 } });
  }
});

test('a version 1 export is read too; anything else is refused with a sentence', () => {
  expect(read(JSON.stringify({ format: 'doppel-export', version: 1, exportedAt: 1, pages: [{ id: 'a' }], writings: [], reactions: [] }), 5).items).toHaveLength(1);
  expect(() => read(JSON.stringify({ format: 'other', pages: [{ id: 'a' }] }), 5)).toThrow(/not a Doppel export/);
  expect(() => read(JSON.stringify({ format: 'doppel-export', version: 9, pages: [{ id: 'a' }] }), 5)).toThrow(/version 9/);
  expect(() => read('{"format":"doppel-export","pages":[{"id":', 5)).toThrow(/not valid JSON/);
});
