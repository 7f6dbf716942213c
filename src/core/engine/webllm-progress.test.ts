import { expect, test } from 'vitest';
import { parseWebLlmProgress } from './webllm-progress';

test('reads fetched megabytes out of WebLLM progress text, against the known total', () => {
  const text = 'Fetching param cache[3/24]: 120MB fetched. 12% completed, 30 secs elapsed. It can take a while when first loading.';
  expect(parseWebLlmProgress(text, 700 * 2 ** 20)).toEqual({ loadedBytes: 120 * 2 ** 20, totalBytes: 700 * 2 ** 20, text });
  expect(parseWebLlmProgress('Loading GPU shader modules[3/40]', 1000).loadedBytes).toBe(0);
});
