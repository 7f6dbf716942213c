// Where `npm run models` keeps model files: .models/ at the top of the repo (git-ignored).
import { join, resolve } from 'node:path';

export const modelsDir = resolve(import.meta.dirname, '..', '.models');
export const smollm2 = join(modelsDir, 'SmolLM2-135M-Instruct.Q4_1.gguf');
