import type { IDBPDatabase, IDBPObjectStore } from 'idb';
import type { DoppelDb, StoredModel } from './schema';

export type ModelInfo = Omit<StoredModel, 'blob'>;

type ModelsStore = IDBPObjectStore<DoppelDb, ['models'], 'models', 'readwrite'>;

/** Selections are ordered strictly, even within one millisecond: a tie would fall back to the random id. */
const newestSelection = async (store: ModelsStore): Promise<number> =>
  (await store.index('bySelectedAt').openCursor(null, 'prev'))?.value.selectedAt ?? 0;

const info = ({ blob: _blob, ...rest }: StoredModel): ModelInfo => rest;

export const createModelStore = (db: () => Promise<IDBPDatabase<DoppelDb>>) => ({
  /** Stores a model file and selects it. */
  async add(file: Blob, name: string): Promise<ModelInfo> {
    const tx = (await db()).transaction('models', 'readwrite');
    const now = Date.now();
    const selectedAt = Math.max(now, (await newestSelection(tx.store)) + 1);
    const model: StoredModel = { id: crypto.randomUUID(), name, format: 'gguf', size: file.size, addedAt: now, selectedAt, blob: file };
    await tx.store.put(model);
    await tx.done;
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
    if (model) await tx.store.put({ ...model, selectedAt: Math.max(Date.now(), (await newestSelection(tx.store)) + 1) });
    await tx.done;
  },
  /** Replaces a model's file with an equivalent one (the CPU engine's faster layout); `size` stays the size of the file as added. */
  async replaceBlob(id: string, blob: Blob): Promise<void> {
    const tx = (await db()).transaction('models', 'readwrite');
    const model = await tx.store.get(id);
    if (model) await tx.store.put({ ...model, blob });
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
