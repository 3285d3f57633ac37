import {
  backpropStepFlops,
  linearStepCost,
  resolveConfig,
  type RunConfigInput,
} from '@ansatz/core';

/**
 * Floating-point operations of one step of the reference engine (TensorFlow.js autodiff) and
 * of the float64 MLP engine, which do the same matmuls (core's `backpropStepFlops`).
 */
export function referenceStepFlops(input: RunConfigInput): number {
  return backpropStepFlops(resolveConfig(input));
}

/** Floating-point operations of one step of the closed-form linear engine. */
export function linearStepFlops(input: RunConfigInput): number {
  return linearStepCost(resolveConfig(input)).flops;
}

/** Operations of one step of the straightforward NumPy loop (forward + backward over n). */
export function numpyStepFlops(input: RunConfigInput): number {
  return referenceStepFlops({ ...input, activation: 'linear' });
}
