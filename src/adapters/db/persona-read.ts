import type { IDBPDatabase } from 'idb';
import type { PersonaDoc } from '../../core/persona/types';
import type { DoppelDb } from './schema';

/** The newest persona document, if the persona pipeline has built one (tasks work without it). */
export const latestPersona = async (db: () => Promise<IDBPDatabase<DoppelDb>>): Promise<PersonaDoc | undefined> => {
  const cursor = await (await db()).transaction('personas').store.index('byCreatedAt').openCursor(null, 'prev');
  const value = cursor?.value as Partial<PersonaDoc> | undefined;
  // Only a document with the shared shape is used: a half-written or older one is ignored.
  return value && value.style && Array.isArray(value.claims) && Array.isArray(value.interests) ? (value as PersonaDoc) : undefined;
};
