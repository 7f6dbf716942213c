import { expect, test } from 'vitest';
import { attributeAnswer } from './attribute-answer';

const SOURCES = [
  { id: 'writing-0', text: 'Sailing my dinghy on the lake every evening is the best part of my week, honestly.' },
  { id: 'writing-1', text: 'For beginners I always say: pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.' },
  { id: 'writing-2', text: 'The new mooring fees are steep but the club is worth it for the sailing alone.' },
];

test('an answer whose own words come from a record is known and cites it', () => {
  const result = attributeAnswer('Pick a stable dinghy, learn to capsize on purpose and always wear a wetsuit.', 'What advice do I give beginners who want to start sailing?', SOURCES);
  expect(result).toEqual({ known: true, cited: ['writing-1'] });
});

test('an answer made up from nothing the records say is not known, even when it repeats the question’s words', () => {
  expect(attributeAnswer('My dinghy is called Blue Heron and its sail is bright red.', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toEqual({ known: false, cited: [] });
  expect(attributeAnswer('The name of my dinghy? The sail colour?', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toEqual({ known: false, cited: [] });
});

test('an answer that says it does not know is not known, and nothing is cited for it', () => {
  expect(attributeAnswer('I don’t know what colour the sail is, but I love sailing my dinghy on the lake.', 'What colour is my sail?', SOURCES)).toEqual({ known: false, cited: [] });
  expect(attributeAnswer('', 'Anything?', SOURCES)).toEqual({ known: false, cited: [] });
});

test('one shared word is not support: an answer needs at least two of its own words in one record', () => {
  expect(attributeAnswer('Sailing is mostly about patience and timing.', 'What matters to me?', SOURCES)).toEqual({ known: false, cited: [] });
});
