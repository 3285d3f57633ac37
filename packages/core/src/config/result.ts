/** Metrics logged every `logEvery` steps (DESIGN.md §3). `null` where a value is undefined (NaN). */
export interface HistoryPoint {
  step: number;
  /** Seconds since training started. */
  time: number;
  loss: number | null;
  nfaCorr: number | null;
  nfaCorrHalf: number | null;
  nfaPearson: number | null;
  alphaHat: number | null;
  imbalance: number | null;
}

/** Metrics at the end of training, with the matrices they were computed from. */
export interface FinalMetrics extends HistoryPoint {
  alphaHatSpectral: number | null;
  imbalanceRel: number | null;
  /** Best correlation over α, i.e. nfaCorr(alphaHat). */
  nfaCorrBest: number | null;
  gram: number[][];
  agop: number[][];
}

export type RunStatus = 'ok' | 'diverged' | 'failed';

export interface RunTiming {
  seconds: number;
  stepsPerSecond: number;
  /** Seconds spent computing metrics (included in `seconds`). */
  metricsSeconds: number;
}

/** What `train` returns: the record fields that core owns. */
export interface RunResult {
  status: RunStatus;
  error?: string;
  history: HistoryPoint[];
  final: FinalMetrics | null;
  timing: RunTiming;
  backend: string;
  engine: string;
}
