import { estimateRunSeconds } from '@ansatz/core';
import type { Cell } from '../spec/expand.js';

/** Each cell's estimated seconds (core's `estimateRunSeconds`), by id. */
export function estimatedCosts(cells: readonly Cell[]): Map<string, number> {
  return new Map(cells.map((c) => [c.id, estimateRunSeconds(c.config)]));
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
  return [...cells].sort(
    (a, b) => cost.get(b.id)! - cost.get(a.id)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
