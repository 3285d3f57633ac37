import { verifyRecordId } from '../ids.js';
import { join } from 'node:path';
import {
  isDone,
  membershipOfCells,
  readResults,
  type ReadIssue,
  type RunStatus,
} from '@ansatz/results';
import { readSnapshot } from '../results/snapshot.js';
import { checkOutDir } from './out-dir.js';
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
  /** When the results directory started being read (ms since the epoch; see claims.ts). */
  readAt: number;
}

/** Default results directory of a sweep: results/<name> under the working directory. */
export function defaultOutDir(name: string): string {
  return join('results', name);
}

/** Build the plan of `runner sweep` for a loaded spec. Reads the results directory. */
export async function planLoaded(loaded: LoadedSpec, outDir: string, shard: Shard): Promise<Plan> {
  const unique = uniqueCells(loaded.cells);
  const costs = estimatedCosts(unique);
  const owner = shardOwners(unique, shard.count, costs);
  const mine = unique.filter((c) => owner.get(c.id) === shard.index);
  // Only each id's status is kept: resume needs no more, whatever the number of records.
  const readAt = Date.now();
  const results = await readResults(outDir, (r) => r.status, { verify: verifyRecordId });
  const done = (id: string) => {
    const s = results.records.get(id);
    return s !== undefined && isDone(s);
  };
  const toRun = largestFirst(
    mine.filter((c) => !done(c.id)),
    costs,
  );
  const members = membershipOfCells(loaded.cells);
  const byName = new Map<string, ExperimentPlan>(
    Object.keys(loaded.spec.experiments).map((name) => [
      name,
      { name, cells: 0, done: 0, toRun: 0 },
    ]),
  );
  for (const c of mine) {
    for (const name of members.get(c.id) ?? []) {
      const e = byName.get(name)!;
      e.cells++;
      if (done(c.id)) e.done++;
      else e.toRun++;
    }
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
    readAt,
  };
}

/** Load the spec file and plan it. */
export async function plan(specFile: string, out: string | undefined, shard: Shard): Promise<Plan> {
  const loaded = loadSpecFile(specFile);
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
  return planLoaded(loaded, outDir, shard);
}

/** `depth=2 init=balanced seed=0` */
export function describeAxes(cell: Cell): string {
  return Object.entries(cell.axes)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
