import browser from 'webextension-polyfill';
import starter from '../../../models/starter.json';
import type { ModelStore } from '../db/model-store';

/**
 * The starter model of the demo and the screenshots (models/starter.json names it, in one place).
 * `npm start -- --demo` copies the verified file into the build it runs; a store build has no such
 * file, so this finds nothing and the user adds a model in Options → Model.
 */
export const STARTER_MODEL = starter;

/**
 * Installs the packaged starter model from the extension's own files (no network), unless a model of
 * that name is installed already. Returns the stored model's id, or null when there is nothing packaged.
 */
export const installPackagedStarter = async (models: Pick<ModelStore, 'add' | 'list'>): Promise<string | null> => {
  const existing = (await models.list()).find((m) => m.name === starter.name);
  if (existing) return existing.id;
  let response: Response;
  try {
    response = await fetch(browser.runtime.getURL(starter.packaged));
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const model = await models.add(await response.blob(), starter.name);
  return model.id;
};
