import { UserError } from '../errors.js';
import type { Cell } from '../spec/expand.js';
import { estimatedCosts } from './largest-first.js';

/** Which part of a sweep this process runs: shard `index` of `count` (0-based). */
export interface Shard {
  index: number;
  count: number;
  /** Where index/count came from, for messages: "--shard", "SLURM_ARRAY_TASK_ID", … */
  from: string;
}

export const WHOLE: Shard = { index: 0, count: 1, from: 'default' };

/**
 * Most shards a sweep can be split into: the largest Kubernetes Indexed Job (10⁵
 * completions), far above Slurm's default array size. Sharding costs memory and time per
 * shard, so a larger count is refused before any work (a typo such as 0/1000000000 must not
 * exhaust the heap).
 */
export const MAX_SHARDS = 100_000;

/** Why a shard count cannot be used, or undefined. */
export function shardCountProblem(what: string, count: number): string | undefined {
  if (Number.isSafeInteger(count) && count >= 1 && count <= MAX_SHARDS) return undefined;
  return `${what}: the shard count must be an integer from 1 to ${MAX_SHARDS}`;
}

/**
 * Deterministic cost-balanced assignment of ids to `count` shards: cells sorted by estimated
 * cost (largest first, ties by id) go one by one to the least-loaded shard (ties: lowest
 * index). The result depends only on the set of cells, never on their order or on what ran.
 */
export function assignShards(
  cells: readonly { id: string; cost: number }[],
  count: number,
): Map<string, number> {
  const out = new Map<string, number>();
  if (count === 1) {
    // One shard owns everything: the same map without sorting a million cells.
    for (const c of cells) out.set(c.id, 0);
    return out;
  }
  const sorted = [...cells].sort(
    (a, b) => b.cost - a.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const load = new Array<number>(count).fill(0);
  for (const c of sorted) {
    if (out.has(c.id)) continue;
    let best = 0;
    for (let s = 1; s < count; s++) if (load[s]! < load[best]!) best = s;
    load[best]! += c.cost;
    out.set(c.id, best);
  }
  return out;
}

/** `assignShards` of a sweep's cells by their estimated seconds (what `runner sweep` shards by). */
export function shardOwners(
  cells: readonly Cell[],
  count: number,
  cost: ReadonlyMap<string, number> = estimatedCosts(cells),
): Map<string, number> {
  return assignShards(
    cells.map((c) => ({ id: c.id, cost: cost.get(c.id)! })),
    count,
  );
}

function parseIntStrict(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

/** Parse `I/N` (0 ≤ I < N); a problem message on failure. */
export function parseShardFlag(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `--shard "${text}": expected I/N with 0 ≤ I < N, e.g. --shard 0/4`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  const tooMany = shardCountProblem(`--shard ${text.trim()}`, count);
  if (tooMany !== undefined) return tooMany;
  if (count < 1 || index >= count)
    return `--shard ${text}: expected 0 ≤ I < N and N ≥ 1, e.g. --shard 0/${Math.max(count, 2)}`;
  return { index, count, from: '--shard' };
}

/** Environment variables that select a shard, in the order they are consulted. */
export const SHARD_ENV = [
  'SLURM_ARRAY_TASK_ID',
  'SLURM_ARRAY_TASK_COUNT',
  'SLURM_ARRAY_TASK_MIN',
  'SLURM_ARRAY_TASK_MAX',
  'JOB_COMPLETION_INDEX',
  'ANSATZ_SHARD_COUNT',
] as const;

/**
 * Resolve the shard from, in order: `--shard I/N`; a Slurm job array (SLURM_ARRAY_TASK_ID with
 * SLURM_ARRAY_TASK_COUNT, or with SLURM_ARRAY_TASK_MIN/MAX, index = ID − MIN); a Kubernetes
 * Indexed Job (JOB_COMPLETION_INDEX, count from --shard-count or ANSATZ_SHARD_COUNT); else the
 * whole sweep. A partial or inconsistent setting is a `UserError`.
 */
export function resolveShard(
  flags: { shard?: string | undefined; shardCount?: number | undefined },
  env: NodeJS.ProcessEnv = process.env,
): Shard {
  if (flags.shard !== undefined) {
    const s = parseShardFlag(flags.shard);
    if (typeof s === 'string') throw new UserError(s);
    return s;
  }
  const num = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const n = parseIntStrict(raw);
    if (n === undefined)
      throw new UserError(`environment ${name}="${raw}": expected a non-negative integer`);
    return n;
  };
  const slurmId = num('SLURM_ARRAY_TASK_ID');
  if (slurmId !== undefined) {
    const min = num('SLURM_ARRAY_TASK_MIN') ?? 0;
    const max = num('SLURM_ARRAY_TASK_MAX');
    const count =
      num('SLURM_ARRAY_TASK_COUNT') ??
      flags.shardCount ??
      (max !== undefined ? max - min + 1 : undefined);
    if (count === undefined) {
      throw new UserError(
        'SLURM_ARRAY_TASK_ID is set but the shard count is unknown: set SLURM_ARRAY_TASK_COUNT or SLURM_ARRAY_TASK_MIN/MAX (sbatch --array sets them), or pass --shard-count N',
      );
    }
    const bad = shardCountProblem(`SLURM array of ${count} tasks`, count);
    if (bad !== undefined) throw new UserError(bad);
    const index = slurmId - min;
    if (index < 0 || index >= count) {
      throw new UserError(
        `SLURM_ARRAY_TASK_ID=${slurmId} with MIN=${min} and ${count} tasks is outside 0…${count - 1}; use a contiguous array such as --array=0-${count - 1}`,
      );
    }
    return { index, count, from: 'SLURM_ARRAY_TASK_ID' };
  }
  const k8s = num('JOB_COMPLETION_INDEX');
  if (k8s !== undefined) {
    const count = flags.shardCount ?? num('ANSATZ_SHARD_COUNT');
    if (count === undefined) {
      throw new UserError(
        "JOB_COMPLETION_INDEX is set but the shard count is unknown: pass --shard-count N or set ANSATZ_SHARD_COUNT (the Job's completions)",
      );
    }
    const bad = shardCountProblem(`shard count ${count}`, count);
    if (bad !== undefined) throw new UserError(bad);
    if (count < 1 || k8s >= count) {
      throw new UserError(
        `JOB_COMPLETION_INDEX=${k8s} is outside 0…${count - 1} (shard count ${count})`,
      );
    }
    return { index: k8s, count, from: 'JOB_COMPLETION_INDEX' };
  }
  return WHOLE;
}
