import type { LoadProgress } from './port';

const MB = 1024 * 1024;

/**
 * WebLLM reports loading as text that restarts per phase ("Fetching param cache[3/24]: 120MB
 * fetched. 12% completed, 30 secs elapsed…", then "Loading model from cache[i/N]", then shaders).
 * Only the fetch phase carries bytes; the total comes from the catalog, known before the download.
 */
export const parseWebLlmProgress = (text: string, totalBytes: number): LoadProgress => {
  const fetched = /(\d+)\s*MB fetched/i.exec(text);
  const loadedBytes = fetched ? Number(fetched[1]) * MB : 0;
  return { loadedBytes: totalBytes ? Math.min(loadedBytes, totalBytes) : loadedBytes, totalBytes, text };
};
