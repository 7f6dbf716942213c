import type { ChatMessage, LlmEngine } from '../engine/port';
import { IPIP50_ITEMS, scoreIpip50, type Trait } from './ipip50';
import type { BigFiveTrait } from './types';

export const IPIP_RUNS = 5;
const OPTIONS = ['1', '2', '3', '4', '5'];

/** Answers so far, per run, by item index (0–49): the checkpoint a resumed rebuild continues from. */
export type IpipProgress = (number | null)[][];

export const emptyIpipProgress = (runs = IPIP_RUNS): IpipProgress => Array.from({ length: runs }, () => Array<number | null>(50).fill(null));

/** Seeded Fisher–Yates, so a resumed run asks the remaining items in the same order. */
export const shuffledOrder = (run: number): number[] => {
  let seed = 0x9e3779b9 ^ (run + 1);
  const rand = () => {
    seed = (Math.imul(seed ^ (seed >>> 16), 0x45d9f3b) ^ 0x27d4eb2d) >>> 0;
    return seed / 4294967296;
  };
  const order = Array.from({ length: 50 }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
};

export const ipipItemPrompt = (persona: string, item: string): ChatMessage[] => [
  { role: 'system', content: `You are the person described below. Answer as them.\n------\n${persona}\n------` },
  {
    role: 'user',
    content: `How accurately does this statement describe you?\n"${item}"\nAnswer with a single number: 1 very inaccurate, 2 moderately inaccurate, 3 neither, 4 moderately accurate, 5 very accurate.`,
  },
];

/**
 * Administers the IPIP-50 to the persona-conditioned model (BIG5-CHAT / PsychoBench style): one
 * item per prompt, `runs` runs in shuffled order. Each answer is the expected value of the model's
 * probabilities over "1".."5", so a model torn between 2 and 4 answers 3 rather than a coin flip.
 */
export const administerIpip50 = async (
  engine: LlmEngine,
  persona: string,
  options: { progress?: IpipProgress; evidenceCount: number; signal: AbortSignal; onAnswer?: (progress: IpipProgress) => Promise<void> | void },
): Promise<BigFiveTrait[]> => {
  const progress = options.progress ?? emptyIpipProgress();
  for (let run = 0; run < progress.length; run++) {
    for (const item of shuffledOrder(run)) {
      if (progress[run]![item] !== null) continue;
      options.signal.throwIfAborted();
      const { probabilities } = await engine.scoreOptions({ messages: ipipItemPrompt(persona, IPIP50_ITEMS[item]!), options: OPTIONS }, options.signal);
      progress[run]![item] = probabilities.reduce((s, p, k) => s + p * (k + 1), 0);
      await options.onAnswer?.(progress);
    }
  }
  return summarizeRuns(progress as number[][], options.evidenceCount);
};

/** Trait mean over runs and the SD between runs (the stability of the simulated answers). */
export const summarizeRuns = (runs: number[][], evidenceCount: number): BigFiveTrait[] => {
  const scored = runs.map(scoreIpip50);
  return (['E', 'A', 'C', 'N', 'O'] as Trait[]).map((trait) => {
    const values = scored.map((s) => s[trait]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = values.length > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1)) : 0;
    return { trait, score: mean, sd, runs: values.length, evidenceCount };
  });
};
