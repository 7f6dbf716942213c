import { expect, test } from 'vitest';
import { refineSearch, searchable, searchRows, toRow } from './search';

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

test('typing on searches within the last answer and finds what a fresh search finds', () => {
  const words = ['tidal', 'power', 'tide', 'pow', 'sour', 'dough', 'river', 'harbour'];
  const rows = Array.from({ length: 400 }, (_, i) => toRow('pages', { id: `p${i}`, title: `${words[i % 8]} ${words[(i * 3) % 8]} ${i}`, text: words[(i * 5) % 8], site: `s${i % 7}.example`, lastVisit: i }));
  const data = searchable(rows);
  let previous = refineSearch(data, '');
  for (const query of ['t', 'ti', 'tid', 'tid p', 'tid po', 'tid pow', 'tid powe', 'ti', 'h', 'ha', 'harb', 'harbour s3', 'zebra', 'zebras']) {
    const result = refineSearch(data, query, previous);
    expect(result.rows.map((r) => r.id)).toEqual(searchRows(rows, query).map((r) => r.id));
    previous = result;
  }
  // Narrowed: the last answer's rows are all it looks at, so a row it left out stays out.
  const tid = refineSearch(data, 'tid');
  const skewed = { ...tid, indices: tid.indices.slice(1) };
  expect(refineSearch(data, 'tida', skewed).rows).toHaveLength(refineSearch(data, 'tida').rows.length - 1);
  // Not narrowed when an earlier word is gone ('tid' → 'ti' widens) or the rows changed.
  expect(refineSearch(data, 'ti', skewed).rows.length).toBe(refineSearch(data, 'ti').rows.length);
  expect(refineSearch(searchable(rows), 'tida', skewed).rows.length).toBe(refineSearch(data, 'tida').rows.length);
});
