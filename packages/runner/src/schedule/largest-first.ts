import { estimateRunSeconds, type RunConfig } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';

/** The config fields `estimateRunSeconds` reads (its "shape"), the engine last. */
const SHAPE_FIELDS = [
  'inputDim',
  'outputDim',
  'depth',
  'width',
  'samples',
  'batchSize',
  'activation',
  'optimizer',
  'steps',
  'logEvery',
  'engine',
] as const satisfies readonly (keyof RunConfig)[];

/**
 * Core's `estimateRunSeconds`, remembered per shape: a grid's cells share a few dozen shapes.
 * The last shape is compared field by field first (neighbouring cells of a grid mostly share
 * it), then one map per shape field is walked (no key string per cell).
 */
export function makeCostEstimator(): (config: RunConfig) => number {
  const memo = new Map<unknown, unknown>();
  let last: RunConfig | undefined;
  let lastCost = 0;
  return (k) => {
    if (last !== undefined && SHAPE_FIELDS.every((f) => k[f] === last![f])) return lastCost;
    let level = memo;
    for (let i = 0; i < SHAPE_FIELDS.length - 1; i++) {
      const v = k[SHAPE_FIELDS[i]!];
      let next = level.get(v) as Map<unknown, unknown> | undefined;
      if (!next) level.set(v, (next = new Map()));
      level = next;
    }
    let cost = level.get(k.engine) as number | undefined;
    if (cost === undefined) level.set(k.engine, (cost = estimateRunSeconds(k)));
    last = k;
    lastCost = cost;
    return cost;
  };
}

/** Each cell's estimated seconds (core's `estimateRunSeconds`), by id. */
export function estimatedCosts(cells: readonly Cell[]): Map<string, number> {
  const costOf = makeCostEstimator();
  const out = new Map<string, number>();
  for (const c of cells) out.set(c.id, costOf(c.config));
  return out;
}

/**
 * The order a sweep starts its runs in: largest estimated cost first (ties by id), so the
 * pool's last minutes run short cells and no worker is left with one long run at the end
 * (longest-processing-time-first list scheduling). The estimate is core's
 * `estimateRunSeconds`, which knows which engine trains each config.
 */
export function largestFirst<C extends Cell>(
  cells: readonly C[],
  cost: ReadonlyMap<string, number> = estimatedCosts(cells),
): C[] {
  // Each cost looked up once, not twice per comparison.
  const keyed = cells.map((cell) => ({ cell, cost: cost.get(cell.id)! }));
  keyed.sort(
    (a, b) => b.cost - a.cost || (a.cell.id < b.cell.id ? -1 : a.cell.id > b.cell.id ? 1 : 0),
  );
  return keyed.map((k) => k.cell);
}
