import type { Dense } from '../linalg/dense.js';
import type { Kernels } from '../linalg/kernels.js';
import type { Engine } from './engine.js';

/**
 * A training engine for a cohort: `size` cells of one shape (DESIGN.md §3, `cohortKey`) that
 * differ only in values, trained as one computation. Each cell's weights, data and scratch lie
 * in one stack per buffer, cell after cell, so that every matrix product runs once for the
 * whole cohort (the kernels' `count`). Every cell's numbers are computed in the order a cohort
 * of one computes them: a cell trained in a cohort gets exactly the numbers it gets alone.
 */
export interface CohortEngine {
  /** Name recorded in results (`linear`, `mlp`). */
  readonly name: string;
  /** Number of cells. */
  readonly size: number;
  /** The kernels that run the products, on the engine's memory (`wasm` or `js`). */
  readonly kernels: Kernels;
  /**
   * Each cell's weights W_1…W_L (row-major, out × in): views into the engine's stacks. The
   * training loop and its optimizers update these in place; `gradients` reads them.
   */
  readonly weights: Dense[][];
  /**
   * Every cell's loss (averaged over its batch; `null` = all samples) and gradients at its
   * current weights, without weight decay. The arrays returned are reused by the next call.
   */
  gradients(batches: readonly (Int32Array | null)[]): {
    losses: Float64Array;
    grads: Float64Array[][];
  };
  /** Cell k's full-data loss at its current weights. */
  loss(k: number): number;
  /** Cell k's AGOP (d × d), or null for linear networks (the metrics use WᵀW). */
  agop(k: number): Dense | null;
  /** Release any resources (the reference engine's tensors). */
  dispose?(): void;
}

/** Copies `weights` into the cell's own buffers unless they are those buffers already. */
function load(into: Dense[], weights: readonly Dense[]): void {
  weights.forEach((w, l) => {
    const own = into[l]!.data;
    if (w.data !== own) own.set(w.data);
  });
}

/**
 * A cohort of one as a single-run `Engine` (the interface of the reference engine and the
 * tests): weights given by the caller are copied into the engine's memory first, unless they
 * are the engine's own (`cohort.weights[0]`), which the training loop passes.
 */
export function singleEngine(cohort: CohortEngine): Engine {
  if (cohort.size !== 1) throw new Error(`singleEngine: a cohort of ${cohort.size}, expected 1`);
  const own = cohort.weights[0]!;
  return {
    name: cohort.name,
    gradients(weights, batch) {
      load(own, weights);
      const { losses, grads } = cohort.gradients([batch]);
      return { loss: losses[0]!, grads: grads[0]! };
    },
    loss(weights) {
      load(own, weights);
      return cohort.loss(0);
    },
    agop(weights) {
      load(own, weights);
      return cohort.agop(0);
    },
    dispose() {},
  };
}

/** Views of each cell's part of a stack of `count` blocks of `size` floats. */
export function cellViews(stack: Float64Array, size: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, k) => stack.subarray(k * size, (k + 1) * size));
}
