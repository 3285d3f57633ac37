import type { RunConfig } from '../config/schema.js';
import type { KernelMode } from '../linalg/kernels.js';
import type { Task } from '../tasks/task.js';
import { singleEngine } from './cohort-engine.js';
import type { Engine } from './engine.js';
import { mlpCohortEngine } from './mlp-cohort-engine.js';

export type MlpConfig = Pick<
  RunConfig,
  | 'inputDim'
  | 'outputDim'
  | 'depth'
  | 'width'
  | 'samples'
  | 'batchSize'
  | 'activation'
  | 'leakySlope'
>;

/**
 * Backpropagation engine for fully connected nets without biases and any activation, in
 * float64 plain JS with every buffer preallocated (no allocation per step), so nonlinear runs
 * skip TensorFlow.js. Forward over the batch rows: Z_l = H_{l−1}W_lᵀ, H_l = σ(Z_l) (the last
 * layer is linear), keeping σ'(Z_l). Backward from E = (f − y)/b: ∂loss/∂W_l = δ_lᵀH_{l−1},
 * δ_{l−1} = (δ_l W_l) ⊙ σ'(Z_{l−1}). The AGOP backpropagates each output's unit vector for all
 * samples at once: G_j = rows ∂f_j(xᵢ)/∂xᵢ, AGOP = (1/n) Σ_j G_jᵀG_j. Buffers hold n rows and a
 * batch uses the first b. The gradient arrays returned are reused by the next call. One run is
 * a cohort of one (mlp-cohort-engine.ts), on the kernels `mode` selects.
 */
export function mlpEngine(c: MlpConfig, task: Task, mode: KernelMode = 'auto'): Engine {
  return singleEngine(mlpCohortEngine([c], [task], mode));
}
