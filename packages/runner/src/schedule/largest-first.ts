import { estimateRunSeconds } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';

/** Each cell's estimated seconds (core's `estimateRunSeconds`), by id. */
export function estimatedCosts(cells: readonly Cell[]): Map<string, number> {
  // The estimate reads only a config's shape, and a grid's cells share a few dozen shapes: one
  // estimate per shape, found through one map per shape field (no key string per cell).
  const memo = new Map<unknown, unknown>();
  const out = new Map<string, number>();
  for (const c of cells) {
    const k = c.config;
    let level = memo;
    const shape = [
      k.inputDim,
      k.outputDim,
      k.depth,
      k.width,
      k.samples,
      k.batchSize,
      k.activation,
      k.optimizer,
      k.steps,
      k.logEvery,
    ];
    for (const v of shape) {
      let next = level.get(v) as Map<unknown, unknown> | undefined;
      if (!next) level.set(v, (next = new Map()));
      level = next;
    }
    let cost = level.get(k.engine) as number | undefined;
    if (cost === undefined) level.set(k.engine, (cost = estimateRunSeconds(k)));
    out.set(c.id, cost);
  }
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
