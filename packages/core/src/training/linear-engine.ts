import type { KernelMode } from '../linalg/kernels.js';
import type { Task } from '../tasks/task.js';
import { singleEngine } from './cohort-engine.js';
import type { Engine } from './engine.js';
import { linearCohortEngine } from './linear-cohort-engine.js';
import type { LinearConfig } from './linear-step-cost.js';

export { linearStepCost, type GradientPath, type LinearConfig } from './linear-step-cost.js';

/**
 * Closed-form engine for linear networks f(x) = W_L⋯W_1 x, float64, no autodiff and no
 * allocation per step. With W = W_L⋯W_1, G = ∂loss/∂W and prefix/suffix products
 * P_l = W_l⋯W_1, S_l = W_L⋯W_{l+1}: ∂loss/∂W_l = S_lᵀ G P_{l−1}ᵀ. Every factor has c rows
 * (S_l is c × dims[l], G·P_lᵀ is c × dims[l]), so a step costs O(L·c·k²) plus G:
 * - full batch: G = WΣxx − Σyx with Σxx = XᵀX/n, Σyx = YᵀX/n computed once, and
 *   loss = ⟨W, ½WΣxx − Σyx⟩ + tr(YᵀY)/(2n) — independent of n;
 * - minibatch: E = X_bWᵀ − Y_b, G = E ᵀX_b / b, loss = ½‖E‖²/b.
 * The gradient arrays returned are reused by the next call. AGOP is the closed form (null).
 * One run is a cohort of one (linear-cohort-engine.ts), on the kernels `mode` selects.
 */
export function linearEngine(c: LinearConfig, task: Task, mode: KernelMode = 'auto'): Engine {
  return singleEngine(linearCohortEngine([c], [task], mode));
}
