import type { Kernels } from '../linalg/kernels.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { BatchSampler } from './batches.js';
import type { CohortEngine } from './cohort-engine.js';

/** Whether every entry is finite (an indexed loop: this runs on every step's gradients). */
export function allFinite(arrays: Float64Array[]): boolean {
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  }
  return true;
}

/** Whether every gradient array is finite, by the engine's kernels. */
function finiteAll(kernels: Kernels, arrays: Float64Array[]): boolean {
  for (let l = 0; l < arrays.length; l++) if (!kernels.allFinite(arrays[l]!)) return false;
  return true;
}

/** Each cell's training state in the step loop. */
export interface CellSteps {
  optimizer: Optimizer;
  sampler: BatchSampler;
  params: Float64Array[];
  /** Still training (not diverged, not stopped). */
  active: boolean;
  /** Gradient steps done; where a cell diverged, the step at which it did. */
  stepsDone: number;
  /** Set when the loss or a gradient became non-finite. */
  diverged: boolean;
}

/**
 * Gradient steps `from` … `until − 1` between two log steps for every active cell of a
 * cohort, in the order a cell alone takes them: its next batch, the gradients at its weights,
 * the finiteness check, its optimizer's update. A cell whose loss or gradient becomes
 * non-finite stops there (`diverged`, `stepsDone` = that step) while the others go on; the
 * engine still computes it (its numbers are then ignored). A small function of its own so that
 * it is compiled once per worker thread and reused by every run, instead of recompiling the
 * whole run loop (on-stack replacement) for each run.
 */
export function trainCohortSteps(
  engine: CohortEngine,
  cells: CellSteps[],
  from: number,
  until: number,
): void {
  const batches: (Int32Array | null)[] = new Array<Int32Array | null>(cells.length).fill(null);
  const kernels = engine.kernels;
  let live = 0;
  for (const cell of cells) if (cell.active) live++;
  for (let step = from; step < until && live > 0; step++) {
    for (let k = 0; k < cells.length; k++) batches[k] = cells[k]!.sampler.next();
    const { losses, grads } = engine.gradients(batches);
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k]!;
      if (!cell.active) continue;
      const g = grads[k]!;
      if (!Number.isFinite(losses[k]!) || !finiteAll(kernels, g)) {
        cell.active = false;
        cell.diverged = true;
        cell.stepsDone = step;
        live--;
        continue;
      }
      cell.optimizer.step(cell.params, g);
    }
  }
  for (const cell of cells) if (cell.active) cell.stepsDone = until;
}
