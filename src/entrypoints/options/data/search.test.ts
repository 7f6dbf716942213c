import { expect, test } from 'vitest';
import { searchRows, toRow } from './search';

test('finds records by words, prefixes and site; an empty query lists all', () => {
  const rows = [
    toRow({ id: 'a', url: 'https://example.com/tide', title: 'Why tidal power is still waiting', text: 'Pentland Firth', site: 'example.com', contentHash: 'h', firstVisit: 1, lastVisit: 1, visitCount: 1, dwellMs: 0, maxScroll: 0 }),
    toRow({ id: 'b', url: 'https://bake.example/t', text: 'Sourdough needs patience', replyTo: 'How long?', site: 'bake.example', source: 'form', createdAt: 2 }),
  ];
  expect(searchRows(rows, 'tid pow').map((r) => r.id)).toEqual(['a']);
  expect(searchRows(rows, 'pentland').map((r) => r.id)).toEqual(['a']);
  expect(searchRows(rows, 'bake').map((r) => r.id)).toEqual(['b']);
  expect(searchRows(rows, 'zebra')).toEqual([]);
  expect(searchRows(rows, ' ')).toHaveLength(2);
});
