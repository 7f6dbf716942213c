import { expect, test } from 'vitest';
import { holdsAll, namesIn } from './holds-fact';

test('names are capitalised words inside a sentence or quoted, never its first word or "I"', () => {
  expect(namesIn('Took Heron out today. I love her.')).toEqual(['Heron']);
  expect(namesIn('Sailing my dinghy on the lake. I’m happy.')).toEqual([]);
  expect(namesIn('my boat is called "sea biscuit"')).toEqual(['sea biscuit']);
});

test('a text holds a kind of fact only when it states one', () => {
  const dinghy = 'Sailing my dinghy on the lake every evening is the best part of my week, honestly.';
  expect(holdsAll(dinghy, [{ kind: 'name' }])).toBe(false);
  expect(holdsAll(dinghy, [{ kind: 'colour' }])).toBe(false);
  expect(holdsAll(dinghy, [{ kind: 'frequency' }])).toBe(true);
  expect(holdsAll(dinghy, [{ kind: 'place' }])).toBe(true);
  expect(holdsAll(dinghy, [{ kind: 'time' }])).toBe(true);
  // "every evening" is a habit, not the time something happened.
  expect(holdsAll(dinghy, [{ kind: 'past-time' }])).toBe(false);
  expect(holdsAll('we went async two years ago.', [{ kind: 'past-time' }])).toBe(true);
  expect(holdsAll('The new mooring fees are steep but the club is worth it.', [{ kind: 'number' }])).toBe(false);
  expect(holdsAll('The mooring fees went up to £40 a month.', [{ kind: 'number' }])).toBe(true);
  expect(holdsAll('For beginners I always say: pick a stable dinghy.', [{ kind: 'advice' }])).toBe(true);
  expect(holdsAll(dinghy, [{ kind: 'advice' }])).toBe(false);
  expect(holdsAll('Our dinghy is called Heron and her sail is red.', [{ kind: 'name' }, { kind: 'colour' }])).toBe(true);
  expect(holdsAll('Our dinghy is called Heron.', [{ kind: 'name' }, { kind: 'colour' }])).toBe(false);
  expect(holdsAll('mostly white bread flour with a fifth whole rye', [{ kind: 'word', term: 'flour' }])).toBe(true);
  expect(holdsAll('Sourdough attempt number four. Still flat.', [{ kind: 'word', term: 'flour' }])).toBe(false);
});
