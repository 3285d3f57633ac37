import { verifyRecordId } from '../ids.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import {
  describeIssues,
  experimentIds,
  listResultFiles,
  readResults,
  SNAPSHOT_YAML,
  type RunStatus,
} from '@ansatz/results';
import {
  describeSelection,
  EVERYTHING,
  isSelecting,
  selectCells,
  type Selection,
} from '../select/selection.js';
import { matchesWhere } from '../select/where.js';
import type { Cell } from '../spec/expand.js';
import { readSnapshot } from '../results/snapshot.js';
import { failOnUnreadable } from '../results/unreadable.js';
import { formatTable } from '../progress/summary.js';
import { defaultOutDir } from '../sweep/plan.js';
import { loadSpecFile, loadSpecText, type LoadedSpec } from '../spec/load-spec.js';

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
  /** The `--only`/`--where` flags the counts are limited to (absent: the whole sweep). */
  selection?: string;
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

/** What status keeps of each id's winning record: memory stays small whatever the runs hold. */
interface Brief {
  status: RunStatus;
  experiment: string;
  sweep: string;
  /** Whether the record's own experiment and config pass the selection (records-only mode). */
  selected: boolean;
}

/** Ids per experiment of the selected cells; with a selection, only experiments it keeps. */
function idsOf(loaded: LoadedSpec, selection: Selection, file: string): [string, string[]][] {
  const names = Object.keys(loaded.spec.experiments);
  const cells: Cell[] = selectCells(loaded.cells, selection, names, file);
  return Object.entries(experimentIds(names, cells))
    .map(([n, e]): [string, string[]] => [n, e.ids])
    .filter(([, ids]) => ids.length > 0 || !isSelecting(selection));
}

function count(
  name: string,
  ids: readonly string[],
  records: ReadonlyMap<string, Brief>,
): ExperimentStatus {
  const s: ExperimentStatus = {
    name,
    cells: ids.length,
    ok: 0,
    diverged: 0,
    failed: 0,
    missing: 0,
  };
  for (const id of ids) {
    const r = records.get(id);
    if (r) s[r.status]++;
    else s.missing++;
  }
  return s;
}

/** Status of a sweep, from a spec file or from a results directory (using its snapshot). */
export async function sweepStatus(
  target: string,
  out?: string,
  selection: Selection = EVERYTHING,
): Promise<StatusReport> {
  if (!existsSync(target)) throw new UserError(`${target}: no such spec file or results directory`);
  let sweep: string;
  let from: string;
  let dir: string;
  let byExp: [string, string[]][];
  /** Every id of the whole sweep (selected or not), to tell runs of other specs apart. */
  let allIds: Set<string> | undefined;
  if (statSync(target).isDirectory()) {
    dir = target;
    const snap = readSnapshot(dir);
    if (snap) {
      sweep = snap.name;
      from = `${dir}/spec.json`;
      byExp = Object.entries(snap.experiments).map(([n, e]) => [n, e.ids]);
      allIds = new Set(byExp.flatMap(([, ids]) => ids));
      if (isSelecting(selection)) {
        // The selection needs each cell's config: expand the spec the snapshot was taken of.
        const yaml = join(dir, SNAPSHOT_YAML);
        if (!existsSync(yaml)) {
          throw new UserError(
            `${dir}: --only/--where need ${yaml} (the spec's text); give the spec file instead`,
          );
        }
        const loaded = loadSpecText(readFileSync(yaml, 'utf8'), yaml, {
          overrides: snap.overrides ?? {},
        });
        byExp = idsOf(loaded, selection, yaml);
      }
    } else {
      if (listResultFiles(dir).files.length === 0) {
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
    allIds = new Set(loaded.cells.map((c) => c.id));
    byExp = idsOf(loaded, selection, target);
  }
  const results = await readResults(
    dir,
    (r): Brief => ({
      status: r.status,
      experiment: r.experiment,
      sweep: r.sweep,
      selected:
        (selection.only.length === 0 || selection.only.includes(r.experiment)) &&
        matchesWhere(r.config, selection.where),
    }),
    { verify: verifyRecordId },
  );
  failOnUnreadable(results.issues);
  if (byExp.length === 0) {
    // No spec: group the records by the experiment they name.
    const map = new Map<string, string[]>();
    for (const [id, r] of results.records) {
      sweep ||= r.sweep;
      if (!r.selected) continue;
      const ids = map.get(r.experiment);
      if (ids) ids.push(id);
      else map.set(r.experiment, [id]);
    }
    byExp = [...map.entries()];
  }
  const experiments = byExp.map(([n, ids]) => count(n, [...new Set(ids)], results.records));
  const all = new Set(byExp.flatMap(([, ids]) => ids));
  const total = count('total (unique ids)', [...all], results.records);
  const extra = allIds ? [...results.records.keys()].filter((id) => !allIds.has(id)).length : 0;
  return {
    sweep,
    from,
    ...(isSelecting(selection) ? { selection: describeSelection(selection) } : {}),
    dir,
    files: results.files.length,
    lines: results.lines,
    runs: results.records.size,
    experiments,
    total,
    extra,
    bad: describeIssues(results.issues),
  };
}

/** The status as a table for people. */
export function formatStatus(s: StatusReport): string {
  const head = `sweep ${s.sweep || '?'} (${s.from}${s.selection ? `, ${s.selection}` : ''}); results in ${s.dir}: ${s.files} file(s), ${s.lines} record line(s), ${s.runs} run(s)`;
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
