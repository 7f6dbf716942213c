import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type DoppelDb } from './schema';

let opening: Promise<IDBPDatabase<DoppelDb>> | null = null;

/** One connection per context; another context's upgrade closes ours, and the next call reopens. */
export const openDoppelDb = (name = DB_NAME): Promise<IDBPDatabase<DoppelDb>> => {
  if (name !== DB_NAME) return openAt(name);
  opening ??= openAt(name).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
};

const openAt = (name: string) =>
  openDB<DoppelDb>(name, DB_VERSION, {
    upgrade: (db, oldVersion, _newVersion, tx) => runMigrations(db, oldVersion, tx),
    blocking: (_current, _next, event) => {
      (event.target as IDBDatabase).close();
      if (name === DB_NAME) opening = null;
    },
    // The browser closed the connection abnormally (storage cleared, disk error): never hand out a dead one.
    terminated: () => {
      if (name === DB_NAME) opening = null;
    },
  });
