import { expect, test } from 'vitest';
import { questionDemands } from './question-demands';

test('a question’s wh-words say what kind of fact it asks for, clause by clause', () => {
  expect(questionDemands('What is the name of my dinghy and what colour is its sail?')).toEqual([{ kind: 'name' }, { kind: 'colour' }]);
  expect(questionDemands('How much are the mooring fees at my club?')).toEqual([{ kind: 'number' }]);
  expect(questionDemands('How often do I go sailing on the lake?')).toEqual([{ kind: 'frequency' }]);
  expect(questionDemands('When did I first learn to sail?')).toEqual([{ kind: 'past-time' }]);
  expect(questionDemands('When do I sail?')).toEqual([{ kind: 'time' }]);
  expect(questionDemands('Who do I cycle to work with?')).toEqual([{ kind: 'person' }]);
  expect(questionDemands('Where is my sailing club?')).toEqual([{ kind: 'place' }]);
  expect(questionDemands('Why did my croissant dough fail?')).toEqual([{ kind: 'reason' }]);
  expect(questionDemands('What advice do I give beginners who want to start sailing?')).toEqual([{ kind: 'advice' }]);
  expect(questionDemands("What's my favourite sailing spot?")).toEqual([{ kind: 'place' }]);
});

test('"what"/"which" and a noun ask about that noun; a verb or a framing noun asks for nothing more than the topic', () => {
  expect(questionDemands('What flour do I use for my sourdough?')).toEqual([{ kind: 'word', term: 'flour' }]);
  expect(questionDemands('What kind of boat do I have?')).toEqual([{ kind: 'word', term: 'boat' }]);
  expect(questionDemands('What do I think about the mooring fees?')).toEqual([]);
  expect(questionDemands('What happened when I cut my rye bread warm?')).toEqual([]);
  expect(questionDemands('What hobbies do I have?')).toEqual([]);
  expect(questionDemands('How is my sourdough going?')).toEqual([]);
  expect(questionDemands('Do I like sailing?')).toEqual([]);
});
