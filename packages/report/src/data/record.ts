/**
 * The run record as the report reads it (DESIGN.md §3 "Run record"). The report is tolerant:
 * it reads files written by any version of the runner, so every metric may be missing (null)
 * and the config is a loose map with typed accessors that fall back to the core's defaults.
 */

export type RunStatus = 'ok' | 'diverged' | 'failed';

/** Why a finished run may not count as evidence (DESIGN.md §3 "Quality flags"): the record's list. */
export { QUALITY_FLAGS, type QualityFlag } from '@ansatz/results';
import type { QualityFlag } from '@ansatz/results';
export const RUN_STATUSES: readonly RunStatus[] = ['ok', 'diverged', 'failed'];

export interface HistoryPoint {
  step: number;
  time: number | null;
  loss: number | null;
  nfaCorr: number | null;
  nfaCorrHalf: number | null;
  nfaPearson: number | null;
  alphaHat: number | null;
  imbalance: number | null;
  /** Best plain cosine over α (absent from records before version 2). */
  nfaCorrBest: number | null;
  /** Best centred (traceless) cosine over α (absent from records before version 2). */
  nfaCorrCentredBest: number | null;
}

/** What the same statistics give for first layers that learned nothing, against the final AGOP. */
export interface Baselines {
  isotropicBest: number | null;
  randomBest: number | null;
  randomCentredBest: number | null;
  initialBest: number | null;
  initialCentredBest: number | null;
}

export interface FinalMetrics extends HistoryPoint {
  alphaHatSpectral: number | null;
  imbalanceRel: number | null;
  alphaHatCentred: number | null;
  baselines: Baselines | null;
  gram: number[][] | null;
  agop: number[][] | null;
}

export interface RunTiming {
  seconds: number | null;
  stepsPerSecond: number | null;
  metricsSeconds: number | null;
}

export type ConfigValue = string | number | boolean | null;

/** Where a record came from, for messages. */
export interface RecordSource {
  file: string;
  line: number;
}

export interface RunRecord {
  id: string;
  sweep: string;
  experiment: string;
  config: Record<string, ConfigValue>;
  status: RunStatus;
  error: string | null;
  history: HistoryPoint[];
  final: FinalMetrics | null;
  timing: RunTiming;
  backend: string;
  engine: string;
  host: string;
  finishedAt: string | null;
  /** Quality flags (see quality.ts): stored by core since record version 2, derived for older records. */
  flags: QualityFlag[];
  /** Final / initial loss; null when undefined. */
  lossRatio: number | null;
  source: RecordSource;
}

/** Core defaults for the fields the report groups by (packages/core/src/config/schema.ts). */
const DEFAULTS = {
  task: 'linear',
  depth: 2,
  width: 16,
  activation: 'linear',
  init: 'balanced',
  initScale: 0.5,
  optimizer: 'gd',
  learningRate: 0.05,
  weightDecay: 0,
  steps: 2000,
  seed: 0,
} as const;

type NumField = {
  [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends number ? K : never;
}[keyof typeof DEFAULTS];
type StrField = {
  [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends string ? K : never;
}[keyof typeof DEFAULTS];

/** A numeric config field, or the core default when absent or not a finite number. */
export function cfgNum(r: RunRecord, key: NumField): number {
  const v = r.config[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULTS[key];
}

/** A string config field, or the core default when absent. */
export function cfgStr(r: RunRecord, key: StrField): string {
  const v = r.config[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? DEFAULTS[key] : String(v);
}

/** A finite number or null. */
export function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** First logged history point with a finite value of `key`. */
export function firstValue(r: RunRecord, key: keyof HistoryPoint): number | null {
  for (const h of r.history) {
    const v = finite(h[key]);
    if (v !== null) return v;
  }
  return null;
}

/**
 * Final value of `key`, from the record's `final` metrics only: null when the run has none or the
 * metric is undefined there. Never the last history value: a run whose final AGOP is 0 has no
 * final exponent, and an earlier one would misrepresent it.
 */
export function finalValue(r: RunRecord, key: keyof HistoryPoint): number | null {
  return r.final ? finite(r.final[key]) : null;
}
