import { expect, test } from 'vitest';
import { syntheticHistory } from '../synthetic/history';
import { InvertedIndex } from './inverted-index';
import { InvertedIndexReference } from './inverted-index-reference';
import { pageDoc, reactionDoc, writingDoc } from './terms';

test('ranks exactly as the index before typed slots did, through removals, re-adds and compaction', () => {
  const history = syntheticHistory(6000, { seed: 21 });
  const titles = new Map(history.pages.map((p) => [p.url, p.title]));
  const docs = [...history.pages.map(pageDoc), ...history.writings.map(writingDoc), ...history.reactions.map((r) => reactionDoc(r, titles.get(r.url)))];
  const index = new InvertedIndex();
  const reference = new InvertedIndexReference();
  const queries = [...history.pages.filter((_, i) => i % 40 === 0).map((p) => p.text.slice(0, 2000)), ...history.writings.filter((_, i) => i % 40 === 0).map((w) => w.text.slice(0, 120))];
  const check = () => {
    for (const [i, q] of queries.entries()) {
      const options = [{ limit: 20 }, { limit: 20, site: 'forum.example' }, { limit: 80, kinds: ['writing' as const] }, { limit: 5, site: '', kinds: ['page' as const, 'reaction' as const] }][i % 4]!;
      expect(index.search(q, options)).toEqual(reference.search(q, options));
    }
  };
  for (const d of docs) {
    index.add(d);
    reference.add(d);
  }
  check();
  // Enough removals to compact, then some records back with other terms.
  for (const d of docs.filter((_, i) => i % 2 === 0)) {
    index.remove(d.id);
    reference.remove(d.id);
  }
  for (const d of docs.filter((_, i) => i % 4 === 0)) {
    const changed = { ...d, terms: d.terms.slice(1), tfs: d.tfs.slice(1) };
    index.add(changed);
    reference.add(changed);
  }
  expect(index.size).toBe(reference.size);
  check();
}, 60_000);
