import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PoolRun {
  workers: number;
  runs: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Sum of the runs' own training times. */
  busySeconds: number;
  /** Peak resident memory of the whole process (main thread + its workers), in MB; the highest of all rounds. */
  maxRssMB: number;
  runsPerSecond: number;
}

export interface PoolBench {
  spec: string;
  byWorkers: PoolRun[];
  /** runs/s at 2 workers over twice the runs/s at 1. */
  parallelEfficiency: number | null;
  /** Peak RSS of the 1-worker process: an upper bound for one worker (it includes the main thread). */
  peakMBPerWorker: number | null;
  /**
   * Cores the benchmark got around the pool runs (see `availableCores`): below 2, other jobs
   * held a core and the 2-worker efficiency is bounded by availableCores / 2.
   */
  availableCores: number | null;
}

const CHILD = fileURLToPath(new URL('./pool-child.js', import.meta.url));

/** One pool measurement in a fresh process, so its peak memory is its own. */
function runChild(spec: string, workers: number): PoolRun {
  const r = spawnSync(process.execPath, [CHILD, spec, String(workers)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(`pool benchmark (${workers} workers) failed: ${r.stderr.trim()}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<PoolRun, 'runsPerSecond'>;
  return { ...out, runsPerSecond: out.runs / out.seconds };
}

/**
 * Pool throughput of a sweep spec at each worker count, each measurement in its own child
 * process. The worker counts are measured in turn, `rounds` times over, and the fastest of each
 * is kept: on a shared machine a single measurement of each would compare the load at two
 * moments rather than the two pool sizes.
 */
export function benchPool(spec: string, workerCounts: readonly number[], rounds = 3): PoolBench {
  const best = new Map<number, PoolRun>();
  for (let round = 0; round < rounds; round++) {
    for (const w of workerCounts) {
      const run = runChild(spec, w);
      const prev = best.get(w);
      if (!prev || run.seconds < prev.seconds)
        best.set(w, { ...run, maxRssMB: Math.max(run.maxRssMB, prev?.maxRssMB ?? 0) });
      else prev.maxRssMB = Math.max(prev.maxRssMB, run.maxRssMB);
    }
  }
  const byWorkers = workerCounts.map((w) => best.get(w)!);
  const one = byWorkers.find((r) => r.workers === 1);
  const two = byWorkers.find((r) => r.workers === 2);
  return {
    spec,
    byWorkers,
    parallelEfficiency: one && two ? two.runsPerSecond / (2 * one.runsPerSecond) : null,
    peakMBPerWorker: one ? one.maxRssMB : null,
    availableCores: null,
  };
}
