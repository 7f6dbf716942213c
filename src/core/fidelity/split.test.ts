import { expect, test } from 'vitest';
import { splitNewest } from './split';

const rec = (id: string, t: number) => ({ id, t });
const at = (r: { t: number }) => r.t;

test('holds out the newest 20%, rounding up (⌈2.2⌉ = 3), whatever the input order', () => {
  const records = Array.from({ length: 11 }, (_, i) => rec(`r${i}`, 100 - i));
  const { train, heldOut, cutoff } = splitNewest(records, at);
  expect(heldOut.map((r) => r.t)).toEqual([98, 99, 100]);
  expect(train).toHaveLength(8);
  expect(Math.max(...train.map(at))).toBeLessThan(cutoff);
  expect(cutoff).toBe(98);
});

test('the share is clamped to 10–20%', () => {
  const records = Array.from({ length: 100 }, (_, i) => rec(`r${i}`, i));
  expect(splitNewest(records, at, 0.5).heldOut).toHaveLength(20);
  expect(splitNewest(records, at, 0.01).heldOut).toHaveLength(10);
});

test('ties in time split by id; empty input holds out nothing', () => {
  const { heldOut } = splitNewest([rec('b', 1), rec('a', 1), rec('c', 0)], at);
  expect(heldOut.map((r) => r.id)).toEqual(['b']);
  expect(splitNewest([], at)).toEqual({ train: [], heldOut: [], cutoff: Number.POSITIVE_INFINITY });
});
