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

/** Something wrong in the results that the site reports instead of failing on. */
export interface LoadIssue {
  kind: 'torn-line' | 'bad-line' | 'bad-record' | 'missing-dir' | 'no-files' | 'unreadable';
  /** `file` or `file:line`. */
  where: string;
  message: string;
}

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
 * Normalise one parsed JSON value into a record, or return why it is not one.
 * Unknown fields are ignored; missing metrics become null.
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

/**
 * Parse the text of one JSONL file. A last line that does not parse and has no newline after
 * it is a torn write (a writer killed mid-line): tolerated and reported. Any other bad line is
 * skipped and reported too; nothing here throws on bad content.
 */
export function parseJsonl(
  text: string,
  file: string,
): { records: RunRecord[]; issues: LoadIssue[] } {
  const records: RunRecord[] = [];
  const issues: LoadIssue[] = [];
  const lines = text.split('\n');
  const endsWithNewline = text.endsWith('\n');
  let lastNonEmpty = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i] ?? '').trim() !== '') {
      lastNonEmpty = i;
      break;
    }
  }
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      if (i === lastNonEmpty && !endsWithNewline) {
        issues.push({
          kind: 'torn-line',
          where,
          message: 'torn last line (incomplete write) ignored',
        });
      } else {
        issues.push({ kind: 'bad-line', where, message: 'line is not valid JSON; skipped' });
      }
      return;
    }
    const r = toRecord(raw, { file, line: i + 1 });
    if (typeof r === 'string') issues.push({ kind: 'bad-record', where, message: `${r}; skipped` });
    else records.push(r);
  });
  return { records, issues };
}

const STATUS_RANK: Record<RunStatus, number> = { ok: 2, diverged: 1, failed: 0 };

/**
 * Union of records deduplicated by id: prefer `ok`, then `diverged`, then `failed`; among equal
 * statuses the one that finished last. Returns the kept records in first-seen order.
 */
export function dedupeRecords(records: readonly RunRecord[]): RunRecord[] {
  const best = new Map<string, RunRecord>();
  for (const r of records) {
    const prev = best.get(r.id);
    if (!prev) {
      best.set(r.id, r);
      continue;
    }
    const dr = STATUS_RANK[r.status] - STATUS_RANK[prev.status];
    if (dr > 0 || (dr === 0 && (r.finishedAt ?? '') > (prev.finishedAt ?? ''))) best.set(r.id, r);
  }
  return [...best.values()];
}
