import { verifyRecordId } from '../ids.js';
import { join } from 'node:path';
import { isDone, readResults, type ReadIssue } from '@ansatz/results';
import { readSnapshot } from '../results/snapshot.js';
import { failOnUnreadable } from '../results/unreadable.js';
import { checkOutDir } from './out-dir.js';
import { estimatedCosts, largestFirst } from '../schedule/largest-first.js';
import { shardOwners, type Shard } from '../schedule/shard.js';
import type { Cell } from '../spec/expand.js';
import { loadSpecFile, uniqueCells, type LoadedSpec } from '../spec/load-spec.js';
import type { Overrides } from '../spec/overrides.js';
import { EVERYTHING, isSelecting, selectCells, type Selection } from '../select/selection.js';
import { inRound, rerunCells, type PlannedCell, type RerunChoice, type Winner } from './rerun.js';

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

/** What a sweep invocation will do: which cells are this shard's and which of them are missing. */
export interface Plan {
  loaded: LoadedSpec;
  outDir: string;
  shard: Shard;
  /** Every id with a record in the results directory: the dedupe winner's status and round. */
  winners: ReadonlyMap<string, Winner>;
  /** Lines of the results directory that could not be read (reported as warnings). */
  issues: ReadIssue[];
  /** This shard's cells, one per id. */
  mine: Cell[];
  /**
   * This shard's cells without an ok/diverged record (with --rerun: the chosen cells), most
   * expensive first.
   */
  toRun: PlannedCell[];
  /** The selected cells of every experiment, in spec order (all shards; an id may repeat). */
  selected: Cell[];
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

/** Build the plan of `runner sweep` for a loaded spec. Reads the results directory. */
export async function planLoaded(
  loaded: LoadedSpec,
  outDir: string,
  shard: Shard,
  options: PlanOptions = {},
): Promise<Plan> {
  const experimentNames = Object.keys(loaded.spec.experiments);
  const selection = options.selection ?? EVERYTHING;
  const selected = selectCells(loaded.cells, selection, experimentNames, loaded.source.file);
  const unique = uniqueCells(selected);
  const costs = estimatedCosts(unique);
  const owner = shard.count === 1 ? undefined : shardOwners(unique, shard.count, costs);
  const isMine = (id: string) => owner === undefined || owner.get(id) === shard.index;
  const mine = owner === undefined ? unique : unique.filter((c) => isMine(c.id));
  // Only each id's status is kept: resume needs no more, whatever the number of records.
  const readAt = Date.now();
  const results = await readResults(outDir, (r): Winner => ({ status: r.status, rerun: r.rerun }), {
    verify: verifyRecordId,
  });
  // Resuming past a file it cannot read would run its cells again.
  failOnUnreadable(results.issues);
  const done = (id: string) => {
    const w = results.records.get(id);
    return w !== undefined && isDone(w.status);
  };
  const chosen = options.rerun
    ? rerunCells(
        mine,
        results.records,
        options.rerun,
        new Set(unique.map((c) => c.id)),
        loaded.source.file,
      )
    : mine.filter((c) => !done(c.id)).map((c) => inRound(c, results.records.get(c.id)));
  const toRun = largestFirst(chosen, costs);
  const running = new Set(toRun.map((c) => c.id));
  const names = isSelecting(selection)
    ? experimentNames.filter((n) => selected.some((c) => c.experiment === n))
    : experimentNames;
  const byName = new Map<string, ExperimentPlan>(
    names.map((name) => [name, { name, cells: 0, done: 0, toRun: 0 }]),
  );
  // A cell shared by experiments counts in each; within one experiment every id is distinct
  // (its grid points differ in an axis, and grid values win over everything else).
  for (const c of selected) {
    if (!isMine(c.id)) continue;
    const e = byName.get(c.experiment)!;
    e.cells++;
    if (done(c.id)) e.done++;
    if (running.has(c.id)) e.toRun++;
  }
  return {
    loaded,
    outDir,
    shard,
    winners: results.records,
    issues: results.issues,
    mine,
    toRun,
    selected,
    experiments: [...byName.values()],
    totalIds: unique.length,
    readAt,
  };
}

/** Load the spec file and plan it. */
export async function plan(
  specFile: string,
  out: string | undefined,
  shard: Shard,
  options: PlanOptions = {},
): Promise<Plan> {
  const loaded = loadSpecFile(specFile, { overrides: options.overrides ?? {} });
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
