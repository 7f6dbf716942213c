import { parseEngineChoice, type EngineChoiceStore } from '../../core/engine/engine-choice';

const KEY = 'doppel.engineChoice';

/**
 * The engine host's own origin storage. The offscreen document has no chrome.storage (only
 * chrome.runtime), but its localStorage is the extension origin's, kept in the profile across restarts.
 */
export const createEngineChoiceStore = (storage: Pick<Storage, 'getItem' | 'setItem'>): EngineChoiceStore => ({
  read: () => parseEngineChoice(storage.getItem(KEY)),
  save: (record) => storage.setItem(KEY, JSON.stringify(record)),
});
