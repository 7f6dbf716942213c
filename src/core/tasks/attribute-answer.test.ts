import { expect, test } from 'vitest';
import { attributeAnswer } from './attribute-answer';

const SOURCES = [
  { id: 'writing-0', text: 'Sailing my dinghy on the lake every evening is the best part of my week, honestly.' },
  { id: 'writing-1', text: 'For beginners I always say: pick a stable dinghy, learn to capsize on purpose, and wear a wetsuit.' },
  { id: 'writing-2', text: 'The new mooring fees are steep but the club is worth it for the sailing alone.' },
];

test('an answer whose own words come from a record is known and cites it', () => {
  const result = attributeAnswer('Pick a stable dinghy, learn to capsize on purpose and always wear a wetsuit.', 'What advice do I give beginners who want to start sailing?', SOURCES);
  expect(result).toEqual({ known: true, answer: 'Pick a stable dinghy, learn to capsize on purpose and always wear a wetsuit.', cited: ['writing-1'] });
});

test('an answer made up from nothing the records say is not known, even when it repeats the question’s words', () => {
  expect(attributeAnswer('My dinghy is called Blue Heron and its sail is bright red.', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false, cited: [] });
  expect(attributeAnswer('The name of my dinghy? The sail colour?', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false, cited: [] });
});

test('an answer that says it does not know is not known, and nothing is cited for it', () => {
  expect(attributeAnswer('I don’t know what colour the sail is, but I love sailing my dinghy on the lake.', 'What colour is my sail?', SOURCES)).toMatchObject({ known: false, cited: [] });
  expect(attributeAnswer('', 'Anything?', SOURCES)).toMatchObject({ known: false, cited: [] });
});

test('one shared word is not support: an answer needs at least two of its own words in one record', () => {
  expect(attributeAnswer('Sailing is mostly about patience and timing.', 'What matters to me?', SOURCES)).toMatchObject({ known: false, cited: [] });
});

test('only the sentences the records back are kept (measured SmolLM2 outputs)', () => {
  const measured = 'There are many tips to sail, but there is one that I would like you to know:\nThe best way to start sailing is with a good dinghy.\n\nYou can learn to capsize on purpose and wear a wetsuit.\n\nThis advice has been';
  expect(attributeAnswer(measured, 'What advice do I give beginners who want to start sailing?', SOURCES)).toEqual({ known: true, answer: 'The best way to start sailing is with a good dinghy. You can learn to capsize on purpose and wear a wetsuit.', cited: ['writing-1', 'writing-0'] });
  expect(attributeAnswer('The dinghy is a sailboat named "Mara" and it is a 20-meter (65 ft) yachtsman\'s yacht.', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false });
});

test('a made-up answer with one borrowed sentence is not known (measured SmolLM2 output)', () => {
  const measured = 'The sail is a beautiful blue, and I’m proud to be your dinghy owner. It’s a great choice for beginners because it allows you to capsize on purpose without the need for a wetsuit.';
  expect(attributeAnswer(measured, 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false });
  const answered = 'The first thing you should do is to choose a stable dinghy, capsize on purpose and wear a wetsuit. The second thing is to learn how to capsize on purpose. The third thing is to practice your skills with the boat.';
  expect(attributeAnswer(answered, 'What advice do I give beginners who want to start sailing?', SOURCES)).toMatchObject({ known: true, cited: ['writing-1'] });
});
