import { readFileSync } from 'node:fs';
import { parseExport } from '../../core/export/schema';
import { historyFrequencyPredictor, styleMatchPredictor } from '../../core/fidelity/deterministic-predictors';
import { runFidelity } from '../../core/fidelity/run';
import { formatReport } from '../../core/fidelity/table';

const USAGE = 'Usage: npm run eval -- <export.json> [--share 0.1–0.2] [--json]';

/**
 * `npm run eval -- <export.json>`: the fidelity protocol on an exported history, with the
 * deterministic predictors (style-match, history-frequency). Returns the exit code.
 */
export const main = async (args: string[], out = (s: string) => process.stdout.write(s), err = (s: string) => process.stderr.write(s)): Promise<number> => {
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--share');
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
  const shareAt = args.indexOf('--share');
  const share = shareAt >= 0 ? Number(args[shareAt + 1]) : undefined;
  const report = await runFidelity({
    id: `cli-${Date.now()}`,
    history: parsed.value,
    predictors: [styleMatchPredictor, historyFrequencyPredictor],
    ...(share !== undefined && Number.isFinite(share) ? { share } : {}),
  });
  if (args.includes('--json')) {
    out(`${JSON.stringify({ ...report, predictions: undefined }, null, 2)}\n`);
    return 0;
  }
  out(`Doppel fidelity report for ${file}\n\n${formatReport(report)}`);
  out('Engine rows: not run here. The command line uses the deterministic predictors only; run the report in Options → Fidelity for the on-device model.\n');
  return 0;
};
