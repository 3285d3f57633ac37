import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { isDone, readResults, type ReadIssue, type RunStatus } from '@ansatz/results';
import { readSnapshot } from '../results/snapshot.js';
import { failOnUnreadable } from '../results/unreadable.js';
import { estimatedCosts, largestFirst } from '../schedule/largest-first.js';
import { shardOwners, type Shard } from '../schedule/shard.js';
import type { Cell } from '../spec/expand.js';
import { loadSpecFile, uniqueCells, type LoadedSpec } from '../spec/load-spec.js';

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
  /** Status of every id with a record in the results directory (the dedupe's winner). */
  statuses: Map<string, RunStatus>;
  /** Lines of the results directory that could not be read (reported as warnings). */
  issues: ReadIssue[];
  /** This shard's cells, one per id. */
  mine: Cell[];
  /** This shard's cells without an ok/diverged record, most expensive first. */
  toRun: Cell[];
  experiments: ExperimentPlan[];
  /** Ids of the whole spec (all shards), one per id. */
  totalIds: number;
}

/** Default results directory of a sweep: results/<name> under the working directory. */
export function defaultOutDir(name: string): string {
  return join('results', name);
}

/** Build the plan of `runner sweep` for a loaded spec. Reads the results directory. */
export async function planLoaded(loaded: LoadedSpec, outDir: string, shard: Shard): Promise<Plan> {
  const unique = uniqueCells(loaded.cells);
  const costs = estimatedCosts(unique);
  const owner = shard.count === 1 ? undefined : shardOwners(unique, shard.count, costs);
  const isMine = (id: string) => owner === undefined || owner.get(id) === shard.index;
  const mine = owner === undefined ? unique : unique.filter((c) => isMine(c.id));
  // Only each id's status is kept: resume needs no more, whatever the number of records.
  const results = await readResults(outDir, (r) => r.status);
  // Resuming past a file it cannot read would run its cells again.
  failOnUnreadable(results.issues);
  const done = (id: string) => {
    const s = results.records.get(id);
    return s !== undefined && isDone(s);
  };
  const toRun = largestFirst(
    mine.filter((c) => !done(c.id)),
    costs,
  );
  const byName = new Map<string, ExperimentPlan>(
    Object.keys(loaded.spec.experiments).map((name) => [
      name,
      { name, cells: 0, done: 0, toRun: 0 },
    ]),
  );
  // A cell shared by experiments counts in each; within one experiment every id is distinct
  // (its grid points differ in an axis, and grid values win over everything else).
  for (const c of loaded.cells) {
    if (!isMine(c.id)) continue;
    const e = byName.get(c.experiment)!;
    e.cells++;
    if (done(c.id)) e.done++;
    else e.toRun++;
  }
  return {
    loaded,
    outDir,
    shard,
    statuses: results.records,
    issues: results.issues,
    mine,
    toRun,
    experiments: [...byName.values()],
    totalIds: unique.length,
  };
}

/** Load the spec file and plan it. */
export async function plan(specFile: string, out: string | undefined, shard: Shard): Promise<Plan> {
  const loaded = loadSpecFile(specFile);
  const outDir = out ?? defaultOutDir(loaded.spec.name);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new UserError(`--out ${outDir}: exists and is not a directory; give a results directory`);
  }
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
  return planLoaded(loaded, outDir, shard);
}

/** `depth=2 init=balanced seed=0` */
export function describeAxes(cell: Cell): string {
  return Object.entries(cell.axes)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
