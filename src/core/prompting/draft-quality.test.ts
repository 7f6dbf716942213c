import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { copiedRun, copiedShare, draftFlaw, tidyDraft } from './draft-quality';

const POST = 'Bike lanes are empty, nobody uses them.';

test('copied runs count words in order, ignoring case and punctuation', () => {
  expect(copiedRun('Honestly, bike lanes ARE empty today', POST)).toBe(4);
  expect(copiedRun('lanes bike', POST)).toBe(1);
  expect(copiedRun('', POST)).toBe(0);
});

test('a draft stops at the first sentence it repeats (measured SmolLM2 output)', () => {
  const measured = 'The roads are empty, not helmet rules, but bike lanes are empty, nobody uses them.\nThe roads are empty, not helmet rules, but bike lanes are empty, nobody uses them.\nThe roads are empty.';
  expect(tidyDraft(measured)).toBe('The roads are empty, not helmet rules, but bike lanes are empty, nobody uses them.');
  expect(tidyDraft('it costs 2.50 at example.com. it costs 2.50 at example.com.')).toBe('it costs 2.50 at example.com.');
  expect(tidyDraft('first line.\nsecond line!\nfirst line.')).toBe('first line.\nsecond line!');
  expect(tidyDraft('you can’t measure it. you can’t measure it. you can’t measure it.')).toBe('you can’t measure it.');
});

test('sentences that only restate the post go, unless nothing else is left', () => {
  expect(tidyDraft('Bike lanes are empty, nobody uses them. they look empty because bikes don’t queue.', POST)).toBe('they look empty because bikes don’t queue.');
  expect(tidyDraft('bike lanes are empty, nobody uses them!', POST)).toBe('bike lanes are empty, nobody uses them!');
  expect(tidyDraft('counted 140 bikes in 15 minutes on the east corridor.', POST)).toBe('counted 140 bikes in 15 minutes on the east corridor.');
});

test('a flaw is named for an empty draft, an echo of the post and a copy of a past writing', () => {
  const examples = ['The new mooring fees are steep but the club is worth it for the sailing alone.'];
  expect(draftFlaw('  ', { post: POST, examples })).toBe('empty');
  expect(draftFlaw('bike lanes are empty, nobody uses them, really', { post: POST, examples })).toBe('echo');
  expect(draftFlaw('The new mooring fees are steep but the club is worth it for the sailing alone.', { post: POST, examples })).toBe('copy');
  expect(draftFlaw('they look empty because bikes don’t queue - I counted 140 in 15 minutes.', { post: POST, examples })).toBeNull();
  // Quoting a few words of the post in a longer reply is a reply.
  expect(draftFlaw('"nobody uses them" - I counted 140 bikes in 15 minutes on the east corridor this morning.', { post: POST, examples })).toBeNull();
});

test('a draft stitched from passages of the page is an echo even when no single run is most of it (SmolLM2 on the demo article)', () => {
  const article = readFileSync(resolve(import.meta.dirname, '../../../tests/e2e/fixtures/article-one.html'), 'utf8').replace(/<[^>]+>/g, ' ');
  // What the demo's draft on SmolLM2 began with (docs/screenshots, 2026-12-02): the article, lower-cased, in pieces.
  const stitched = 'tidal turbines promise something wind and solar cannot: power that arrives on a timetable written by the moon. engineers have known for decades that the pentland firth alone could light a small country, yet the turbines that have gone into the water remains a handful of demonstrators.';
  expect(copiedShare(stitched, article)).toBeGreaterThan(0.6);
  expect(draftFlaw(stitched, { post: article, examples: [] })).toBe('echo');
  const reply = 'honestly the moon timetable is the whole pitch, but nobody wants to pay for the cables. storage is the real fight.';
  expect(copiedShare(reply, article)).toBeLessThan(0.2);
  expect(draftFlaw(reply, { post: article, examples: [] })).toBeNull();
});
