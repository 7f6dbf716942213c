import { expect, test } from 'vitest';
import { unsupported } from './guards';
import type { SourceRecord } from './sources';

const source = (text: string): SourceRecord => ({ id: 'w1', kind: 'writing', site: 's', at: 0, text }) as SourceRecord;

test('a claim is supported when its content words come from the records it cites, inflections included', () => {
  expect(unsupported('They bake and cycle.', [source('sourdough baking is fun'), source('city cycling every day')])).toBe(false);
  expect(unsupported('Advises beginners to pick a stable dinghy.', [source('For beginners I always say: pick a stable dinghy.')])).toBe(false);
});

test('a claim about something its records never mention is not', () => {
  expect(unsupported('Plays jazz piano in a band on weekends.', [source('For beginners I always say: pick a stable dinghy.')])).toBe(true);
  expect(unsupported('Enjoys dinghy racing, jazz, chess, opera and knitting.', [source('Sailing my dinghy on the lake.')])).toBe(true);
});
