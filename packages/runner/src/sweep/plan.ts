import { verifyRecordId } from '../ids.js';
import { join } from 'node:path';
import { isDone, readResults, type ReadIssue } from '@ansatz/results';
import { readSnapshot } from '../results/snapshot.js';
import { failOnUnreadable } from '../results/unreadable.js';
import { UserError } from '../errors.js';
import { checkOutDir } from './out-dir.js';
import type { Shard } from '../schedule/shard.js';
import { idOf } from '../spec/cell-table.js';
import type { Cell } from '../spec/expand.js';
import { loadSpecFile, type LoadedSpec } from '../spec/load-spec.js';
import type { Overrides } from '../spec/overrides.js';
import { matchesWhere } from '../select/where.js';
import {
  checkOnly,
  describeSelection,
  EVERYTHING,
  isSelecting,
  type Selection,
} from '../select/selection.js';
import { findId, planIndex, shardsOf } from './plan-order.js';
import {
  checkRerunIds,
  inRerun,
  inRound,
  type PlannedCell,
  type RerunChoice,
  type Winner,
} from './rerun.js';

/** What of the spec a sweep works on: `--only`/`--where`, `--set`, `--rerun`. */
export interface PlanOptions {
  selection?: Selection;
  overrides?: Overrides;
  rerun?: RerunChoice | undefined;
}

/** Per-experiment counts of a plan (a cell shared by experiments counts in each). */
export interface ExperimentPlan {
  name: string;
  /** Cells of this experiment in this shard. */
  cells: number;
  done: number;
  toRun: number;
}

/**
 * What a sweep invocation will do: which cells are this shard's and which of them are missing.
 * Cells are entries of `loaded.table` (spec/cell-table.ts) and are only built when asked for
 * (`mine`, `toRun`, `cellAt`), so planning a 10⁶-cell spec holds no resolved configs.
 */
export interface Plan {
  loaded: LoadedSpec;
  outDir: string;
  shard: Shard;
  /** Every id with a record in the results directory: the dedupe winner's status and round. */
  winners: ReadonlyMap<string, Winner>;
  /** Lines of the results directory that could not be read (reported as warnings). */
  issues: ReadIssue[];
  /** This shard's entries, one per id, in spec order. */
  mineEntries: Uint32Array;
  /** How many of them have an ok/diverged record. */
  doneCount: number;
  /**
   * This shard's entries without an ok/diverged record (with --rerun: the chosen ones), most
   * expensive first (ties by id).
   */
  toRunEntries: Uint32Array;
  /** The cells of `mineEntries` (built on first use). */
  readonly mine: Cell[];
  /** The cells of `toRunEntries`, each in its rerun round (built on first use). */
  readonly toRun: PlannedCell[];
  /** The cell to run of one entry of `toRunEntries`, built alone. */
  toRunAt: (entry: number) => PlannedCell;
  experiments: ExperimentPlan[];
  /** Ids of the whole selection (all shards), one per id. */
  totalIds: number;
  /** When the results directory started being read (ms since the epoch; see claims.ts). */
  readAt: number;
}

/** Default results directory of a sweep: results/<name> under the working directory. */
export function defaultOutDir(name: string): string {
  return join('results', name);
}

/** The entries a selection keeps, in expansion order (see selectCells for the rules). */
function selectEntries(loaded: LoadedSpec, selection: Selection): Uint32Array {
  const t = loaded.table;
  checkOnly(selection, t.experiments, loaded.source.file);
  const out = new Uint32Array(t.count);
  let n = 0;
  if (!isSelecting(selection)) {
    for (let e = 0; e < t.count; e++) out[e] = e;
    return out;
  }
  const only = new Set(selection.only.map((o) => t.experiments.indexOf(o)));
  for (let e = 0; e < t.count; e++) {
    if (only.size > 0 && !only.has(t.experiment[e]!)) continue;
    const config = loaded.cellAt(e).config as unknown as Record<string, unknown>;
    if (matchesWhere(config, selection.where)) out[n++] = e;
  }
  if (n === 0) {
    throw new UserError(
      `${describeSelection(selection)}: selects no cell of ${loaded.source.file}`,
    );
  }
  return out.subarray(0, n);
}

const DONE = 1;
const CHOSEN = 2;
const RUNS = 4;

/** Build the plan of `runner sweep` for a loaded spec. Reads the results directory. */
export async function planLoaded(
  loaded: LoadedSpec,
  outDir: string,
  shard: Shard,
  options: PlanOptions = {},
): Promise<Plan> {
  const t = loaded.table;
  const selection = options.selection ?? EVERYTHING;
  const selected = selectEntries(loaded, selection);
  const { first, byId, order } = planIndex(t, selected);
  // Every shard computes every id's shard (a few bytes a cell) and builds only its own cells.
  const owner = shardsOf(t, order, shard.count);
  const isMine = (e: number) => owner[first[e]!] === shard.index;
  // Only each id's status is kept: resume needs no more, whatever the number of records.
  const readAt = Date.now();
  const results = await readResults(outDir, (r): Winner => ({ status: r.status, rerun: r.rerun }), {
    verify: verifyRecordId,
  });
  // Resuming past a file it cannot read would run its cells again.
  failOnUnreadable(results.issues);
  // Records are looked up in the sorted ids, not cells in a map of records.
  const flags = new Uint8Array(t.count);
  const mark = (id: string, flag: number) => {
    const e = findId(t, byId, id);
    if (e >= 0) flags[e]! |= flag;
  };
  const rerun = options.rerun;
  for (const [id, w] of results.records) {
    if (isDone(w.status)) mark(id, DONE);
    if (rerun?.statuses.includes(w.status)) mark(id, CHOSEN);
  }
  if (rerun) {
    checkRerunIds(rerun, (id) => findId(t, byId, id) >= 0, loaded.source.file);
    for (const id of rerun.ids) mark(id, CHOSEN);
  }
  // Explicit loops: a typed array's filter() calls back per cell.
  const picked = new Uint32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    if (!isMine(e)) continue;
    if (rerun ? (flags[e]! & CHOSEN) === 0 : (flags[e]! & DONE) !== 0) continue;
    flags[e]! |= RUNS;
    picked[n++] = e;
  }
  const toRunEntries = picked.subarray(0, n);
  const own = new Uint32Array(order.length);
  let m = 0;
  let doneCount = 0;
  for (let i = 0; i < selected.length; i++) {
    const e = selected[i]!;
    if (first[e] !== e || !isMine(e)) continue;
    own[m++] = e;
    if (flags[e]! & DONE) doneCount++;
  }
  const mineEntries = own.subarray(0, m);

  // A cell shared by experiments counts in each; within one experiment every id is distinct
  // (its grid points differ in an axis, and grid values win over everything else).
  const counts = t.experiments.map((name) => ({ name, cells: 0, done: 0, toRun: 0 }));
  const present = new Uint8Array(t.experiments.length);
  for (const e of selected) {
    const x = t.experiment[e]!;
    present[x] = 1;
    if (!isMine(e)) continue;
    const f = flags[first[e]!]!;
    const c = counts[x]!;
    c.cells++;
    if (f & DONE) c.done++;
    if (f & RUNS) c.toRun++;
  }
  const experiments = isSelecting(selection) ? counts.filter((_, x) => present[x]) : counts;

  const toRunAt = (e: number): PlannedCell => {
    const cell = loaded.cellAt(e);
    const w = results.records.get(cell.id);
    return rerun ? inRerun(cell, w) : inRound(cell, w);
  };
  let mine: Cell[] | undefined;
  let toRun: PlannedCell[] | undefined;
  return {
    loaded,
    outDir,
    shard,
    winners: results.records,
    issues: results.issues,
    mineEntries,
    doneCount,
    toRunEntries,
    get mine() {
      return (mine ??= Array.from(mineEntries, (e) => loaded.cellAt(e)));
    },
    get toRun() {
      return (toRun ??= Array.from(toRunEntries, toRunAt));
    },
    toRunAt,
    experiments,
    totalIds: byId.length,
    readAt,
  };
}

/** The id of one entry of a plan, without building its cell. */
export function entryId(p: Plan, entry: number): string {
  return idOf(p.loaded.table, entry);
}

/** Load the spec file and plan it. */
export async function plan(
  specFile: string,
  out: string | undefined,
  shard: Shard,
  options: PlanOptions = {},
): Promise<Plan> {
  const loaded = loadSpecFile(specFile, { overrides: options.overrides ?? {}, cells: 'lazy' });
  const outDir = out ?? defaultOutDir(loaded.spec.name);
  checkOutDir(outDir);
  let snap: ReturnType<typeof readSnapshot>;
  try {
    snap = readSnapshot(outDir);
  } catch (err) {
    // The snapshot is rewritten when the sweep starts; a damaged one must not block it.
    loaded.warnings.push(`${(err as Error).message}; it will be replaced`);
  }
  if (snap && snap.name !== loaded.spec.name) {
    loaded.warnings.push(
      `${outDir} holds results of sweep "${snap.name}"; its snapshot will now describe "${loaded.spec.name}"`,
    );
  }
  return planLoaded(loaded, outDir, shard, options);
}

/** `depth=2 init=balanced seed=0` */
export function describeAxes(cell: Cell): string {
  return Object.entries(cell.axes)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
