import { existsSync, statSync } from 'node:fs';
import { RUN_CONFIG_FIELDS } from '@ansatz/core';
import { UserError } from '../errors.js';
import { verifyRecordId } from '../ids.js';
import {
  describeIssues,
  listResultFiles,
  membershipOfSnapshot,
  readResults,
  type StoredRecord,
} from '@ansatz/results';
import type { RunRecord } from '../results/record.js';
import { readSnapshot } from '../results/snapshot.js';
import { EVERYTHING, type Selection } from '../select/selection.js';
import { matchesWhere } from '../select/where.js';
import { failOnUnreadable } from '../results/unreadable.js';

export type Cell = string | number | boolean | null;

/** A flat table: one row per deduplicated run. */
export interface Table {
  columns: string[];
  rows: Cell[][];
  warnings: string[];
}

/** Run metadata columns, before the config fields. */
const META = ['id', 'sweep', 'experiment', 'status', 'error'] as const;
/** The final baselines (core's `Baselines`), each a column under its own name. */
const BASELINES = [
  'isotropicBest',
  'randomBest',
  'randomCentredBest',
  'initialBest',
  'initialCentredBest',
] as const;
/** The quality flags (joined by ";") and the numbers behind them. */
const QUALITY = ['flags', 'lossRatio', 'agopRank'] as const;
/** Columns after the final metrics, baselines and quality. */
const TAIL = [
  'seconds',
  'stepsPerSecond',
  'backend',
  'engineUsed',
  'host',
  'finishedAt',
  'attempts',
] as const;

/** Scalar (non-matrix) keys of the final metrics, in first-seen order. */
function finalKeys(records: readonly RunRecord[]): string[] {
  const keys: string[] = [];
  for (const r of records) {
    for (const [k, v] of Object.entries(r.final ?? {})) {
      if ((typeof v === 'number' || v === null) && !keys.includes(k)) keys.push(k);
    }
  }
  return keys;
}

const scalar = (v: unknown): Cell =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;

/**
 * The table `runner export` writes. Columns: id, sweep, experiment (every experiment of the
 * spec snapshot the run belongs to, joined by ";"), status, error; then every run-config field
 * under its own name (depth, width, optimizer, …); then the scalar final metrics under their
 * own names (loss, nfaCorr, alphaHat, …; not the gram/agop matrices); then the final
 * baselines (isotropicBest, randomBest, randomCentredBest, initialBest, initialCentredBest),
 * flags (joined by ";"), lossRatio and agopRank; then seconds, stepsPerSecond, backend,
 * engineUsed (the engine that actually ran), host, finishedAt, attempts.
 */
/**
 * What export keeps of a record: everything but the history, the matrices and the weights, so
 * that memory is a few hundred bytes a run.
 */
function compact(r: StoredRecord): RunRecord {
  const rec = r as unknown as RunRecord;
  const { history: _h, weights: _w, ...rest } = rec;
  void _h;
  void _w;
  if (!rec.final) return { ...rest, history: [] };
  const { gram: _g, agop: _a, ...final } = rec.final;
  void _g;
  void _a;
  return { ...rest, history: [], final: { ...final, gram: [], agop: [] } };
}

export async function exportTable(dir: string, selection: Selection = EVERYTHING): Promise<Table> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError(`${dir}: no such results directory`);
  }
  if (listResultFiles(dir).files.length === 0)
    throw new UserError(`${dir}: no results (no *.jsonl files)`);
  const results = await readResults(dir, compact, { verify: verifyRecordId });
  failOnUnreadable(results.issues);
  const snap = readSnapshot(dir);
  const members = membershipOfSnapshot(snap?.experiments ?? {});
  const experiments = Object.keys(snap?.experiments ?? {});
  const unknown = selection.only.filter((o) => experiments.length > 0 && !experiments.includes(o));
  if (unknown.length > 0) {
    throw new UserError(
      unknown.map(
        (o) =>
          `--only ${o}: no experiment "${o}" in ${dir}; experiments: ${experiments.join(', ')}`,
      ),
    );
  }
  const selected = (r: RunRecord) =>
    (selection.only.length === 0 ||
      (members.get(r.id) ?? [r.experiment]).some((e) => selection.only.includes(e))) &&
    matchesWhere(r.config as unknown as Record<string, unknown>, selection.where);
  const records = [...results.records.values()]
    .filter(selected)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fkeys = finalKeys(records);
  const columns = [...META, ...RUN_CONFIG_FIELDS, ...fkeys, ...BASELINES, ...QUALITY, ...TAIL];
  const rows = records.map((r): Cell[] => {
    const cfg = r.config as unknown as Record<string, unknown>;
    const fin = (r.final ?? {}) as unknown as Record<string, unknown>;
    const base = (r.final?.baselines ?? {}) as unknown as Record<string, unknown>;
    return [
      r.id,
      r.sweep,
      (members.get(r.id) ?? [r.experiment]).join(';'),
      r.status,
      r.error ?? null,
      ...RUN_CONFIG_FIELDS.map((f) => scalar(cfg[f])),
      ...fkeys.map((k) => scalar(fin[k])),
      ...BASELINES.map((k) => scalar(base[k])),
      // Records before v2 have no flags: null, not an empty list.
      r.flags ? r.flags.join(';') : null,
      scalar(r.quality?.lossRatio),
      scalar(r.quality?.agopRank),
      scalar(r.timing?.seconds),
      scalar(r.timing?.stepsPerSecond),
      scalar(r.backend),
      scalar(r.engine),
      scalar(r.host),
      scalar(r.finishedAt),
      scalar(r.attempts),
    ];
  });
  return { columns, rows, warnings: describeIssues(results.issues) };
}

function csvField(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; null is an empty field. */
export function toCsv(t: Table): string {
  const lines = [t.columns, ...t.rows].map((row) => row.map((v) => csvField(v)).join(','));
  return `${lines.join('\n')}\n`;
}

/** One JSON object per row, keyed by column. */
export function toJsonl(t: Table): string {
  return (
    t.rows
      .map((row) =>
        JSON.stringify(Object.fromEntries(t.columns.map((c, i) => [c, row[i] ?? null]))),
      )
      .join('\n') + (t.rows.length ? '\n' : '')
  );
}
