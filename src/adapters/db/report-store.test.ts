import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import type { FidelityReport } from '../../core/fidelity/report';
import { openDoppelDb } from './open-db';
import { createReportStore } from './report-store';

const report = (id: string, createdAt: number): FidelityReport => ({
  id, createdAt, updatedAt: createdAt, status: 'done', progress: { done: 0, total: 0 },
  split: { share: 0.2, writings: { train: 0, heldOut: 0 }, reactions: { train: 0, heldOut: 0 } }, tasks: [], predictions: {},
});

test('latest is the newest report; history reads the four record stores', async () => {
  const db = () => openDoppelDb(`report-store-${Math.random()}`);
  const opened = db();
  const store = createReportStore(() => opened);
  expect(await store.latest()).toBeUndefined();
  await store.put(report('old', 1));
  await store.put(report('new', 2));
  expect((await store.latest())?.id).toBe('new');
  await (await opened).put('writings', { id: 'w', url: 'u', site: 's', text: 't', source: 'form', createdAt: 1 });
  const history = await store.history();
  expect(history.writings.map((w) => w.id)).toEqual(['w']);
  expect(history.pages).toEqual([]);
});
