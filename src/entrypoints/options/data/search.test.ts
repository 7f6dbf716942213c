import { expect, test } from 'vitest';
import { searchRows, toRow } from './search';

test('finds records by words, prefixes and site; an empty query lists all', () => {
  const rows = [
    toRow('pages', { id: 'a', title: 'Why tidal power is still waiting', text: 'Pentland Firth', site: 'example.com', lastVisit: 1 }),
    toRow('writings', { id: 'b', text: 'Sourdough needs patience', replyTo: 'How long?', site: 'bake.example', createdAt: 2 }),
  ];
  expect(searchRows(rows, 'tid pow').map((r) => r.id)).toEqual(['a']);
  expect(searchRows(rows, 'pentland').map((r) => r.id)).toEqual(['a']);
  expect(searchRows(rows, 'bake').map((r) => r.id)).toEqual(['b']);
  expect(searchRows(rows, 'zebra')).toEqual([]);
  expect(searchRows(rows, ' ')).toHaveLength(2);
});
