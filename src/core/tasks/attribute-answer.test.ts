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

test('an answer that says it does not know, where no record answers, is not known, and nothing is cited for it', () => {
  expect(attributeAnswer('I don’t know what colour the sail is, but I love sailing my dinghy on the lake.', 'What colour is my sail?', SOURCES)).toMatchObject({ known: false, cited: [] });
  expect(attributeAnswer('', 'Anything?', SOURCES)).toMatchObject({ known: false, cited: [] });
});

test('one shared word is not support: an answer needs at least two of its own words in one record', () => {
  expect(attributeAnswer('Sailing is mostly about patience and timing.', 'What matters to me?', SOURCES)).toMatchObject({ known: false, cited: [] });
});

test('only the sentences the records back are kept (measured SmolLM2 outputs)', () => {
  const measured = 'There are many tips to sail, but there is one that I would like you to know:\nThe best way to start sailing is with a good dinghy.\n\nYou can learn to capsize on purpose and wear a wetsuit.\n\nThis advice has been';
  // "…start sailing is with a good dinghy" rests on writing-0, which is about sailing but gives no advice.
  expect(attributeAnswer(measured, 'What advice do I give beginners who want to start sailing?', SOURCES)).toEqual({ known: true, answer: 'You can learn to capsize on purpose and wear a wetsuit.', cited: ['writing-1'] });
  expect(attributeAnswer('The dinghy is a sailboat named "Mara" and it is a 20-meter (65 ft) yachtsman\'s yacht.', 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false });
});

test('a made-up answer with one borrowed sentence is not known (measured SmolLM2 output)', () => {
  const measured = 'The sail is a beautiful blue, and I’m proud to be your dinghy owner. It’s a great choice for beginners because it allows you to capsize on purpose without the need for a wetsuit.';
  expect(attributeAnswer(measured, 'What is the name of my dinghy and what colour is its sail?', SOURCES)).toMatchObject({ known: false });
  const answered = 'The first thing you should do is to choose a stable dinghy, capsize on purpose and wear a wetsuit. The second thing is to learn how to capsize on purpose. The third thing is to practice your skills with the boat.';
  expect(attributeAnswer(answered, 'What advice do I give beginners who want to start sailing?', SOURCES)).toMatchObject({ known: true, cited: ['writing-1'] });
});

const BEGINNERS = 'What advice do I give beginners who want to start sailing?';
const DINGHY = 'What is the name of my dinghy and what colour is its sail?';

test('when the model’s answer rests on no record but one answers the question, the answer is that record, in the user’s words (measured SmolLM2 outputs)', () => {
  const measured = [
    'Sailing is a sport that requires discipline, patience, and dedication. It\'s not about being reckless or impulsive.',
    'Don\'t try to do it alone, you have to learn from someone. Start with a small sail and just start sailing for the first time.',
    '',
    'I don\'t know.',
  ];
  for (const answer of measured) expect(attributeAnswer(answer, BEGINNERS, SOURCES)).toEqual({ known: true, answer: SOURCES[1]!.text, cited: ['writing-1'] });
});

test('a copy of a record on the question’s topic is not an answer when the record does not say what was asked (measured SmolLM2 outputs)', () => {
  // SmolLM2 copied the record about the dinghy when asked its name and colour, and the fees record when asked their amount.
  expect(attributeAnswer('Sailing my dinghy on the lake every evening is the best part of my week, honestly.', DINGHY, SOURCES)).toMatchObject({ known: false, cited: [] });
  expect(attributeAnswer('The new mooring fees are steep but the club is worth it for the sailing alone.', 'How much are the mooring fees at my club?', SOURCES)).toMatchObject({ known: false, cited: [] });
  expect(attributeAnswer('Sailing my dinghy on the lake every evening is the best part of my week, honestly.', 'When did I first learn to sail my dinghy?', SOURCES)).toMatchObject({ known: false, cited: [] });
  // …and a copy of the record that does say it is kept.
  expect(attributeAnswer('The new mooring fees are steep but the club is worth it for the sailing alone.', 'What do I think about the mooring fees?', SOURCES)).toMatchObject({ known: true, cited: ['writing-2'] });
  expect(attributeAnswer('Sailing my dinghy on the lake every evening is the best part of my week, honestly.', 'How often do I go sailing on the lake?', SOURCES)).toMatchObject({ known: true, cited: ['writing-0'] });
});

test('an answer resting on a record about the topic is not kept when another record is on the question’s point', () => {
  // Measured: SmolLM2 copied writing-0 when asked about beginners; writing-1 is the one about beginners.
  expect(attributeAnswer('Sailing your dinghy on the lake every evening is the best part of my week, honestly.', BEGINNERS, SOURCES)).toEqual({ known: true, answer: SOURCES[1]!.text, cited: ['writing-1'] });
});

test('a kept sentence states no number or name its record lacks', () => {
  const sourdough = [{ id: 'writing-3', text: 'Sourdough attempt number four. Still flat. Any tips welcome!' }];
  // Measured SmolLM2 output: "number five" of a record that says four.
  expect(attributeAnswer('Sourdough attempt number five. Still flat, no way to fix it!', 'How is my sourdough going?', sourdough)).toEqual({ known: true, answer: 'Still flat, no way to fix it!', cited: ['writing-3'] });
  expect(attributeAnswer('Sourdough attempt number four. Still flat.', 'How is my sourdough going?', sourdough)).toEqual({ known: true, answer: 'Sourdough attempt number four. Still flat.', cited: ['writing-3'] });
});

test('a long record is answered from by its sentence that holds what was asked', () => {
  const long = { id: 'page-1', text: `${'The club has a long history on the lake and many members. '.repeat(5)}Our dinghy is called Heron and her sail is red. ${'Racing starts at noon on Sundays. '.repeat(3)}` };
  expect(attributeAnswer('', DINGHY, [long])).toEqual({ known: true, answer: 'Our dinghy is called Heron and her sail is red.', cited: ['page-1'] });
});
