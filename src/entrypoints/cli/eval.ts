import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseExport } from '../../core/export/schema';
import { historyFrequencyPredictor, historyOnlyPredictor, personaOnlyPredictor, styleMatchPredictor } from '../../core/fidelity/deterministic-predictors';
import { runFidelity } from '../../core/fidelity/run';
import { formatReport } from '../../core/fidelity/table';
import { runInBrowser } from './browser-run';

const USAGE = 'Usage: npm run eval -- <export.json> [--items N (newest records scored per task; default 60, 30 with --engine, at least 20 with --engine)] [--json] [--engine <model.gguf> [--rerank (also what picking the best of 4 drafts gains)] [--judge (also the engine as a pairwise judge of its drafts)]]';
const VALUED = new Set(['--items', '--engine']);
const flag = (args: string[], name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};

/**
 * `npm run eval -- <export.json>`: the fidelity protocol on an exported history, with the
 * deterministic predictors (the style-match draft and its history-only / persona-only ablations,
 * history-frequency); with `--engine <model.gguf>` the
 * built extension runs it in headless Chromium with the CPU engine too. Returns the exit code.
 */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The repository, where dist/ is. */
  repo: string;
}

export const main = async (args: string[], { out, err, repo }: CliIo): Promise<number> => {
  const file = args.find((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1] ?? ''));
  if (!file) {
    err(`${USAGE}\n`);
    return 2;
  }
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch {
    err(`Cannot read ${file}. Check the path.\n`);
    return 1;
  }
  const parsed = parseExport(json);
  if (!parsed.ok) {
    err(`${parsed.error.message}\n`);
    return 1;
  }
  const maxItems = Number(flag(args, '--items'));
  const model = flag(args, '--engine');
  let report;
  try {
    report = model
      ? await runInBrowser({
          history: parsed.value,
          modelPath: resolve(model),
          dist: resolve(repo, 'dist'),
          chromiumPath: process.env.DOPPEL_CHROMIUM ?? '/usr/bin/chromium',
          proxy: process.env.DOPPEL_PROXY ?? 'http://127.0.0.1:9',
          timeoutMs: Number(process.env.DOPPEL_EVAL_TIMEOUT_MS ?? 3_600_000),
          progressEveryMs: Number(process.env.DOPPEL_EVAL_PROGRESS_MS ?? 60_000),
          ...(Number.isFinite(maxItems) && maxItems > 0 ? { maxItems: Math.max(20, maxItems) } : {}),
          ...(args.includes('--rerank') ? { rerank: true } : {}),
          ...(args.includes('--judge') ? { judge: true } : {}),
          log: (line) => err(`${line}\n`),
        })
      : await runFidelity({
          id: `cli-${Date.now()}`,
          history: parsed.value,
          predictors: [styleMatchPredictor, historyOnlyPredictor, personaOnlyPredictor, historyFrequencyPredictor],
          ...(Number.isFinite(maxItems) && maxItems > 0 ? { maxItems } : {}),
        });
  } catch (failure) {
    err(`${failure instanceof Error ? failure.message : String(failure)}\n`);
    return 1;
  }
  // The report's own rows carry the paired persona − baseline difference (rolling-origin protocol).
  if (args.includes('--json')) {
    out(`${JSON.stringify({ ...report, predictions: undefined }, null, 2)}\n`);
    return 0;
  }
  out(`Doppel fidelity report for ${file}\n\n${formatReport(report)}`);
  out(model
    ? `Engine rows: the CPU engine (wllama) with ${model}, in headless Chromium.\n`
    : 'Engine rows: not run. Add --engine <model.gguf> to run the CPU engine in headless Chromium (after npm run build).\n');
  return 0;
};
