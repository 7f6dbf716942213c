import { expect, test } from 'vitest';
import { writingEvidence } from './evidence';
import { retrieve } from './retrieve';
import { writing } from './test-records';

const items = [
  writing('w1', 'I repaired the mainsail on my dinghy this weekend, the boom vang is next.', 'forum.example', 1),
  writing('w2', 'Sourdough starter tips: feed it twice a day.', 'bread.example', 5),
  writing('w3', 'Dinghy racing at the club was cancelled because of wind.', 'other.example', 2),
  writing('w4', 'Dinghy sailing gear list for beginners.', 'forum.example', 3),
  writing('w5', 'Cat photos.', 'forum.example', 9),
].map(writingEvidence);

test('ranks by topic with a same-site boost, and fills with same-site then newest', () => {
  const ranked = retrieve(items, { text: 'any advice on dinghy sailing?', site: 'forum.example' }, 4).map((e) => e.id);
  expect(ranked.slice(0, 3).sort()).toEqual(['w1', 'w3', 'w4']);
  expect(ranked[0]).toBe('w4');
  expect(ranked[3]).toBe('w5');
});

test('without fill, only topical matches come back', () => {
  expect(retrieve(items, { text: 'quantum chromodynamics' }, 5, { fill: false })).toEqual([]);
  expect(retrieve(items, { text: 'sourdough' }, 5, { fill: false }).map((e) => e.id)).toEqual(['w2']);
  expect(retrieve([], { text: 'x' }, 5)).toEqual([]);
});

test('function words alone are no topical match', () => {
  expect(retrieve(items, { text: 'What is my opinion of the thing?' }, 5, { fill: false })).toEqual([]);
});
