/**
 * The run record as the report reads it (DESIGN.md §3 "Run record"). The report is tolerant:
 * it reads files written by any version of the runner, so every metric may be missing (null)
 * and the config is a loose map with typed accessors that fall back to the core's defaults.
 */

export type RunStatus = 'ok' | 'diverged' | 'failed';
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
}

export interface FinalMetrics extends HistoryPoint {
  alphaHatSpectral: number | null;
  imbalanceRel: number | null;
  nfaCorrBest: number | null;
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

/** Final value of `key`: `final` when present, else the last logged finite value. */
export function finalValue(r: RunRecord, key: keyof HistoryPoint): number | null {
  const f = r.final ? finite(r.final[key]) : null;
  if (f !== null) return f;
  for (let i = r.history.length - 1; i >= 0; i--) {
    const v = finite(r.history[i]?.[key]);
    if (v !== null) return v;
  }
  return null;
}
