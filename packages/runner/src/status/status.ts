import { existsSync, statSync } from 'node:fs';
import { UserError } from '../errors.js';
import {
  describeBadLines,
  listResultFiles,
  readResults,
  type ResultsRead,
} from '../results/jsonl-reader.js';
import { readSnapshot } from '../results/snapshot.js';
import { formatTable } from '../progress/summary.js';
import { defaultOutDir } from '../sweep/plan.js';
import { loadSpecFile } from '../spec/load-spec.js';

/** Counts of one experiment: every cell is exactly one of ok / diverged / failed / missing. */
export interface ExperimentStatus {
  name: string;
  cells: number;
  ok: number;
  diverged: number;
  failed: number;
  missing: number;
}

export interface StatusReport {
  sweep: string;
  /** Where the experiments came from: the spec file, the dir's snapshot, or the records alone. */
  from: string;
  dir: string;
  files: number;
  lines: number;
  runs: number;
  experiments: ExperimentStatus[];
  /** Unique ids across all experiments. */
  total: ExperimentStatus;
  /** Records whose id is in no experiment of the spec (e.g. cells of an older spec). */
  extra: number;
  bad: string[];
}

function count(name: string, ids: readonly string[], results: ResultsRead): ExperimentStatus {
  const s: ExperimentStatus = {
    name,
    cells: ids.length,
    ok: 0,
    diverged: 0,
    failed: 0,
    missing: 0,
  };
  for (const id of ids) {
    const r = results.records.get(id);
    if (r) s[r.status]++;
    else s.missing++;
  }
  return s;
}

/** Status of a sweep, from a spec file or from a results directory (using its snapshot). */
export function sweepStatus(target: string, out?: string): StatusReport {
  if (!existsSync(target)) throw new UserError(`${target}: no such spec file or results directory`);
  let sweep: string;
  let from: string;
  let dir: string;
  let byExp: [string, string[]][];
  if (statSync(target).isDirectory()) {
    dir = target;
    const snap = readSnapshot(dir);
    if (snap) {
      sweep = snap.name;
      from = `${dir}/spec.json`;
      byExp = Object.entries(snap.experiments).map(([n, e]) => [n, e.ids]);
    } else {
      if (listResultFiles(dir).length === 0) {
        throw new UserError(`${dir}: not a results directory (no spec.json and no *.jsonl files)`);
      }
      sweep = '';
      from = 'records only (no spec.json: missing cells unknown)';
      byExp = [];
    }
  } else {
    const loaded = loadSpecFile(target);
    sweep = loaded.spec.name;
    from = target;
    dir = out ?? defaultOutDir(sweep);
    const map = new Map<string, string[]>(Object.keys(loaded.spec.experiments).map((n) => [n, []]));
    for (const c of loaded.cells) map.get(c.experiment)!.push(c.id);
    byExp = [...map.entries()];
  }
  const results = readResults(dir);
  if (byExp.length === 0) {
    // No spec: group the records by the experiment they name.
    const map = new Map<string, string[]>();
    for (const r of results.records.values()) {
      sweep ||= r.sweep;
      map.set(r.experiment, [...(map.get(r.experiment) ?? []), r.id]);
    }
    byExp = [...map.entries()];
  }
  const experiments = byExp.map(([n, ids]) => count(n, [...new Set(ids)], results));
  const all = new Set(byExp.flatMap(([, ids]) => ids));
  const total = count('total (unique ids)', [...all], results);
  const extra = [...results.records.keys()].filter((id) => !all.has(id)).length;
  return {
    sweep,
    from,
    dir,
    files: results.files.length,
    lines: results.lines,
    runs: results.records.size,
    experiments,
    total,
    extra,
    bad: describeBadLines(results.bad),
  };
}

/** The status as a table for people. */
export function formatStatus(s: StatusReport): string {
  const head = `sweep ${s.sweep || '?'} (${s.from}); results in ${s.dir}: ${s.files} file(s), ${s.lines} record line(s), ${s.runs} run(s)`;
  const rows = [['experiment', 'cells', 'done', 'ok', 'diverged', 'failed', 'missing']];
  for (const e of [...s.experiments, s.total]) {
    rows.push(
      [e.name, e.cells, e.ok + e.diverged, e.ok, e.diverged, e.failed, e.missing].map(String),
    );
  }
  const lines = [head, formatTable(rows)];
  if (s.extra > 0)
    lines.push(`${s.extra} run(s) in the directory belong to no experiment of this spec`);
  if (s.bad.length > 0)
    lines.push(`${s.bad.length} unreadable line(s):`, ...s.bad.map((b) => `  ${b}`));
  return lines.join('\n');
}
