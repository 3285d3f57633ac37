import { hostname } from 'node:os';
import type {
  FinalMetrics,
  HistoryPoint,
  QualityFlag,
  RunConfig,
  RunQuality,
  RunResult,
  RunStatus,
} from '@ansatz/core';
import { RECORD_VERSION, type QualityFlag as RecordQualityFlag } from '@ansatz/results';
import type { Cell } from '../spec/expand.js';

/**
 * One line of a results file (DESIGN.md §3). Extra fields are allowed by the contract. Written
 * with v = RECORD_VERSION; a reader also returns older records (v ≥ 1), which lack the fields
 * marked "from v2".
 */
export interface RunRecord {
  v: number;
  id: string;
  sweep: string;
  experiment: string;
  config: RunConfig;
  status: RunStatus;
  error?: string;
  history: HistoryPoint[];
  final: FinalMetrics | null;
  /** Core's quality flags of an ok run ([] otherwise); from v2. */
  flags?: QualityFlag[];
  /** The numbers behind them: loss ratio and final AGOP rank; from v2. */
  quality?: RunQuality;
  /** Final weights W_1 … W_L (W_l out × in), only from `runner sweep --save-weights`. */
  weights?: number[][][];
  timing: RunResult['timing'];
  backend: string;
  engine: string;
  host: string;
  finishedAt: string;
  /** How many times the run was started (1 unless it was retried). */
  attempts: number;
  /** Rerun round (absent: 0): `runner sweep --rerun` writes 1 + the round it replaces. */
  rerun?: number;
}

/** A cell as the sweep runs it: with the rerun round its record is written in (see plan.ts). */
type RunCell = Cell & { rerun?: number };

const rerunOf = (cell: RunCell) => (cell.rerun ? { rerun: cell.rerun } : {});

/** The record of a run that returned a result (ok or diverged). */
export function recordFromResult(
  sweep: string,
  cell: RunCell,
  result: RunResult,
  attempts: number,
): RunRecord {
  return {
    v: RECORD_VERSION,
    id: cell.id,
    sweep,
    experiment: cell.experiment,
    config: cell.config,
    status: result.status,
    ...(result.error !== undefined ? { error: result.error } : {}),
    history: result.history,
    final: result.final,
    flags: result.flags,
    quality: result.quality,
    ...(result.weights !== undefined ? { weights: result.weights } : {}),
    timing: result.timing,
    backend: result.backend,
    engine: result.engine,
    host: hostname(),
    finishedAt: new Date().toISOString(),
    attempts,
    ...rerunOf(cell),
  };
}

/** The record of a run that threw on every attempt. */
export function failedRecord(
  sweep: string,
  cell: RunCell,
  error: string,
  attempts: number,
  seconds: number,
  backend: string,
): RunRecord {
  return {
    v: RECORD_VERSION,
    id: cell.id,
    sweep,
    experiment: cell.experiment,
    config: cell.config,
    status: 'failed',
    error,
    history: [],
    final: null,
    flags: [],
    quality: { lossRatio: null, agopRank: 0 },
    timing: { seconds, stepsPerSecond: 0, metricsSeconds: 0 },
    backend,
    engine: cell.config.engine,
    host: hostname(),
    finishedAt: new Date().toISOString(),
    attempts,
    ...rerunOf(cell),
  };
}

/**
 * Core's quality flags and the record schema's are one list (core produces them, @ansatz/results
 * publishes them): this fails to compile if either side gains or loses a flag.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const QUALITY_FLAGS_AGREE: Same<QualityFlag, RecordQualityFlag> = true;
