import { deriveFlags, lossRatioOf, storedFlags } from './quality.js';
import {
  RUN_STATUSES,
  type Baselines,
  finite,
  type ConfigValue,
  type FinalMetrics,
  type HistoryPoint,
  type RunRecord,
  type RunStatus,
} from './record.js';

function num(v: unknown): number | null {
  return finite(v);
}

function str(v: unknown, fallback: string): string {
  return typeof v === 'string' ? v : fallback;
}

function historyPoint(o: Record<string, unknown>): HistoryPoint {
  return {
    step: num(o.step) ?? 0,
    time: num(o.time),
    loss: num(o.loss),
    nfaCorr: num(o.nfaCorr),
    nfaCorrHalf: num(o.nfaCorrHalf),
    nfaPearson: num(o.nfaPearson),
    alphaHat: num(o.alphaHat),
    imbalance: num(o.imbalance),
    nfaCorrBest: num(o.nfaCorrBest),
    nfaCorrCentredBest: num(o.nfaCorrCentredBest),
  };
}

function baselines(v: unknown): Baselines | null {
  if (!isObject(v)) return null;
  return {
    isotropicBest: num(v.isotropicBest),
    randomBest: num(v.randomBest),
    randomCentredBest: num(v.randomCentredBest),
    initialBest: num(v.initialBest),
    initialCentredBest: num(v.initialCentredBest),
  };
}

function matrix(v: unknown): number[][] | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const rows: number[][] = [];
  for (const row of v) {
    if (!Array.isArray(row) || row.length !== v.length) return null;
    rows.push(row.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : Number.NaN)));
  }
  return rows;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function config(v: unknown): Record<string, ConfigValue> {
  const out: Record<string, ConfigValue> = {};
  if (!isObject(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' || x === null) {
      out[k] = x;
    }
  }
  return out;
}

/**
 * The report's tolerant normaliser, on top of @ansatz/results' reader: one stored record (of any
 * version) into the shape the pages use, or why it is not one. Unknown fields are ignored;
 * missing metrics become null; flags missing from older records are derived (quality.ts).
 */
export function toRecord(raw: unknown, source: { file: string; line: number }): RunRecord | string {
  if (!isObject(raw)) return 'not a JSON object';
  if (typeof raw.id !== 'string' || raw.id === '') return 'field "id" is missing or not a string';
  const status = raw.status as RunStatus;
  if (!RUN_STATUSES.includes(status)) {
    return `field "status" is ${JSON.stringify(raw.status)}; expected one of ${RUN_STATUSES.join(', ')}`;
  }
  const history = Array.isArray(raw.history) ? raw.history.filter(isObject).map(historyPoint) : [];
  let final: FinalMetrics | null = null;
  if (isObject(raw.final)) {
    const f = raw.final;
    final = {
      ...historyPoint(f),
      alphaHatSpectral: num(f.alphaHatSpectral),
      imbalanceRel: num(f.imbalanceRel),
      alphaHatCentred: num(f.alphaHatCentred),
      baselines: baselines(f.baselines),
      gram: matrix(f.gram),
      agop: matrix(f.agop),
    };
  }
  const t = isObject(raw.timing) ? raw.timing : {};
  const lossRatio = lossRatioOf({ history, final });
  const stored = storedFlags(raw.flags);
  return {
    id: raw.id,
    sweep: str(raw.sweep, ''),
    experiment: str(raw.experiment, '(none)'),
    config: config(raw.config),
    status,
    error: typeof raw.error === 'string' ? raw.error : null,
    history,
    final,
    timing: {
      seconds: num(t.seconds),
      stepsPerSecond: num(t.stepsPerSecond),
      metricsSeconds: num(t.metricsSeconds),
    },
    backend: str(raw.backend, 'unknown'),
    engine: str(raw.engine, 'unknown'),
    host: str(raw.host, ''),
    finishedAt: typeof raw.finishedAt === 'string' ? raw.finishedAt : null,
    flags: stored ?? deriveFlags({ status, history, final, lossRatio }),
    lossRatio,
    source,
  };
}
