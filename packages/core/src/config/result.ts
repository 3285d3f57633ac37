import type { QualityFlag } from '../training/quality-flags.js';

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
  /** Best correlation over α ∈ [ALPHA_MIN, ALPHA_MAX], i.e. nfaCorr(alphaHat). */
  nfaCorrBest: number | null;
  /**
   * Best centred (traceless) correlation over α: max of cos(G − (trG/d)·I, A^α − (trA^α/d)·I),
   * which is 0 for an isotropic G where the plain cosine stays near 1 (see centred-corr.ts).
   * Null when G or every A^α is isotropic.
   */
  nfaCorrCentredBest: number | null;
  imbalance: number | null;
}

/**
 * Reference values for the final AGOP: what the NFA correlations score for first layers that
 * learned nothing from it. A trained net's nfaCorrBest means little unless it beats these.
 */
export interface Baselines {
  /** Best-α cosine of an isotropic G = I against the final AGOP (its centred value is 0 by definition). */
  isotropicBest: number | null;
  /**
   * Best-α cosine and centred cosine of an independent random first layer (Gaussian, W1's
   * shape, stream Rng.stream(seed, 'baseline.random')) against the final AGOP.
   */
  randomBest: number | null;
  randomCentredBest: number | null;
  /**
   * The same for the network's own initial first layer W1(0) against the final AGOP (features
   * that did not move score exactly this).
   */
  initialBest: number | null;
  initialCentredBest: number | null;
}

/** Metrics at the end of training, with the matrices they were computed from. */
export interface FinalMetrics extends HistoryPoint {
  alphaHatSpectral: number | null;
  imbalanceRel: number | null;
  /** argmax over α of the centred correlation (nfaCorrCentredBest); null when not identifiable. */
  alphaHatCentred: number | null;
  baselines: Baselines;
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

/** The numbers behind the quality flags (see training/quality-flags.ts). */
export interface RunQuality {
  /** Final loss ÷ loss at step 0; null when not ok or the initial loss is not positive. */
  lossRatio: number | null;
  /** Positive eigenvalues of the final AGOP (its numerical rank); 0 when not ok. */
  agopRank: number;
}

/** What `train` returns: the record fields that core owns. */
export interface RunResult {
  status: RunStatus;
  error?: string;
  history: HistoryPoint[];
  final: FinalMetrics | null;
  /** Warnings about an `ok` run's numbers (empty for diverged and failed runs). */
  flags: QualityFlag[];
  quality: RunQuality;
  /**
   * The final weights W_1 … W_L as nested rows (W_l of shape out × in), only when
   * `TrainOptions.keepWeights` asked for them and the run finished `ok`.
   */
  weights?: number[][][];
  timing: RunTiming;
  backend: string;
  engine: string;
}
