import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PoolRun {
  workers: number;
  runs: number;
  seconds: number;
  statuses: Record<string, number>;
  /** Sum of the runs' own training times. */
  busySeconds: number;
  /** Peak resident memory of the whole process (main thread + workers), in MB; highest of all rounds. */
  maxRssMB: number;
  runsPerSecond: number;
  /** Wall seconds of every round at this worker count, in the order measured. */
  roundSeconds: number[];
}

export interface PoolBench {
  spec: string;
  /** The fastest round of each worker count. */
  byWorkers: PoolRun[];
  /**
   * runs/s at 2 workers over twice the runs/s at 1: the median over rounds of each round's
   * ratio (the two measured a few seconds apart, so slow drifts of the host's load cancel).
   */
  parallelEfficiency: number | null;
  /** Peak RSS of the 1-worker process: an upper bound for one worker (it includes the main thread). */
  peakMBPerWorker: number | null;
  /**
   * Wall seconds of every round's pair: two independent 1-worker processes running the whole
   * spec at the same time (the slower of the two).
   */
  pairSeconds: number[];
  /**
   * The host's ceiling for this workload: 1 worker alone over the pair, median over rounds.
   * The two processes share nothing but the machine, so a 2-worker pool cannot do better at the
   * same moment (short of sharing per-thread start-up, which the pair pays twice as well);
   * parallelEfficiency / hostCeiling is what the pool itself keeps of it.
   */
  hostCeiling: number;
}

/** Rounds of the pool benchmark: enough for each pool size to meet a quiet moment of the host. */
export const POOL_ROUNDS = 5;

const CHILD = fileURLToPath(new URL('./pool-child.js', import.meta.url));

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One pool measurement in a fresh process, so its peak memory is its own. */
function runChild(spec: string, workers: number): Promise<PoolRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CHILD, spec, String(workers)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code !== 0) {
        fail(new Error(`pool benchmark (${workers} workers) failed: ${err.trim()}`));
        return;
      }
      const r = JSON.parse(out.trim().split('\n').pop()!) as Omit<
        PoolRun,
        'runsPerSecond' | 'roundSeconds'
      >;
      done({ ...r, runsPerSecond: r.runs / r.seconds, roundSeconds: [] });
    });
  });
}

/**
 * Pool throughput of a sweep spec at 1 and 2 workers, each measurement in its own child
 * process. Every round runs the spec on 1 worker, on 2 workers, and as two independent
 * 1-worker processes at once (the host's ceiling); ratios are taken within a round and their
 * median over rounds is reported. On a shared machine a single measurement of each would
 * compare the host's load at two moments rather than the two pool sizes.
 */
export async function benchPool(spec: string, rounds = POOL_ROUNDS): Promise<PoolBench> {
  const best = new Map<number, PoolRun>();
  const seconds = new Map<number, number[]>([
    [1, []],
    [2, []],
  ]);
  const pairSeconds: number[] = [];
  let maxRss = 0;
  for (let round = 0; round < rounds; round++) {
    for (const w of [1, 2]) {
      const run = await runChild(spec, w);
      seconds.get(w)!.push(run.seconds);
      if (w === 1) maxRss = Math.max(maxRss, run.maxRssMB);
      const prev = best.get(w);
      if (!prev || run.seconds < prev.seconds) best.set(w, run);
    }
    const pair = await Promise.all([runChild(spec, 1), runChild(spec, 1)]);
    pairSeconds.push(Math.max(...pair.map((r) => r.seconds)));
  }
  const byWorkers = [1, 2].map((w) => ({ ...best.get(w)!, roundSeconds: seconds.get(w)! }));
  const ones = seconds.get(1)!;
  const twos = seconds.get(2)!;
  return {
    spec,
    byWorkers,
    parallelEfficiency: median(ones.map((t1, r) => t1 / (2 * twos[r]!))),
    peakMBPerWorker: maxRss,
    pairSeconds,
    hostCeiling: median(ones.map((t1, r) => t1 / pairSeconds[r]!)),
  };
}
