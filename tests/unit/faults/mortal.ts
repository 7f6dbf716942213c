import type { IDBPDatabase } from 'idb';
import type { LlmEngine } from '../../../src/core/engine/port';
import { openDoppelDb } from '../../../src/adapters/db/open-db';
import type { DoppelDb } from '../../../src/adapters/db/schema';

const forever = <T>(): Promise<T> => new Promise<T>(() => {});

/**
 * One life of a context (the service worker or the engine host) over a shared database. It counts
 * its steps (transactions opened, engine calls) and dies at step `killAt`: its open transactions
 * abort, its connections close, and everything it awaits afterwards never settles, as when the
 * browser stops the context. Nothing it kept in memory survives into the next life.
 */
export const mortal = (dbName: string, killAt: number, afterCommit: boolean) => {
  let steps = 0;
  let dead = false;
  const open = new Set<{ abort(): void }>();
  const connections: IDBPDatabase<DoppelDb>[] = [];
  let onDeath: () => void = () => {};
  const died = new Promise<void>((resolve) => (onDeath = resolve));

  const kill = () => {
    if (dead) return;
    dead = true;
    for (const tx of open) {
      try {
        tx.abort();
      } catch {
        // Already committed: a finished transaction cannot be taken back, as in a real crash.
      }
    }
    for (const connection of connections) connection.close();
    onDeath();
  };

  const step = (committed?: Promise<unknown>) => {
    steps++;
    if (steps !== killAt) return;
    if (afterCommit && committed) void committed.then(kill, kill);
    else queueMicrotask(kill);
  };

  const db = async (): Promise<IDBPDatabase<DoppelDb>> => {
    if (dead) return forever();
    const raw = await openDoppelDb(dbName);
    if (dead) {
      raw.close();
      return forever();
    }
    connections.push(raw);
    const proxy: IDBPDatabase<DoppelDb> = new Proxy(raw, {
      get(target, key) {
        if (key === 'transaction') {
          return (...args: Parameters<IDBPDatabase<DoppelDb>['transaction']>) => {
            if (dead) throw new DOMException('The context was stopped.', 'InvalidStateError');
            const tx = target.transaction(...args);
            open.add(tx);
            void tx.done.then(() => open.delete(tx), () => open.delete(tx));
            step(tx.done);
            return tx;
          };
        }
        const value = Reflect.get(target, key, target);
        // idb's shortcut methods (get, put, getAll) open their transaction through `this`: the proxy.
        return typeof value === 'function' ? value.bind(proxy) : value;
      },
    });
    return proxy;
  };

  /** The engine as this life sees it: each call is a step, and a dead host answers nothing. */
  const engine = (inner: LlmEngine): LlmEngine => ({
    ...inner,
    generate: async (request, onToken, signal) => {
      if (dead) return forever();
      step();
      const result = await inner.generate(request, onToken, signal);
      return dead ? forever() : result;
    },
    scoreOptions: async (request, signal) => {
      if (dead) return forever();
      step();
      const result = await inner.scoreOptions(request, signal);
      return dead ? forever() : result;
    },
  });

  return { db, engine, kill, died, isDead: () => dead, steps: () => steps };
};

export type Mortal = ReturnType<typeof mortal>;

/** Resolves with the value, or with 'killed' once the life ends first. */
export const orDeath = <T>(life: Mortal, work: Promise<T>): Promise<T | 'killed'> =>
  Promise.race([work, life.died.then(() => 'killed' as const)]);
