import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DoppelDb } from './schema';

type UpgradeTx = IDBPTransaction<DoppelDb, StoreNames<DoppelDb>[], 'versionchange'>;
type Step = (db: IDBPDatabase<DoppelDb>, tx: UpgradeTx) => void;

/**
 * Schema steps, in order: step i upgrades version i to i+1. A step is never edited once it has
 * shipped; a change is a new step at the end, with a test that upgrades real data from the step
 * before.
 */
export const MIGRATIONS: readonly Step[] = [
  // 0 → 1: pages, writings, jobs, models.
  (db) => {
    const pages = db.createObjectStore('pages', { keyPath: 'id' });
    pages.createIndex('byUrl', 'url');
    pages.createIndex('byHash', 'contentHash');
    pages.createIndex('byLastVisit', 'lastVisit');
    const writings = db.createObjectStore('writings', { keyPath: 'id' });
    writings.createIndex('byCreatedAt', 'createdAt');
    writings.createIndex('bySite', 'site');
    const jobs = db.createObjectStore('jobs', { keyPath: 'id' });
    jobs.createIndex('byUpdatedAt', 'updatedAt');
    const models = db.createObjectStore('models', { keyPath: 'id' });
    models.createIndex('bySelectedAt', 'selectedAt');
  },
  // 1 → 2: observed reactions, persona documents, fidelity reports; pages by site.
  (db, tx) => {
    tx.objectStore('pages').createIndex('bySite', 'site');
    const reactions = db.createObjectStore('reactions', { keyPath: 'id' });
    reactions.createIndex('byAt', 'at');
    reactions.createIndex('byUrl', 'url');
    db.createObjectStore('personas', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('reports', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
  },
  // 2 → 3: pipeline checkpoints get their own store, so the engine host's sweep of orphaned
  // generation jobs never touches them; a persona rebuild checkpoint kept in `jobs` moves over.
  (db, tx) => {
    const pipelines = db.createObjectStore('pipelines', { keyPath: 'id' });
    const jobs = tx.objectStore('jobs');
    void jobs.get('persona-rebuild').then((checkpoint) => {
      if (!checkpoint) return;
      void pipelines.put(checkpoint as unknown as DoppelDb['pipelines']['value']);
      void jobs.delete('persona-rebuild');
    });
  },
  // 3 → 4: the persistent full-text index, one term vector per page, writing and reaction. It
  // starts empty; the background sees its count differ from the records' and builds it once.
  (db) => {
    db.createObjectStore('search', { keyPath: 'id' });
  },
  // 4 → 5: ingest writes fewer rows per record. Pages lose byHash and bySite (nothing looks pages up
  // by them), and the term vectors move from one row per record to one row per transaction, in an
  // append-only log the index replays; the v4 vectors are carried over, so nothing is rebuilt.
  (db, tx) => {
    const pages = tx.objectStore('pages');
    pages.deleteIndex('byHash');
    pages.deleteIndex('bySite');
    const log = db.createObjectStore('searchLog', { autoIncrement: true });
    void tx
      .objectStore('search')
      .getAll()
      .then((docs) => {
        for (let i = 0; i < docs.length; i += 2000) void log.add({ docs: docs.slice(i, i + 2000), removed: [] });
        db.deleteObjectStore('search');
      });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export const runMigrations = (db: IDBPDatabase<DoppelDb>, oldVersion: number, tx: UpgradeTx): void => {
  for (let version = oldVersion; version < MIGRATIONS.length; version++) MIGRATIONS[version]!(db, tx);
};
