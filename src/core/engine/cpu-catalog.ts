/** A GGUF model for the CPU engine (wllama), downloaded from Hugging Face. */
export interface GgufModel {
  id: string;
  label: string;
  url: string;
  sizeBytes: number;
  /** Roughly how much memory the CPU engine needs with a 2k context. */
  ramMB: number;
}

const hf = (repo: string, file: string) => `https://huggingface.co/${repo}/resolve/main/${file}`;

// Listed smallest first; sizes are the files' sizes on Hugging Face.
export const CPU_CATALOG: readonly GgufModel[] = [
  { id: 'smollm2-360m-instruct-q8_0', label: 'SmolLM2 360M Instruct (Q8_0)', url: hf('HuggingFaceTB/SmolLM2-360M-Instruct-GGUF', 'smollm2-360m-instruct-q8_0.gguf'), sizeBytes: 386_404_992, ramMB: 600 },
  { id: 'qwen2.5-0.5b-instruct-q4_k_m', label: 'Qwen2.5 0.5B Instruct (Q4_K_M)', url: hf('Qwen/Qwen2.5-0.5B-Instruct-GGUF', 'qwen2.5-0.5b-instruct-q4_k_m.gguf'), sizeBytes: 491_400_032, ramMB: 800 },
  { id: 'qwen2.5-1.5b-instruct-q4_k_m', label: 'Qwen2.5 1.5B Instruct (Q4_K_M)', url: hf('Qwen/Qwen2.5-1.5B-Instruct-GGUF', 'qwen2.5-1.5b-instruct-q4_k_m.gguf'), sizeBytes: 1_117_320_736, ramMB: 1700 },
];

/** The CPU default: Qwen2.5 0.5B follows instructions and JSON schemas well at a size that loads fast. */
export const DEFAULT_CPU_MODEL = CPU_CATALOG[1]!;
