import type { Dense } from '../linalg/dense.js';

/**
 * A training engine computes what the training loop needs from the current weights: the
 * loss and its gradients, the full-data loss, and the AGOP. Weights live in the loop as float64
 * arrays and the optimizers update them in place; an engine only reads them. So engines are
 * interchangeable: the TensorFlow.js autodiff engine is the reference, and fast paths (closed
 * form for linear nets) must give the same numbers.
 */
export interface Engine {
  /** Name recorded in results, e.g. `reference` or `linear`. */
  readonly name: string;
  /**
   * Loss ½‖f(x) − y‖² averaged over the batch (`null` = all samples) and its gradient with
   * respect to each weight matrix (row-major, same shapes as `weights`), without weight decay.
   */
  gradients(weights: Dense[], batch: Int32Array | null): { loss: number; grads: Float64Array[] };
  /** Full-data loss at these weights. */
  loss(weights: Dense[]): number;
  /**
   * The AGOP (1/n) Σ J(xᵢ)ᵀJ(xᵢ) at these weights (d × d), or null when the network is linear
   * and the metrics should use the closed form WᵀW.
   */
  agop(weights: Dense[]): Dense | null;
  /** Release any resources (tensors). */
  dispose(): void;
}
