import { basename } from 'node:path';
import type { LoadIssue } from './load.js';
import type { LoadedResults } from './load.js';
import { FLAG_MEANING } from './quality.js';
import {
  QUALITY_FLAGS,
  RUN_STATUSES,
  type QualityFlag,
  type RunRecord,
  type RunStatus,
} from './record.js';
import { computeVerdicts } from './verdicts/index.js';
import type { Verdict } from './verdicts/types.js';

export interface StatusCount {
  experiment: string;
  status: RunStatus;
  n: number;
}

export interface ProblemRun {
  id: string;
  experiment: string;
  status: RunStatus;
  error: string;
}

export interface OverviewData {
  dirs: string[];
  fileCount: number;
  total: number;
  duplicates: number;
  sweeps: string[];
  counts: StatusCount[];
  /** experiment → counts per status, for the table. */
  table: { experiment: string; ok: number; diverged: number; failed: number; total: number }[];
  backends: { name: string; n: number }[];
  engines: { name: string; n: number }[];
  hosts: number;
  /** Sum of per-run seconds (compute time) and of metric seconds. */
  runSeconds: number;
  metricsSeconds: number;
  /** First start to last finish, from finishedAt − seconds. */
  spanSeconds: number | null;
  verdicts: Verdict[];
  problems: ProblemRun[];
  problemCount: number;
  /** Finished runs that carry quality flags, per flag (a run with two flags counts twice). */
  flagged: { flag: QualityFlag; meaning: string; n: number }[];
  /** Finished runs with at least one flag. */
  flaggedRuns: number;
  issues: LoadIssue[];
}

const MAX_PROBLEMS = 200;

function tally(xs: string[]): { name: string; n: number }[] {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m.entries()].map(([name, n]) => ({ name, n })).sort((a, b) => b.n - a.n);
}

function span(records: readonly RunRecord[]): number | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of records) {
    if (!r.finishedAt) continue;
    const end = Date.parse(r.finishedAt);
    if (!Number.isFinite(end)) continue;
    lo = Math.min(lo, end - (r.timing.seconds ?? 0) * 1000);
    hi = Math.max(hi, end);
  }
  return Number.isFinite(lo) && hi >= lo ? (hi - lo) / 1000 : null;
}

export function overviewData(loaded: LoadedResults): OverviewData {
  const { records } = loaded;
  const experiments = [...new Set(records.map((r) => r.experiment))].sort();
  const counts: StatusCount[] = [];
  const table = experiments.map((experiment) => {
    const rs = records.filter((r) => r.experiment === experiment);
    const row = { experiment, ok: 0, diverged: 0, failed: 0, total: rs.length };
    for (const r of rs) row[r.status]++;
    for (const status of RUN_STATUSES) {
      if (row[status] > 0) counts.push({ experiment, status, n: row[status] });
    }
    return row;
  });
  const problems = records
    .filter((r) => r.status !== 'ok')
    .map((r) => ({
      id: r.id,
      experiment: r.experiment,
      status: r.status,
      error: r.error ?? '(no message)',
    }));
  return {
    // The directories' names only: a published page must not show the build machine's paths.
    dirs: loaded.dirs.map((d) => basename(d)),
    fileCount: loaded.files.length,
    total: records.length,
    duplicates: loaded.rawCount - records.length,
    sweeps: [...new Set(records.map((r) => r.sweep).filter((s) => s !== ''))].sort(),
    counts,
    table,
    backends: tally(records.map((r) => r.backend)),
    engines: tally(records.map((r) => r.engine)),
    hosts: new Set(records.map((r) => r.host).filter((h) => h !== '')).size,
    runSeconds: records.reduce((s, r) => s + (r.timing.seconds ?? 0), 0),
    metricsSeconds: records.reduce((s, r) => s + (r.timing.metricsSeconds ?? 0), 0),
    spanSeconds: span(records),
    verdicts: computeVerdicts(records),
    flagged: QUALITY_FLAGS.map((flag) => ({
      flag,
      meaning: FLAG_MEANING[flag],
      n: records.filter((r) => r.flags.includes(flag)).length,
    })).filter((f) => f.n > 0),
    flaggedRuns: records.filter((r) => r.flags.length > 0).length,
    problems: problems.slice(0, MAX_PROBLEMS),
    problemCount: problems.length,
    // A directory-level issue names the directory as given; the page shows its name only.
    issues: loaded.issues.map((i) =>
      i.kind === 'missing-dir' || i.kind === 'no-files' ? { ...i, where: basename(i.where) } : i,
    ),
  };
}
