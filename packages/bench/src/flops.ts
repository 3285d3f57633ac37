import { linearStepCost, resolveConfig, type RunConfigInput } from '@ansatz/core';

/** Layer widths [d, k, …, k, c]. */
function dims(c: { inputDim: number; width: number; outputDim: number; depth: number }): number[] {
  return [c.inputDim, ...Array<number>(c.depth - 1).fill(c.width), c.outputDim];
}

/**
 * Floating-point operations of one step of the reference engine (TensorFlow.js autodiff) on a
 * batch of b samples, as it computes them: the forward matmuls (2·b·out·in per layer), the
 * weight gradients (same again) and the gradients flowing into every layer's input except the
 * data (TensorFlow.js prunes the tape to the paths from the weights), plus the elementwise
 * work: the loss (subtract, square, sum: 3·b·c) and, for nonlinear nets, the activation and its
 * derivative on every hidden unit (2·b·k per hidden layer).
 */
export function referenceStepFlops(input: RunConfigInput): number {
  const c = resolveConfig(input);
  const b = Math.min(c.batchSize, c.samples);
  const w = dims(c);
  let matmul = 0;
  for (let l = 1; l < w.length; l++) {
    const layer = 2 * b * w[l]! * w[l - 1]!;
    matmul += layer * (l === 1 ? 2 : 3);
  }
  const hidden = c.activation === 'linear' ? 0 : 2 * b * c.width * (c.depth - 1);
  return matmul + 3 * b * c.outputDim + hidden;
}

/** Floating-point operations of one step of the closed-form linear engine. */
export function linearStepFlops(input: RunConfigInput): number {
  return linearStepCost(resolveConfig(input)).flops;
}

/** Operations of one step of the straightforward NumPy loop (forward + backward over n). */
export function numpyStepFlops(input: RunConfigInput): number {
  return referenceStepFlops({ ...input, activation: 'linear' });
}
