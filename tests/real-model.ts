import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** SmolLM2-135M-Instruct, fetched and verified by `npm run models` into .models/ (git-ignored). */
export const SMOLLM2_MODEL = process.env.DOPPEL_SMOLLM2 ?? resolve(import.meta.dirname, '..', '.models', 'SmolLM2-135M-Instruct.Q4_1.gguf');
export const HAS_SMOLLM2 = existsSync(SMOLLM2_MODEL);
export const SMOLLM2_SKIP_REASON = `needs ${SMOLLM2_MODEL}: run \`npm run models\``;

/**
 * Whether a real-model test runs. Outside CI a missing model skips it with the reason in its name;
 * in CI (`CI=true`) it runs anyway and fails on the missing file — CI must never skip the real model.
 */
export const RUN_SMOLLM2 = HAS_SMOLLM2 || process.env.CI === 'true';

export const smollm2Label = HAS_SMOLLM2 ? 'SmolLM2-135M-Instruct' : SMOLLM2_SKIP_REASON;

export const assertSmolLM2 = (): string => {
  if (!HAS_SMOLLM2) throw new Error(`SmolLM2-135M-Instruct is missing (${SMOLLM2_MODEL}); run \`npm run models\`.`);
  return SMOLLM2_MODEL;
};
