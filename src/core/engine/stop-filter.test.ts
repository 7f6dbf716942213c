import { expect, test } from 'vitest';
import { createStopFilter } from './stop-filter';

const run = (stops: string[], pieces: string[]) => {
  const filter = createStopFilter(stops);
  let shown = '';
  let stopped = false;
  for (const piece of pieces) {
    const out = filter.push(piece);
    shown += out.emit;
    if (out.stopped) {
      stopped = true;
      break;
    }
  }
  return { shown: stopped ? shown : shown + filter.flush(), stopped };
};

test('a stop text split across pieces ends the stream before it, and none of it is shown', () => {
  expect(run(['<|im_start|>'], ['they are ', 'empty.\n<|im', '_start|>user', ' more'])).toEqual({ shown: 'they are empty.\n', stopped: true });
});

test('a held-back start that turns out not to be a stop is shown with the next piece', () => {
  const filter = createStopFilter(['\n\n\n']);
  expect(filter.push('one\n\n')).toEqual({ emit: 'one', stopped: false });
  expect(filter.push('two')).toEqual({ emit: '\n\ntwo', stopped: false });
  expect(filter.flush()).toBe('');
});

test('the earliest of several stop texts wins; text after a stop is dropped', () => {
  expect(run(['<|im_end|>', '\nUser:'], ['a\nUser: b <|im_end|>'])).toEqual({ shown: 'a', stopped: true });
  expect(run(['<|im_start|>'], ['done', 'x'])).toEqual({ shown: 'donex', stopped: false });
});

test('without stop texts everything passes through', () => {
  expect(run([], ['a', '<', 'b'])).toEqual({ shown: 'a<b', stopped: false });
});
