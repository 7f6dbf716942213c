import * as v from 'valibot';
import { expect, test } from 'vitest';
import { generateClientMessage } from './schemas';

test('the generate port takes a start with a job id, or a keepalive, and nothing else', () => {
  expect(v.is(generateClientMessage, { type: 'start', jobId: 'j1' })).toBe(true);
  expect(v.is(generateClientMessage, { type: 'keepalive' })).toBe(true);
  for (const bad of [null, 'start', { type: 'start' }, { type: 'start', jobId: 5 }, { type: 'start', jobId: 'x'.repeat(201) }, { type: 'stop', jobId: 'j1' }, [{ type: 'keepalive' }]]) {
    expect(v.is(generateClientMessage, bad), JSON.stringify(bad)).toBe(false);
  }
});
