import { openDB, type IDBPDatabase } from 'idb';
import { DoppelError } from '../../core/result';
import { DB_VERSION, runMigrations } from './migrations';
import { DB_NAME, type DoppelDb } from './schema';

let opening: Promise<IDBPDatabase<DoppelDb>> | null = null;

/** How long an upgrade waits for an old page that will not let go before telling the user. */
export const BLOCKED_MS = 8000;

export const BLOCKED_MESSAGE = 'Another Doppel page still has its data open with an older version. Close or reload the other Doppel tabs, then try again.';

/** One connection per context; another context's upgrade closes ours, and the next call reopens. */
export const openDoppelDb = (name = DB_NAME, blockedMs = BLOCKED_MS): Promise<IDBPDatabase<DoppelDb>> => {
  if (name !== DB_NAME) return openAt(name, blockedMs);
  opening ??= openAt(name, blockedMs).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
};

const openAt = (name: string, blockedMs: number) =>
  new Promise<IDBPDatabase<DoppelDb>>((resolve, reject) => {
    let gaveUp = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    openDB<DoppelDb>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => runMigrations(db, oldVersion, tx),
      // A page running older code has not closed its connection: the upgrade waits for it, but the
      // user is told what to do instead of waiting on a request that may never finish.
      blocked: () => {
        timer ??= setTimeout(() => {
          gaveUp = true;
          reject(new DoppelError('internal', BLOCKED_MESSAGE));
        }, blockedMs);
      },
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        if (name === DB_NAME) opening = null;
      },
      // The browser closed the connection abnormally (storage cleared, disk error): never hand out a dead one.
      terminated: () => {
        if (name === DB_NAME) opening = null;
      },
    }).then(
      (db) => {
        clearTimeout(timer);
        // Opened after we gave up: nobody holds this connection, so it must not block the next upgrade.
        if (gaveUp) db.close();
        else resolve(db);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
