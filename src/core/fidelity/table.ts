import type { Interval } from './bootstrap';
import { METRIC_LABELS, type FidelityReport, type MetricKey, type MetricValue } from './report';

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const ci = (i?: Interval) => (i ? ` [${num(i.low)}, ${num(i.high)}]` : '');
const cell = (m?: MetricValue) => (m ? `${num(m.value)}${ci(m.interval)}` : '—');

const signed = (x: number) => (x > 0 ? `+${num(x)}` : num(x));
const excludes = (m: MetricValue, value = 0) => !!m.interval && (m.interval.low > value || m.interval.high < value);

const render = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((x, c) => x.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
};

const COMPARISON_TEXT = {
  'persona-vs-baseline': 'the persona draft preferred over the no-persona draft',
  'real-vs-baseline': 'judge check: your real reply preferred over the no-persona draft',
} as const;

/** The pairwise judge's rows: mean P(first preferred), 0.5 being no preference; * = its interval excludes 0.5. */
const pairwiseLines = ({ pairwise }: FidelityReport): string[] => {
  if (!pairwise) return [];
  const head = `Pairwise judge (${pairwise.judge}, on ${pairwise.predictor} drafts)`;
  if (pairwise.status !== 'ok') return [`${head}: unavailable. ${pairwise.reason ?? ''}`.trimEnd()];
  return [
    `${head}, mean P(preferred), 0.5 = no preference:`,
    ...pairwise.rows.map((r) => `  ${COMPARISON_TEXT[r.comparison]}: ${cell(r.preferred)}${excludes(r.preferred, 0.5) ? ' *' : ''} (preferred in ${r.wins} of ${r.n} items)`),
  ];
};

/** The report as a plain-text table: one line per metric, persona arm against baseline, with 95% intervals. */
export const formatReport = (report: FidelityReport): string => {
  const rows: string[][] = [['Task', 'Predictor', 'n', 'Metric', 'Persona [95% CI]', 'Baseline [95% CI]', 'Persona − baseline [paired 95% CI]']];
  for (const t of report.tasks) {
    if (t.status !== 'ok') {
      rows.push([t.title, t.predictor, String(t.n), '—', t.status === 'insufficient' ? 'not enough data yet' : 'unavailable', '']);
      continue;
    }
    for (const key of Object.keys(t.persona ?? {}) as MetricKey[]) {
      const d = t.difference?.[key];
      rows.push([t.title, t.predictor, String(t.n), METRIC_LABELS[key].label, cell(t.persona?.[key]), cell(t.baseline?.[key]), d ? `${signed(d.value)}${ci(d.interval)}${excludes(d) ? ' *' : ''}` : '—']);
    }
  }
  const lines = [
    report.split.protocol === 'rolling-origin'
      ? `Rolling origin: each of the newest ${report.split.writings.heldOut} of ${report.split.writings.train + report.split.writings.heldOut} writings and ${report.split.reactions.heldOut} of ${report.split.reactions.train + report.split.reactions.heldOut} reactions is predicted from only the records before it (at least ${report.split.minTrain}).`
      : `Held out: the newest ${Math.round(report.split.share * 100)}% — ${report.split.writings.heldOut} of ${report.split.writings.train + report.split.writings.heldOut} writings, ${report.split.reactions.heldOut} of ${report.split.reactions.train + report.split.reactions.heldOut} reactions.`,
    '',
    render(rows),
    '',
    'Persona − baseline: the paired difference over the same items (length ratio as |log ratio|: negative is closer to your length); * = its interval excludes 0.',
    ...report.tasks.filter((t) => t.reason).map((t) => `${t.title} (${t.predictor}): ${t.reason}`),
  ];
  for (const t of report.tasks) {
    if (!t.calibration) continue;
    const c = t.calibration;
    lines.push(`Calibration (${t.predictor}): temperature ${num(c.temperature)}, NLL after scaling ${num(c.nllCalibrated)} (cross-fitted), KL(you ‖ predicted) ${num(c.kl)} vs baseline ${num(c.klBaseline)}`);
    lines.push(`  Reliability: ${c.bins.filter((b) => b.count).map((b) => `${b.from.toFixed(1)}–${b.to.toFixed(1)}: n=${b.count} conf ${num(b.confidence)} acc ${num(b.accuracy)}`).join('; ')}`);
  }
  lines.push(...pairwiseLines(report));
  const f = report.faithfulness;
  lines.push(f ? `Faithfulness (${f.judge} judge): ${f.supported} of ${f.claims} claims resolve and are supported = ${num(f.share)}${ci(f.interval)}` : 'Faithfulness: no persona claims yet.');
  lines.push(report.bigFive?.length ? `Big Five stability (SD over runs): ${report.bigFive.map((b) => (b.runs > 1 ? `${b.trait} ${b.score.toFixed(2)} ± ${b.sd.toFixed(2)} (${b.runs} runs)` : `${b.trait} ${b.score.toFixed(2)} (1 run, no spread)`)).join(', ')}` : 'Big Five stability: no personality runs yet.');
  return `${lines.join('\n')}\n`;
};
