import { expect, test } from 'vitest';
import { writing } from '../tasks/test-records';
import { InvertedIndex } from './inverted-index';
import { writingDoc } from './terms';

const docs = [
  writing('w1', 'I repaired the mainsail on my dinghy this weekend, the boom vang is next.', 'forum.example', 1),
  writing('w2', 'Sourdough starter tips: feed it twice a day.', 'bread.example', 5),
  writing('w3', 'Dinghy racing at the club was cancelled because of wind.', 'other.example', 2),
  writing('w4', 'Dinghy sailing gear list for beginners.', 'forum.example', 3),
].map(writingDoc);

test('ranks by BM25 with a same-site boost; function words match nothing', () => {
  const index = new InvertedIndex();
  docs.forEach((d) => index.add(d));
  expect(index.search('any advice on dinghy sailing?', { site: 'forum.example', limit: 2 }).map((h) => h.id)).toEqual(['w4', 'w1']);
  expect(index.search('what is the thing', { limit: 5 })).toEqual([]);
  expect(index.search('sourdough', { limit: 5, kinds: ['page'] })).toEqual([]);
});

test('remove, re-add and compaction keep results right', () => {
  const index = new InvertedIndex();
  for (let i = 0; i < 3000; i++) index.add({ id: `x${i}`, kind: 'page', site: 's', at: i, terms: ['filler', `t${i}`], tfs: [1, 1] });
  docs.forEach((d) => index.add(d));
  for (let i = 0; i < 3000; i++) index.remove(`x${i}`);
  index.remove('w2');
  expect(index.size).toBe(3);
  expect(index.search('sourdough', { limit: 5 })).toEqual([]);
  expect(index.search('filler', { limit: 5 })).toEqual([]);
  index.add({ ...docs[1]!, terms: ['rye'], tfs: [1] });
  expect(index.search('rye dinghy', { limit: 1, kinds: ['writing'] })[0]!.id).toBe('w2');
});
