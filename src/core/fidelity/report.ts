import type { ReliabilityBin } from './classification';
import type { Interval } from './bootstrap';

export type MetricKey =
  | 'rouge1' | 'rougeL' | 'lengthRatio' | 'lengthRatioGeo' | 'charTrigramCosine' | 'functionWordCosine'
  | 'top1' | 'mrr' | 'brier' | 'ece' | 'nll' | 'mae' | 'rmse';

export const METRIC_LABELS: Record<MetricKey, { label: string; better: 'higher' | 'lower' | 'one' }> = {
  rouge1: { label: 'ROUGE-1 F1', better: 'higher' },
  rougeL: { label: 'ROUGE-L F1', better: 'higher' },
  lengthRatio: { label: 'Length ratio', better: 'one' },
  // The mean of ratios is pulled up by a few very short real replies (a draft 10× too long counts 10, one 10× too short 0.1): this is the typical one.
  lengthRatioGeo: { label: 'Length ratio, geometric mean', better: 'one' },
  charTrigramCosine: { label: 'Char 3-gram cosine', better: 'higher' },
  functionWordCosine: { label: 'Function-word cosine', better: 'higher' },
  top1: { label: 'Top-1 accuracy', better: 'higher' },
  mrr: { label: 'MRR', better: 'higher' },
  brier: { label: 'Brier', better: 'lower' },
  ece: { label: 'ECE', better: 'lower' },
  nll: { label: 'NLL (nats)', better: 'lower' },
  mae: { label: 'MAE', better: 'lower' },
  rmse: { label: 'RMSE', better: 'lower' },
};

export interface MetricValue {
  value: number;
  /** Bootstrap 95% interval over held-out items. */
  interval?: Interval;
}

export type Metrics = Partial<Record<MetricKey, MetricValue>>;

export type TaskKind = 'style' | 'reaction' | 'numeric';

export interface Calibration {
  /** Reliability diagram of the persona arm's top-1 predictions (10 equal-width bins). */
  bins: ReliabilityBin[];
  /** Per-user temperature fitted on the held-out items by minimum NLL. */
  temperature: number;
  /** NLL after temperature scaling, two-fold cross-fitted. */
  nllCalibrated: number;
  /** KL(user ‖ mean prediction) in nats, persona and baseline arm. */
  kl: number;
  klBaseline: number;
}

/** One task scored for one predictor: the persona arm against the same predictor without persona. */
export interface TaskReport {
  task: TaskKind;
  /** e.g. "engine", "history-frequency". */
  predictor: string;
  title: string;
  /** Held-out items available for the task. */
  n: number;
  status: 'ok' | 'insufficient' | 'unavailable';
  /** Why a row is insufficient or unavailable, as a sentence for the user. */
  reason?: string;
  persona?: Metrics;
  baseline?: Metrics;
  personaLabel?: string;
  baselineLabel?: string;
  calibration?: Calibration;
  /** Persona arm minus baseline arm per metric, with a paired bootstrap interval over the same items. */
  difference?: Partial<Record<MetricKey, MetricValue>>;
}

export interface FaithfulnessReport {
  claims: number;
  supported: number;
  share: number;
  interval?: Interval;
  judge: string;
}

/** Which two replies the pairwise judge compared for each held-out item. */
export type PairwiseComparison = 'persona-vs-baseline' | 'real-vs-baseline';

export interface PairwiseRow {
  comparison: PairwiseComparison;
  n: number;
  /** Mean P(the first reply sounds more like the user), with a bootstrap 95% interval; 0.5 is no preference. */
  preferred: MetricValue;
  /** Items where the first reply was preferred (P > 0.5). */
  wins: number;
}

/** The engine as a pairwise judge of one predictor's drafts: persona draft against the no-persona draft, and the judge's own check (the user's real reply against it). */
export interface PairwiseReport {
  judge: string;
  predictor: string;
  status: 'ok' | 'unavailable';
  reason?: string;
  rows: PairwiseRow[];
}

export interface FidelityReport {
  id: string;
  createdAt: number;
  updatedAt: number;
  status: 'running' | 'done' | 'failed';
  progress: { done: number; total: number };
  /**
   * Rolling origin: `heldOut` records were each predicted from the records before them (at least
   * `minTrain`); `train` counts the records only ever learned from. `share` = heldOut / all writings.
   */
  split: { share: number; protocol?: 'rolling-origin'; minTrain?: number; writings: { train: number; heldOut: number }; reactions: { train: number; heldOut: number } };
  tasks: TaskReport[];
  faithfulness?: FaithfulnessReport;
  pairwise?: PairwiseReport;
  bigFive?: { trait: string; score: number; sd: number; runs: number }[];
  /** Predictions made so far, keyed per predictor/task/arm/item: the checkpoint a resumed run continues from. */
  predictions: Record<string, Prediction>;
  error?: string;
}

export type Prediction = string | number | number[] | { error: string; code: string };
