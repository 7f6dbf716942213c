import type { IDBPDatabase } from 'idb';
import type { DoppelDb, StoredModel } from './schema';

export type ModelInfo = Omit<StoredModel, 'blob'>;

const info = ({ blob: _blob, ...rest }: StoredModel): ModelInfo => rest;

export const createModelStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  /** Stores a model file and selects it. */
  async add(file: Blob, name: string): Promise<ModelInfo> {
    const now = Date.now();
    const model: StoredModel = { id: crypto.randomUUID(), name, format: 'gguf', size: file.size, addedAt: now, selectedAt: now, blob: file };
    await (await db()).put('models', model);
    return info(model);
  },
  async get(id: string): Promise<StoredModel | undefined> {
    return (await db()).get('models', id);
  },
  async selected(): Promise<StoredModel | undefined> {
    const cursor = await (await db()).transaction('models').store.index('bySelectedAt').openCursor(null, 'prev');
    return cursor?.value;
  },
  /** Makes an installed model the one the engine loads, across restarts. */
  async select(id: string): Promise<void> {
    const tx = (await db()).transaction('models', 'readwrite');
    const model = await tx.store.get(id);
    // Strictly after the newest selection, even within the same millisecond.
    const newest = (await tx.store.index('bySelectedAt').openCursor(null, 'prev'))?.value.selectedAt ?? 0;
    if (model) await tx.store.put({ ...model, selectedAt: Math.max(Date.now(), newest + 1) });
    await tx.done;
  },
  async remove(id: string): Promise<void> {
    await (await db()).delete('models', id);
  },
  async list(): Promise<ModelInfo[]> {
    return (await (await db()).getAll('models')).map(info);
  },
});

export type ModelStore = ReturnType<typeof createModelStore>;
